import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Builds a response's page: the figures of its targets from their assessments' registers, its reviews, overrides,
/// abilities and indicators. The controllers of the response's forms render it again, with the refused form.
struct ResponseDetail: Sendable {
    let lookup: PolicyLookup
    let policy: PolicyStore
    let design: PolicyDesign
    let reviewing: ResponseReviewing
    let records: AssessmentStore
    let scoring: ScoringStore
    let registers: Registers
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = PolicyLookup(services)
        policy = services.policy
        design = services.policyDesign
        reviewing = services.responseReviewing
        records = services.assessments.records
        scoring = services.assessments.scoring
        registers = services.registers
        pages = services.pages
    }

    func page(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, refused: ResponsePage.Refused?, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let identity = try granted.requireIdentity()
        let response = try await lookup.response(context, scope)
        let state = try await lookup.state(scope)
        let method = try await design.method(of: response)
        let checklists = try await reviewing.checklists(response, scope: scope)
        let figures = try await figures(response, scope: scope)
        let page = ResponsePage.make(
            layout: lookup.layout(response.title, tlp: response.tlp, state: state, request, context), response: response, method: method,
            risks: try await policy.addressableRisks(scope), agencies: try await policy.stateAgencies(scope), figures: figures,
            checklists: checklists,
            overrides: try await policy.overrides(scope, responseID: response.id),
            abilities: PolicyAbilities(identity: identity, response: response, blocking: checklists.flatMap(\.blocking)),
            indicators: try await policy.indicators(scope, responseID: response.id), today: PolicyLookup.today, csrf: context.csrfToken ?? "",
            refused: refused)
        return .html(pages.render(page), status: status)
    }

    /// The figures of each target from its assessment's register, and its observed effectiveness after a follow-up round.
    func figures(_ response: PolicyResponse, scope: TenantScope) async throws -> [String: ResponsePage.TargetFigures] {
        var figures: [String: ResponsePage.TargetFigures] = [:]
        for assessmentID in Set(response.targets.map(\.assessmentID)) {
            guard let assessment = try await records.find(scope, id: assessmentID) else { continue }
            let built = try await registers.build(assessment, scope: scope)
            let entries = Dictionary(built.document.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var scores: [ScenarioScore] = []
            if let basis = built.document.basisRound, response.targets.contains(where: { $0.baselineRound != nil && $0.kind == .scenario }) {
                scores = try await scoring.scoresForRegister(scope, assessmentID: assessment.id, throughRound: basis)
            }
            for target in response.targets where target.assessmentID == assessmentID {
                let observed = target.baselineRound.flatMap {
                    target.kind == .scenario ? ObservedEffectiveness(scenarioID: target.riskID, baselineRound: $0, scores: scores) : nil
                }
                figures[target.riskID] = ResponsePage.TargetFigures(entry: entries[target.riskID], observed: observed)
            }
        }
        return figures
    }
}
