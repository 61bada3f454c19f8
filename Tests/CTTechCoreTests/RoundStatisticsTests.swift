import Testing

@testable import CTTechCore

@Suite("Every revealed round, factor by factor (issue 12)")
struct RoundStatisticsTests {
    static func score(
        _ scenario: String, round: Int, by assessor: String, intent: Int, capability: Int, access: Int, best: Double
    ) throws
        -> ScenarioScore
    {
        let impact = Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, 3) })
        return ScenarioScore(
            scenarioID: scenario, round: round, assessorID: assessor, intent: intent, actorCapability: capability, technologyAccessibility: access,
            opportunity: 3, likelihood: try UncertainEstimate(low: best / 2, best: best, high: min(1, best * 2), within: 0...1), impact: impact,
            confidence: .moderate, rationale: "")
    }

    static let drones = ThreatScenario(
        id: "s1", assessmentID: "a", title: "Drones", narrative: "", actorType: "A1", technologies: ["T09"], purposes: ["P1"], targetSector: "x",
        horizonYears: 2, version: 1)
    static let crypto = ThreatScenario(
        id: "s2", assessmentID: "a", title: "Crypto", narrative: "", actorType: "A1", technologies: ["T05"], purposes: ["P2"], targetSector: "x",
        horizonYears: 2, version: 1)

    @Test func eachRoundKeepsItsOwnFigures() throws {
        // Round 1, drones: intents 2, 3, 4 → median 3, mean 3, Q1 = 2 + 0.5 · (3 − 2) = 2.5, Q3 = 3.5, IQR 1; all within ±1 of
        // the median and 3 ratings → consensus. Threat = intent × min(capability, accessibility): 2 · 2 = 4, 3 · 3 = 9,
        // 4 · 2 = 8 → sorted 4, 8, 9: median 8, IQR = 8.5 − 6 = 2.5 → no consensus.
        // Round 2, drones: intents 3, 3, 4 (a third assessor moved) → median 3, IQR = 3.5 − 3 = 0.5.
        let scores = [
            try Self.score("s1", round: 1, by: "x", intent: 2, capability: 2, access: 5, best: 0.05),
            try Self.score("s1", round: 1, by: "y", intent: 3, capability: 3, access: 3, best: 0.1),
            try Self.score("s1", round: 1, by: "z", intent: 4, capability: 5, access: 2, best: 0.3),
            try Self.score("s1", round: 2, by: "x", intent: 3, capability: 2, access: 5, best: 0.1),
            try Self.score("s1", round: 2, by: "y", intent: 3, capability: 3, access: 3, best: 0.1),
            try Self.score("s1", round: 2, by: "z", intent: 4, capability: 5, access: 2, best: 0.2),
            try Self.score("s2", round: 3, by: "x", intent: 5, capability: 5, access: 5, best: 0.5),
        ]
        // Round 3 is not revealed: it is left out.
        let statistics = RoundStatistics(scenarios: [Self.crypto, Self.drones], scores: scores, throughRound: 2, minimumForConsensus: 3)
        #expect(statistics.rows.map { "\($0.scenarioID) r\($0.round)" } == ["s1 r1", "s1 r2"], "scenario order, then round; round 3 not counted")
        let first = try #require(statistics.rows.first?.factors)
        let intent = try #require(first.first { $0.factor == .intent })
        #expect(intent.summary.median == 3 && intent.summary.mean == 3 && intent.summary.lowerQuartile == 2.5 && intent.summary.upperQuartile == 3.5)
        #expect(intent.agreement == .consensus)
        let threat = try #require(first.first { $0.factor == .threat })
        #expect(threat.summary.median == 8 && threat.summary.interquartileRange == 2.5 && threat.agreement == .noConsensus)
        let second = try #require(statistics.rows.last?.factors.first { $0.factor == .intent })
        #expect(second.summary.median == 3 && second.summary.interquartileRange == 0.5)
        #expect(first.count == ScoreFactor.allCases.count, "every factor, each impact dimension included")
    }

    @Test func theCSVHasARowPerScenarioRoundAndFactor() throws {
        let scores = [try Self.score("s1", round: 1, by: "x", intent: 2, capability: 2, access: 5, best: 0.05)]
        let scenario = with(Self.drones) { $0.title = "=HYPERLINK(\"x\")" }
        let csv = RoundStatistics(scenarios: [scenario], scores: scores, throughRound: 1, minimumForConsensus: 3).csv(tlp: "TLP:AMBER")
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 1 + ScoreFactor.allCases.count)
        #expect(
            lines[1] == "TLP:AMBER,s1,\"'=HYPERLINK(\"\"x\"\")\",1,intent,1,2,2,2,2,2,2,0,too-few-ratings,0",
            "a formula is defused; no workshop participant")
    }

    func with<Value>(_ value: Value, _ change: (inout Value) -> Void) -> Value {
        var copy = value
        change(&copy)
        return copy
    }
}
