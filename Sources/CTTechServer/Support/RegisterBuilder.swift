import CTTechCore
import CTTechStore

/// Builds the national risk register for the web page, its chart and the API alike.
struct RegisterBuilder {
    let services: AppServices
    static let draws = 5_000
    static let seed: UInt64 = 2024

    /// The register of the latest revealed round; an open round is never aggregated, so no one infers peers' scores.
    /// Computed once per revision of the assessment (bumped in the same transaction as every change to its scenarios,
    /// rounds or scores) and kept in ``RegisterCache``: a request for an unchanged assessment reads one row.
    func build(_ assessment: Assessment, scope: TenantScope) async throws -> (RiskRegister, Int?) {
        guard let revision = try await services.assessments.revision(scope, assessmentID: assessment.id) else { return (RiskRegister.empty, nil) }
        let key = RegisterCache.Key(assessmentID: assessment.id, revision: revision)
        if let cached = await services.registerCache.get(key) { return cached }
        let built = try await compute(assessment, scope: scope)
        await services.registerCache.put(key, built)
        return built
    }

    /// Scenarios enter with their latest revealed round; other national risks enter whatever the rounds.
    private func compute(_ assessment: Assessment, scope: TenantScope) async throws -> (RiskRegister, Int?) {
        let otherRisks = try await services.assessments.otherRisks(scope, assessmentID: assessment.id)
        guard let current = try await services.assessments.currentRound(scope, assessmentID: assessment.id) else { return (RiskRegister.empty, nil) }
        let revealed = current.status == .revealed ? current.number : current.number - 1
        let basis = revealed >= 1 ? revealed : nil
        var scenarios: [ThreatScenario] = []
        var scores: [ScenarioScore] = []
        if let basis {
            scenarios = try await services.assessments.scenarios(scope, assessmentID: assessment.id)
            scores = try await services.assessments.scoresForRegister(scope, assessmentID: assessment.id, round: basis)
        }
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: scores, round: basis ?? 0, otherRisks: otherRisks, draws: Self.draws, seed: Self.seed)
        return (register, basis)
    }
}
