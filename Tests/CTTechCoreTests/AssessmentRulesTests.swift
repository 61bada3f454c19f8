import Testing

@testable import CTTechCore

@Suite("Assessment rules: drafts, scores, visibility, register")
struct AssessmentRulesTests {
    static let goodScore: [String: String] = [
        "intent": "4", "actorCapability": "3", "technologyAccessibility": "5", "opportunity": "3", "likelihoodLow": "0.01",
        "likelihoodBest": "0.05", "likelihoodHigh": "0.2", "impact.fatalities": "4", "impact.economic": "2", "impact.essential-services": "3",
        "impact.societal": "3", "impact.public-confidence": "3", "impact.international": "2", "impact.human-rights": "2", "confidence": "moderate",
        "rationale": "Online manuals seen; Валдория's police report two attempts.",
    ]

    func score(_ assessor: String, _ overrides: [String: String] = [:], round: Int = 1, scenario: String = "s1") throws -> ScenarioScore {
        try ScoreDraft(fields: Self.goodScore.merging(overrides) { $1 }).validated(scenarioID: scenario, round: round, assessorID: assessor)
    }

    @Test func aValidScoreKeepsEveryInput() throws {
        let s = try score("a")
        #expect(s.threat == 12)  // 4 × min(3, 5)
        #expect(s.combinedImpact == 4)
        #expect(s.likelihood.best == 0.05)
        #expect(s.confidence == .moderate)
    }

    @Test func outOfRangeAndMisorderedScoresAreRefusedWithEveryReason() {
        let failure = #expect(throws: ValidationFailure.self) {
            try score("a", ["intent": "6", "actorCapability": "0", "opportunity": "x", "impact.economic": "9", "confidence": "certain"])
        }
        #expect(Set(failure?.issues.map(\.field) ?? []) == ["intent", "actorCapability", "opportunity", "impact.economic", "confidence"])
        #expect(throws: ValidationFailure(field: "likelihood", "low must not exceed best")) {
            try score("a", ["likelihoodLow": "0.3", "likelihoodBest": "0.2"])
        }
        #expect(throws: ValidationFailure(field: "likelihood", "best must not exceed high")) {
            try score("a", ["likelihoodBest": "0.5", "likelihoodHigh": "0.4"])
        }
        #expect(throws: ValidationFailure.self) { try score("a", ["likelihoodHigh": "1.5"]) }
        #expect(throws: ValidationFailure.self) { try score("a", ["likelihoodHigh": "nan"]) }
    }

    @Test func peersAreHiddenUntilRevealThenAnonymised() throws {
        let scores = [try score("alice"), try score("bob", ["intent": "2"]), try score("carol", ["intent": "5"]), try score("dave", round: 2)]
        for status in [ScoringRound.Status.open, .closed] {
            let shown = ScoreVisibility.visible(scores, round: ScoringRound(number: 1, status: status), viewerID: "bob")
            #expect(shown.map(\.score.intent) == [2])
            #expect(shown.map(\.label) == ["You"])
        }
        let revealed = ScoreVisibility.visible(scores, round: ScoringRound(number: 1, status: .revealed), viewerID: "bob")
        #expect(revealed.count == 3)
        #expect(Set(revealed.map(\.label)).isSuperset(of: ["You"]))
        #expect(revealed.filter { !$0.isOwn }.allSatisfy { $0.score.assessorID.isEmpty && $0.label.hasPrefix("Assessor ") })
        #expect(ScoreVisibility.canScore(ScoringRound(number: 1, status: .open)))
        #expect(!ScoreVisibility.canScore(ScoringRound(number: 1, status: .closed)))
        #expect(ScoringRound(number: 1, status: .open).next == .closed)
        #expect(ScoringRound(number: 1, status: .revealed).next == nil)
    }

    @Test func scenarioReferencesAreCheckedAgainstTheMethod() throws {
        let method = MethodVersion.ctTechDefault
        let clean = try ScenarioDraft(
            title: "Drone swarm at a stadium", narrative: "…", actorType: "A2", technologies: ["T09", "T09", "T08"], purposes: ["P7"],
            targetSector: "Mass gatherings"
        ).validated(against: method, defaultHorizon: 2)
        #expect(clean.technologies == ["T08", "T09"])
        let failure = #expect(throws: ValidationFailure.self) {
            try ScenarioDraft(title: "", narrative: nil, actorType: "ethnic group", technologies: ["T42"], purposes: [], targetSector: nil)
                .validated(against: method, defaultHorizon: 2)
        }
        #expect(Set(failure?.issues.map(\.field) ?? []) == ["title", "narrative", "actorType", "technologies", "purposes"])
    }

    @Test func assessmentDraftValidation() throws {
        let clean = try AssessmentDraft(title: "National assessment 2025", period: "2025–2026", horizonYears: nil, tlp: nil).validated()
        #expect(clean.horizonYears == 2)
        #expect(clean.tlp == .amber)
        #expect(throws: ValidationFailure.self) { try AssessmentDraft(title: "x", period: "y", horizonYears: "0", tlp: "AMBER").validated() }
    }

    @Test func registerAggregatesPerScenarioAndRanksWithOtherRisks() throws {
        let scenarios = [
            ThreatScenario(
                id: "s1", assessmentID: "a", title: "Deepfake incitement", narrative: "", actorType: "A2", technologies: ["T08"], purposes: ["P1"],
                targetSector: "", horizonYears: 2, version: 1),
            ThreatScenario(
                id: "s2", assessmentID: "a", title: "Unscored", narrative: "", actorType: "A3", technologies: ["T11"], purposes: ["P6"],
                targetSector: "", horizonYears: 2, version: 1),
        ]
        // Threats 12, 8 (4 × 2), 15 (5 × 3): median 12 → Substantial. Likelihood medians: low 0.01, best 0.05, high 0.2.
        let scores = [
            try score("a"), try score("b", ["technologyAccessibility": "2", "impact.fatalities": "5", "confidence": "low"]),
            try score("c", ["intent": "5", "confidence": "low"]),
        ]
        let flood = OtherRisk(
            id: "flood", title: "River flood", family: "natural hazard",
            likelihood: try UncertainEstimate(low: 0.3, best: 0.5, high: 0.7, within: 0...1),
            impact: try UncertainEstimate(low: 4, best: 4, high: 5, within: 1...5), confidence: .high)
        let register = RiskRegister.compute(scenarios: scenarios, scores: scores, round: 1, otherRisks: [flood], draws: 2_000, seed: 9)
        #expect(register.entries.map(\.id) == ["flood", "s1"])  // the unscored scenario is not carried forward
        let s1 = try #require(register.entries.first { $0.id == "s1" })
        #expect(s1.threat?.median == 12)
        #expect(s1.band == .substantial)
        #expect(s1.likelihood == (try UncertainEstimate(low: 0.01, best: 0.05, high: 0.2, within: 0...1)))
        #expect(s1.impact == (try UncertainEstimate(low: 4, best: 4, high: 5, within: 1...5)))
        #expect(s1.confidence == .low)
        #expect(s1.intelligenceRequirement)
        #expect(!register.entries[0].intelligenceRequirement)
    }
}
