import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Finds what a request's path names — the assessment, a scenario — inside the granted partner state (404 otherwise),
/// and the layout of an assessment's pages. Every controller of an assessment's steps holds one.
struct AssessmentLookup: Sendable {
    let records: AssessmentStore
    let scoring: ScoringStore
    let states: PartnerStateStore

    init(_ services: AppServices) {
        records = services.assessments.records
        scoring = services.assessments.scoring
        states = services.states
    }

    /// The assessment named by `{assessmentID}` in the granted state, with the scope.
    func assessment(_ context: AppRequestContext, _ granted: Granted) async throws -> (Assessment, TenantScope) {
        let scope = try granted.requireTenant()
        guard let id = context.parameters.get("assessmentID"), Identifier.isValid(id), let assessment = try await records.find(scope, id: id)
        else { throw AppError.notFound }
        return (assessment, scope)
    }

    /// The scenario named by `{scenarioID}` in the assessment.
    func scenario(_ context: AppRequestContext, _ scope: TenantScope, _ assessment: Assessment) async throws -> ThreatScenario {
        guard let id = context.parameters.get("scenarioID"), Identifier.isValid(id),
            let scenario = try await scoring.scenario(scope, assessmentID: assessment.id, id: id)
        else { throw AppError.notFound }
        return scenario
    }

    /// The layout of a page about the assessment: its marking and the state's navigation.
    func layout(
        _ title: String, _ assessment: Assessment, _ request: Request, _ context: AppRequestContext, _ scope: TenantScope
    ) async throws
        -> LayoutModel
    {
        context.layout(title, tlp: assessment.tlp, path: request.uri.path, state: try await states.find(scope))
    }
}
