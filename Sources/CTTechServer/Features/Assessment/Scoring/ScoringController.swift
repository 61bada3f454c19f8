import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird
import NIOCore

/// Step 3: scenarios, their evidence, private scoring and the facilitator's rounds.
struct ScoringController {
    let lookup: AssessmentLookup
    let scoring: Scoring
    let evidenceRecording: EvidenceRecording
    let stores: AssessmentStores
    let reference: ReferenceDataStore
    let pages: PageRenderer
    /// The overview is shown again when a new scenario is refused.
    let overview: AssessmentController

    init(_ services: AppServices) {
        lookup = AssessmentLookup(services)
        scoring = services.scoring
        evidenceRecording = services.evidenceRecording
        stores = services.assessments
        reference = services.reference
        pages = services.pages
        overview = AssessmentController(services)
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.roundStatistics(.parameter, .parameter), .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let (statistics, revealed) = try await RoundStatisticsLoader(stores: stores, reference: reference).load(assessment, scope: scope)
            let page = RoundStatisticsPage.make(
                layout: try await lookup.layout(context.localizer("rounds.title"), assessment, request, context, scope), assessment: assessment,
                statistics: statistics, revealedThrough: revealed)
            return .html(pages.render(page))
        }
        routes.get(.roundStatisticsCSV(.parameter, .parameter), .state(.viewAssessment)) { _, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let (statistics, _) = try await RoundStatisticsLoader(stores: stores, reference: reference).load(assessment, scope: scope)
            let marking = assessment.tlp.rawValue.replacingOccurrences(of: "+", with: "-")
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"rounds-\(marking).csv\""],
                body: .init(byteBuffer: ByteBuffer(string: statistics.csv(tlp: assessment.tlp.rawValue))))
        }
        routes.post(.assessmentRound(.parameter, .parameter), .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            guard let target = ScoringRound.Status(rawValue: context.form["to"] ?? "") else {
                throw ValidationFailure(field: "to", "scoring.round.target-invalid")
            }
            // Closing and revealing say what they will do to the register and wait for a confirmation; opening loses nothing.
            if target != .open && context.form["confirm"] != "yes" {
                let preview = try await scoring.preview(assessment, to: target, scope: scope)
                let page = RoundConfirmPage.make(
                    layout: try await lookup.layout(
                        context.localizer("scoring.confirm.page-title", ["round": String(preview.round.number)]), assessment, request, context, scope),
                    assessment: assessment, preview: preview, csrf: context.csrfToken ?? "")
                return .html(pages.render(page))
            }
            let round = try await scoring.advanceRound(assessment, to: target, by: try granted.actor(), scope: scope)
            let notice: Notice =
                switch round.status {
                case .open: .roundOpened
                case .closed: .roundClosed
                case .revealed: .roundRevealed
                }
            return .seeOther(SiteURL.assessment(scope.stateID, assessment.id).path, notice: notice)
        }
        routes.post(.scenarios(.parameter, .parameter), .state(.writeScenario)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let draft = Self.scenarioDraft(context.form)
            do {
                let scenario = try await scoring.addScenario(draft, to: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.scenario(scope.stateID, assessment.id, scenario: scenario.id).path, notice: .scenarioAdded)
            } catch let failure as ValidationFailure {
                return try await overview.overview(request, context, granted, draft: draft, failure: failure, status: .badRequest)
            }
        }
        routes.get(.scenario(.parameter, .parameter, scenario: .parameter), .state(.viewAssessment)) { request, context, granted in
            try await scenarioPage(request, context, granted, submitted: [:], failure: nil, status: .ok)
        }
        routes.post(.scores(.parameter, .parameter, scenario: .parameter), .state(.scoreScenario)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let scenario = try await lookup.scenario(context, scope, assessment)
            do {
                _ = try await scoring.submit(ScoreDraft(fields: context.form.fields), for: scenario, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.scenario(scope.stateID, assessment.id, scenario: scenario.id).path, notice: .scoreRecorded)
            } catch let failure as ValidationFailure {
                return try await scenarioPage(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            } catch let violation as AssessmentRuleViolation {
                return try await scenarioPage(
                    request, context, granted, submitted: context.form.fields,
                    failure: ValidationFailure(field: "round", violation.explanation.key, violation.explanation.values),
                    status: .conflict)
            }
        }
        routes.post(.scenarioEvidence(.parameter, .parameter, scenario: .parameter), .state(.writeScenario)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let scenario = try await lookup.scenario(context, scope, assessment)
            do {
                _ = try await evidenceRecording.add(
                    EvidenceDraft(fields: context.form.fields), about: .scenario(scenario.id), in: assessment, field: "scenario",
                    by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.scenario(scope.stateID, assessment.id, scenario: scenario.id).path, notice: .evidenceAdded)
            } catch let failure as ValidationFailure {
                return try await scenarioPage(
                    request, context, granted, submitted: context.form.fields, failure: nil, evidenceFailure: failure, status: .badRequest)
            }
        }
    }

    /// Reads the scenario form: one checkbox per technology (`technology.T09`) and purpose (`purpose.P7`).
    static func scenarioDraft(_ form: FormData) -> ScenarioDraft {
        let technologies = form.fields.keys.filter { $0.hasPrefix("technology.") }.map { String($0.dropFirst("technology.".count)) }.sorted()
        let purposes = form.fields.keys.filter { $0.hasPrefix("purpose.") }.map { String($0.dropFirst("purpose.".count)) }.sorted()
        return ScenarioDraft(
            title: form["title"], narrative: form["narrative"], actorType: form["actorType"], technologies: technologies, purposes: purposes,
            targetSector: form["targetSector"], horizonYears: form["horizonYears"])
    }

    func scenarioPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String], failure: ValidationFailure?,
        evidenceFailure: ValidationFailure? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await lookup.assessment(context, granted)
        let scenario = try await lookup.scenario(context, scope, assessment)
        guard let round = try await stores.scoring.currentRound(scope, assessmentID: assessment.id),
            let method = try await reference.method(id: assessment.methodVersion)
        else { throw AppError.notFound }
        let page = ScenarioPage.make(
            layout: try await lookup.layout(scenario.title, assessment, request, context, scope), assessment: assessment, scenario: scenario,
            round: round, shown: try await stores.scoring.visibleScores(scope, assessmentID: assessment.id, round: round), method: method,
            evidence: try await stores.evidence.evidence(scope, assessmentID: assessment.id, about: .scenario(scenario.id)),
            abilities: AssessmentAbilities(identity: try granted.requireIdentity(), assessment: assessment), csrf: context.csrfToken ?? "",
            scenarios: try await stores.scoring.scenarios(scope, assessmentID: assessment.id), submitted: submitted, failure: failure,
            evidenceFailure: evidenceFailure)
        return .html(pages.render(page), status: status)
    }
}
