import CTTechCore
import CTTechDoubles
import Testing

@Suite("The register from what the repositories hold (DOMAIN.md §4)")
struct RegisterComputationTests {
    /// Intent 2, capability min(2, 5) = 2: threat 4; every impact 2: combined impact 2.
    let lowerScore = ScoreDraft(
        intent: 2, actorCapability: 2, technologyAccessibility: 5, opportunity: 1, likelihood: (low: 0.02, best: 0.1, high: 0.3),
        impact: Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0.rawValue, 2) }), confidence: "low", rationale: nil)

    @Test func anOpenRoundIsNeverAggregated() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        try await workspace.score(scenario, as: workspace.assessor)
        let risk = try await workspace.otherRisks.add(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        try await workspace.moveRound(of: assessment, to: .closed)

        // act
        let register = try await workspace.register.compute(assessment, scope: workspace.scope(workspace.assessor, .viewAssessment))

        // check
        #expect(register.basisRound == nil)
        #expect(register.entries.map(\.id) == [risk.id])
        #expect(register.draws == RegisterComputation.draws && register.seed == Int64(RegisterComputation.seed))
    }

    @Test func theLatestRevealedRoundIsAggregatedWithTheOtherRisks() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scored = try await workspace.writeScenario(in: assessment)
        _ = try await workspace.writeScenario(in: assessment, title: "Unscored scenario")
        try await workspace.score(scored, as: workspace.assessor)
        try await workspace.score(scored, as: workspace.secondAssessor, lowerScore)
        let risk = try await workspace.otherRisks.add(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        try await workspace.moveRound(of: assessment, to: .closed)
        try await workspace.moveRound(of: assessment, to: .revealed)
        try await workspace.moveRound(of: assessment, to: .open)
        let scope = workspace.scope(workspace.assessor, .viewAssessment)

        // act
        let register = try await workspace.register.compute(assessment, scope: scope)
        let again = try await workspace.register.compute(assessment, scope: scope)

        // check
        #expect(register.basisRound == 1)  // round 2 is open, so round 1 is the latest revealed
        #expect(Set(register.entries.map(\.id)) == [scored.id, risk.id])  // nobody scored the other scenario
        let entry = try #require(register.entries.first { $0.id == scored.id })
        #expect(entry.kind == "scenario")
        #expect(entry.threatMedian == 8 && entry.threatBand == "Moderate")  // median of 12 and 4
        #expect(entry.consensus == false)  // IQR 10 − 6 = 4
        #expect(entry.impact.low == 2 && entry.impact.best == 3 && entry.impact.high == 4)  // combined impacts 4 and 2
        #expect(abs(entry.likelihood.best - 0.075) < 1e-12)  // median of 0.05 and 0.1
        #expect(register.entries.first { $0.id == risk.id }?.kind == "other-risk")
        #expect(register == again)
    }

    @Test func theRegisterCanBeTakenAtAnEarlierRevealedRoundButNeverAtAnOpenOne() async throws {
        // setup: round 1 revealed (one score, threat 12), round 2 revealed (the lower score, threat 4), round 3 open with a score
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        try await workspace.score(scenario, as: workspace.assessor)
        try await workspace.moveRound(of: assessment, to: .closed)
        try await workspace.moveRound(of: assessment, to: .revealed)
        try await workspace.moveRound(of: assessment, to: .open)
        try await workspace.score(scenario, as: workspace.assessor, lowerScore)
        try await workspace.moveRound(of: assessment, to: .closed)
        try await workspace.moveRound(of: assessment, to: .revealed)
        try await workspace.moveRound(of: assessment, to: .open)
        try await workspace.score(scenario, as: workspace.secondAssessor)
        let scope = workspace.scope(workspace.assessor, .viewAssessment)

        // act
        let latest = try await workspace.register.compute(assessment, scope: scope)
        let first = try await workspace.register.compute(assessment, scope: scope, round: 1)
        let open = try await workspace.register.compute(assessment, scope: scope, round: 3)

        // check
        #expect(latest.basisRound == 2 && latest.entries.first?.threatMedian == 4)
        #expect(first.basisRound == 1 && first.entries.first?.threatMedian == 12, "round 1 as it was revealed")
        #expect(open.basisRound == nil && open.entries.isEmpty, "the open round 3 is never aggregated")
    }
}
