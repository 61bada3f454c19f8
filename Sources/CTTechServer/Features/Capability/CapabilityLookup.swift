import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird

/// Finds what a capability or roadmap route names — the state, the assessment, the area, the item — inside the granted
/// state (404 otherwise), and works out the threat relevance of each area from the register an assessment names.
struct CapabilityLookup: Sendable {
    let capability: CapabilityStore
    let policy: PolicyStore
    let states: PartnerStateStore
    let assessments: AssessmentStores
    let registers: Registers

    init(_ services: AppServices) {
        capability = services.capability
        policy = services.policy
        states = services.states
        assessments = services.assessments
        registers = services.registers
    }

    func state(_ scope: TenantScope) async throws -> PartnerState {
        guard let state = try await states.find(scope) else { throw AppError.notFound }
        return state
    }

    /// The capability assessment named by `{capabilityID}` in the granted state.
    func assessment(_ context: AppRequestContext, _ scope: TenantScope, parameter: String = "capabilityID") async throws -> CapabilityAssessment {
        guard let id = context.parameters.get(parameter), Identifier.isValid(id),
            let assessment = try await capability.capabilityAssessment(scope, id: id)
        else { throw AppError.notFound }
        return assessment
    }

    /// The area named by `{area}`, when the assessment covers it.
    func area(_ context: AppRequestContext, of assessment: CapabilityAssessment) throws -> String {
        guard let area = context.parameters.get("area"), assessment.areas.contains(area) else { throw AppError.notFound }
        return area
    }

    /// The roadmap item named by `{itemID}` in the granted state.
    func item(_ context: AppRequestContext, _ scope: TenantScope) async throws -> RoadmapItem {
        guard let id = context.parameters.get("itemID"), Identifier.isValid(id), let item = try await capability.roadmapItem(scope, id: id)
        else { throw AppError.notFound }
        return item
    }

    /// The state's threat assessments (for the register an assessment names).
    func threatAssessments(_ scope: TenantScope) async throws -> [Assessment] {
        try await assessments.records.list(scope)
    }

    /// Each area's relevance from the register of the threat assessment `assessment` names, with that assessment's title
    /// (nil, nil when it names none or the assessment is gone).
    func relevance(
        _ assessment: CapabilityAssessment, framework: CapabilityFramework, scope: TenantScope
    ) async throws
        -> ([String: AreaRelevance]?, String?)
    {
        guard let id = assessment.registerAssessmentID,
            let threat = try await assessments.records.list(scope).first(where: { $0.id == id })
        else { return (nil, nil) }
        let built = try await registers.build(threat, scope: scope)
        let scenarios = Dictionary(
            try await assessments.scoring.scenarios(scope, assessmentID: threat.id).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let risks = built.document.entries.compactMap { entry -> RelevantRisk? in
            guard let scenario = scenarios[entry.id] else { return nil }
            return RelevantRisk(
                id: entry.id, title: entry.title, technologies: scenario.technologies, purposes: scenario.purposes, inherent: entry.meanScore,
                residual: entry.residual?.meanScore ?? entry.meanScore)
        }
        return (AreaRelevance.compute(framework: framework, risks: risks), threat.title)
    }

    /// The layout of a capability page: the state's default marking and navigation.
    func layout(_ title: String, state: PartnerState, _ request: Request, _ context: AppRequestContext) -> LayoutModel {
        context.layout(title, tlp: state.defaultTLP, path: request.pathAndQuery, state: state)
    }

    /// The version a form was read at (a missing or malformed one is a 400).
    static func version(_ context: AppRequestContext) throws -> Int { try PolicyLookup.version(context) }

    static var today: CalendarDate { PolicyLookup.today }
}
