import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird
import NIOCore

/// Steps 5–6, read-only views: the options for one risk, the "what if" portfolio, the compliance dashboard and the
/// national policy document.
struct PolicyViewsController {
    let lookup: PolicyLookup
    let assessments: AssessmentLookup
    let policy: PolicyStore
    let design: PolicyDesign
    let reviewing: ResponseReviewing
    let registers: Registers
    let detail: ResponseDetail
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = PolicyLookup(services)
        assessments = AssessmentLookup(services)
        policy = services.policy
        design = services.policyDesign
        reviewing = services.responseReviewing
        registers = services.registers
        detail = ResponseDetail(services)
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.riskOptions(.parameter, .parameter, risk: .parameter), .state(.viewResponses)) { request, context, granted in
            let (assessment, scope) = try await assessments.assessment(context, granted)
            let built = try await registers.build(assessment, scope: scope)
            guard let id = context.parameters.get("riskID"), let entry = built.document.entries.first(where: { $0.id == id }) else {
                throw AppError.notFound
            }
            let candidates = try await policy.responses(scope).filter { $0.targets.contains { $0.riskID == id } }
            let options = ResponseOptions(entry: entry, candidates: candidates)
            let page = OptionsPage.make(
                layout: try await assessments.layout(
                    context.localizer("policy.options.page-title", ["title": entry.title]), assessment, request, context, scope),
                assessment: assessment, entry: entry, options: options)
            return .html(pages.render(page))
        }
        routes.get(.portfolio(.parameter, .parameter), .state(.viewResponses)) { request, context, granted in
            let (assessment, scope) = try await assessments.assessment(context, granted)
            let built = try await registers.build(assessment, scope: scope)
            let ids = Set(built.document.entries.map(\.id))
            let candidates = try await policy.responses(scope).filter { r in
                r.status != .withdrawn && r.targets.contains { ids.contains($0.riskID) }
            }
            let query = request.uri.queryParameters
            let chosen = Set(candidates.map(\.id).filter { query.get("include." + $0) == "on" })
            let budget = query.get("budget") ?? ""
            var failure: ValidationFailure?
            let cleaned = budget.filter { !$0.isWhitespace && $0 != "," }
            if !cleaned.isEmpty, Double(cleaned).map({ !$0.isFinite || $0 < 0 }) ?? true {
                failure = ValidationFailure(field: "budget", "validation.policy.amount")
            }
            let whatIf =
                chosen.isEmpty || failure != nil
                ? nil : try await registers.whatIf(assessment, scope: scope, portfolio: candidates.filter { chosen.contains($0.id) })
            let page = PortfolioPage.make(
                layout: try await assessments.layout(context.localizer("policy.portfolio.title"), assessment, request, context, scope),
                assessment: assessment, candidates: candidates, chosen: chosen, budget: budget, budgetFailure: failure, current: built.document,
                whatIf: whatIf)
            return .html(pages.render(page), status: failure == nil ? .ok : .badRequest)
        }
        routes.get(.responsesCSV(.parameter), .state(.viewResponses)) { _, _, granted in
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let responses = try await policy.responses(scope)
            let csv = ResponsesCSV(
                responses: responses, risks: try await policy.addressableRisks(scope), agencies: try await policy.stateAgencies(scope),
                method: try await design.method(of: nil), reviews: try await policy.allReviews(scope),
                overrides: try await policy.allOverrides(scope),
                indicators: try await policy.allIndicators(scope), today: PolicyLookup.today
            ).csv()
            let marking = (responses.map(\.tlp).max() ?? state.defaultTLP).rawValue.replacingOccurrences(of: "+", with: "-")
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"responses-\(marking)-\(state.code).csv\"",
                ], body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        routes.get(.compliance(.parameter), .state(.viewResponses)) { request, context, granted in
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let summary = ComplianceSummary(
                responses: try await policy.responses(scope), reviews: try await policy.allReviews(scope),
                overrides: try await policy.allOverrides(scope), method: try await design.method(of: nil))
            let page = CompliancePage.make(
                layout: lookup.layout(context.localizer("policy.compliance.title"), tlp: nil, state: state, request, context), stateID: state.id,
                summary: summary)
            return .html(pages.render(page))
        }
        routes.get(.policyDocument(.parameter), .state(.viewResponses)) { request, context, granted in
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let approved = try await policy.responses(scope).filter(\.status.counts)
            var inputs: [PolicyDocumentPage.Input] = []
            for response in approved {
                inputs.append(
                    PolicyDocumentPage.Input(
                        response: response, figures: try await detail.figures(response, scope: scope),
                        checklists: try await reviewing.checklists(response, scope: scope),
                        overrides: try await policy.overrides(scope, responseID: response.id),
                        indicators: try await policy.indicators(scope, responseID: response.id)))
            }
            let marking = approved.map(\.tlp).max()
            let page = PolicyDocumentPage.make(
                layout: lookup.layout(context.localizer("policy.document.title"), tlp: marking, state: state, request, context), state: state,
                inputs: inputs, method: try await design.method(of: nil), risks: try await policy.addressableRisks(scope),
                agencies: try await policy.stateAgencies(scope), today: PolicyLookup.today)
            return .html(pages.render(page))
        }
    }
}
