import CTTechCore
import CTTechStore

/// Builds the national risk register for the web page, its chart and the API alike.
struct RegisterBuilder {
    let services: AppServices
    static let draws = 5_000
    static let seed: UInt64 = 2024

    /// The register of the latest revealed round; an open round is never aggregated, so no one infers peers' scores.
    /// Computed once per change of its inputs (the Monte Carlo run is the expensive part) and kept in ``RegisterCache``.
    func build(_ assessment: Assessment, scope: TenantScope) async throws -> (RiskRegister, Int?) {
        guard let current = try await services.assessments.currentRound(scope, assessmentID: assessment.id) else { return (RiskRegister.empty, nil) }
        let basis = current.status == .revealed ? current.number : current.number - 1
        guard basis >= 1 else { return (RiskRegister.empty, nil) }
        let scenarios = try await services.assessments.scenarios(scope, assessmentID: assessment.id)
        let scores = try await services.assessments.scoresForRegister(scope, assessmentID: assessment.id, round: basis)
        let key = RegisterCache.Key(assessmentID: assessment.id, round: basis, scenarios: scenarios, scores: scores)
        if let cached = await services.registerCache.get(key) { return (cached, basis) }
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: scores, round: basis, otherRisks: [], draws: Self.draws, seed: Self.seed)
        await services.registerCache.put(key, register)
        return (register, basis)
    }
}
