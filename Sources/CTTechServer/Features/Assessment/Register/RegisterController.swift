import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 4: the national risk register (page, charts, downloads) and the other national risks ranked with the scenarios.
struct RegisterController {
    let lookup: AssessmentLookup
    let registers: Registers
    let recording: OtherRiskRecording
    let store: OtherRiskStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = AssessmentLookup(services)
        registers = services.registers
        recording = services.otherRisks
        store = services.assessments.risks
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        for chart in RegisterChartKind.allCases {
            // The chart in the reader's language, like the page around it.
            routes.get(.registerChart(.parameter, .parameter, chart), .state(.viewAssessment)) { request, context, granted in
                let (assessment, scope) = try await lookup.assessment(context, granted)
                let built = try await registers.build(assessment, scope: scope, round: try Self.round(request))
                return Response(
                    status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8", .contentLanguage: context.language.rawValue],
                    body: .init(byteBuffer: await registers.chart(chart, of: built, language: context.language)))
            }
        }
        for format in RegisterExportFormat.allCases {
            routes.get(.registerExport(.parameter, .parameter, format), .state(.viewAssessment)) { request, context, granted in
                let (assessment, scope) = try await lookup.assessment(context, granted)
                // `?language=fr`: the CSV for people, headed and worded in that language; without it, the stable CSV.
                let language = format == .csv ? try Downloads.language(request) : nil
                let built = try await registers.build(assessment, scope: scope, round: try Self.round(request))
                return Downloads.register(built, format: format, assessment: assessment, request: request, language: language)
            }
        }
        routes.get(.register(.parameter, .parameter), .state(.viewAssessment)) { request, context, granted in
            try await registerPage(request, context, granted, draft: [:], failure: nil, status: .ok)
        }
        routes.get(.residualTrace(.parameter, .parameter, risk: .parameter), .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let built = try await registers.build(assessment, scope: scope)
            guard let id = context.parameters.get("riskID"), let entry = built.document.entries.first(where: { $0.id == id }) else {
                throw AppError.notFound
            }
            let page = ResidualTracePage.make(
                layout: try await lookup.layout(
                    context.localizer("policy.trace.page-title", ["title": entry.title]), assessment, request, context, scope),
                assessment: assessment, entry: entry)
            return .html(pages.render(page))
        }
        routes.get(.otherRisks(.parameter, .parameter), .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let page = OtherRisksPage.make(
                layout: try await lookup.layout(
                    context.localizer("register.other.page-title", ["title": assessment.title]), assessment, request, context, scope),
                assessment: assessment, risks: try await store.otherRisks(scope, assessmentID: assessment.id),
                canManage: AssessmentAbilities(identity: try granted.requireIdentity(), assessment: assessment).manage, csrf: context.csrfToken ?? "")
            return .html(pages.render(page))
        }
        routes.post(.otherRisks(.parameter, .parameter), .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            do {
                _ = try await recording.add(OtherRiskDraft(fields: context.form.fields), to: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.register(scope.stateID, assessment.id).path, notice: .otherRiskAdded)
            } catch let failure as ValidationFailure {
                return try await registerPage(request, context, granted, draft: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        Correction.otherRisk(store: store, recording: recording).addRoutes(to: routes, lookup: lookup, pages: pages)
    }

    private func registerPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, draft: [String: String], failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await lookup.assessment(context, granted)
        let round = try Self.round(request)
        let latest = try await registers.build(assessment, scope: scope)
        let built = round == nil ? latest : try await registers.build(assessment, scope: scope, round: round)
        let page = RegisterPage.make(
            layout: try await lookup.layout(
                context.localizer("register.page-title", ["title": assessment.title]), assessment, request, context, scope),
            assessment: assessment,
            body: await registers.pageBody(built, assessment: assessment, pages: pages, language: context.language),
            canManage: AssessmentAbilities(identity: try granted.requireIdentity(), assessment: assessment).manage, csrf: context.csrfToken ?? "",
            draft: draft, failure: failure, revealedRounds: latest.document.basisRound ?? 0, round: round)
        return .html(pages.render(page), status: status)
    }

    /// `?round=N`: the register taken at revealed round N (issue 12); absent: the latest. Anything but a round number is 400.
    static func round(_ request: Request) throws -> Int? {
        guard let text = request.uri.queryParameters.get("round") else { return nil }
        guard let round = Int(text), (1...99).contains(round) else { throw AppError.badRequest("register.error.round") }
        return round
    }
}
