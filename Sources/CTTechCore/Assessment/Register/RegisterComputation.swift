/// Computes the national risk register of an assessment from what the repositories hold (DOMAIN.md §4: Monte Carlo
/// prioritisation of the latest revealed round together with the other national risks).
public struct RegisterComputation: Sendable {
    let scoring: any ScoringRepository
    let risks: any OtherRiskRepository
    let reference: any ReferenceDataRepository
    /// Draws of the Monte Carlo run, and its fixed seed: the same inputs always give the same register.
    public static let draws = 5_000
    public static let seed: UInt64 = 2024

    public init(scoring: any ScoringRepository, risks: any OtherRiskRepository, reference: any ReferenceDataRepository) {
        self.scoring = scoring
        self.risks = risks
        self.reference = reference
    }

    /// The register of the latest revealed round; an open round is never aggregated, so no one infers peers' scores.
    /// Scenarios enter with the latest revealed round that scored them (marked when earlier than the basis round); other
    /// national risks enter whatever the rounds. Consensus needs the assessment method's minimum number of ratings.
    public func compute(_ assessment: Assessment, scope: TenantScope) async throws -> RegisterDocument {
        let otherRisks = try await risks.otherRisks(scope, assessmentID: assessment.id)
        let current = try await scoring.currentRound(scope, assessmentID: assessment.id)
        let revealed = current.map { $0.status == .revealed ? $0.number : $0.number - 1 } ?? 0
        let basis = revealed >= 1 ? revealed : nil
        var scenarios: [ThreatScenario] = []
        var scores: [ScenarioScore] = []
        if let basis {
            scenarios = try await scoring.scenarios(scope, assessmentID: assessment.id)
            scores = try await scoring.scoresForRegister(scope, assessmentID: assessment.id, throughRound: basis)
        }
        let minimum = try await reference.consensusMinimumRatings(of: assessment.methodVersion)
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: scores, round: basis ?? 0, otherRisks: otherRisks, draws: Self.draws, seed: Self.seed,
            consensusMinimum: minimum)
        return RegisterDocument(assessment: assessment, register: register, basisRound: basis, draws: Self.draws, seed: Self.seed)
    }
}
