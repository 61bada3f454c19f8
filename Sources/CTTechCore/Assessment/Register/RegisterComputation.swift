/// Computes the national risk register of an assessment from what the repositories hold (DOMAIN.md §4: Monte Carlo
/// prioritisation of the latest revealed round together with the other national risks).
public struct RegisterComputation: Sendable {
    let scoring: any ScoringRepository
    let risks: any OtherRiskRepository
    let reference: any ReferenceDataRepository
    /// The state's policy responses, whose approved effects give residual risk (issue 10); nil leaves them out.
    let policy: (any PolicyRepository)?
    /// Draws of the Monte Carlo run, and its fixed seed: the same inputs always give the same register.
    public static let draws = 5_000
    public static let seed: UInt64 = 2024

    public init(
        scoring: any ScoringRepository, risks: any OtherRiskRepository, reference: any ReferenceDataRepository, policy: (any PolicyRepository)? = nil
    ) {
        self.scoring = scoring
        self.risks = risks
        self.reference = reference
        self.policy = policy
    }

    /// The register of the latest revealed round; an open round is never aggregated, so no one infers peers' scores.
    /// Scenarios enter with the latest revealed round that scored them (marked when earlier than the basis round); other
    /// national risks enter whatever the rounds. Consensus needs the assessment method's minimum number of ratings.
    ///
    /// Residual risk applies the declared effects of the state's responses that are approved or further along; `portfolio`
    /// adds responses as if they were approved now (the "what if" of the portfolio view).
    ///
    /// `round` takes the register at an earlier revealed round (issue 12: "the register and its exports can be taken at any
    /// revealed round"); a round not revealed (yet) gives a register without scenarios, never an open round's scores.
    public func compute(
        _ assessment: Assessment, scope: TenantScope, portfolio: [PolicyResponse] = [], draws: Int = RegisterComputation.draws, round: Int? = nil
    ) async throws -> RegisterDocument {
        let otherRisks = try await risks.otherRisks(scope, assessmentID: assessment.id)
        let current = try await scoring.currentRound(scope, assessmentID: assessment.id)
        let revealed = current.map { $0.status == .revealed ? $0.number : $0.number - 1 } ?? 0
        let basis = round.map { (1...max(revealed, 1)).contains($0) && revealed >= 1 ? $0 : nil } ?? (revealed >= 1 ? revealed : nil)
        var scenarios: [ThreatScenario] = []
        var scores: [ScenarioScore] = []
        if let basis {
            scenarios = try await scoring.scenarios(scope, assessmentID: assessment.id)
            scores = try await scoring.scoresForRegister(scope, assessmentID: assessment.id, throughRound: basis)
        }
        let minimum = try await reference.consensusMinimumRatings(of: assessment.methodVersion)
        var applied: [RegisterResponse] = []
        if let policy {
            let chosen = Set(portfolio.map(\.id))
            applied = try await policy.responses(scope).filter { !chosen.contains($0.id) }.compactMap(RegisterResponse.init(counting:))
            applied += portfolio.filter { $0.status != .withdrawn }.map(RegisterResponse.init(hypothetical:))
            let ids = Set(scenarios.map(\.id) + otherRisks.map(\.id))
            applied = applied.filter { response in response.targets.keys.contains(where: ids.contains) }
        }
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: scores, round: basis ?? 0, otherRisks: otherRisks, draws: draws, seed: Self.seed,
            consensusMinimum: minimum, responses: applied)
        return RegisterDocument(assessment: assessment, register: register, basisRound: basis, draws: draws, seed: Self.seed)
    }
}
