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
            let shown = ScoreVisibility.visible(scores, round: ScoringRound(number: 1, status: status), viewerID: "bob", numberingSalt: "s")
            #expect(shown.map(\.score.intent) == [2])
            #expect(shown.map(\.label) == ["You"])
        }
        let revealed = ScoreVisibility.visible(scores, round: ScoringRound(number: 1, status: .revealed), viewerID: "bob", numberingSalt: "s")
        #expect(revealed.count == 3)
        #expect(Set(revealed.map(\.label)).isSuperset(of: ["You"]))
        #expect(revealed.filter { !$0.isOwn }.allSatisfy { $0.score.assessorID.isEmpty && $0.label.hasPrefix("Assessor ") })
        #expect(ScoreVisibility.canScore(ScoringRound(number: 1, status: .open)))
        #expect(!ScoreVisibility.canScore(ScoringRound(number: 1, status: .closed)))
        #expect(ScoringRound(number: 1, status: .open).next == .closed)
        #expect(ScoringRound(number: 1, status: .revealed).next == nil)
    }

    /// Issue 8, item 15: the "Assessor n" numbering once followed sha256(user id + round), which anyone knowing the user ids
    /// could recompute. It now follows the round's random salt: over many salts every assessor takes every number.
    @Test func assessorNumberingFollowsTheRoundsRandomSaltNotTheUserIDs() throws {
        let scores = try [("alice", "4"), ("bob", "3"), ("carol", "2"), ("dave", "1")].map { try score($0.0, ["intent": $0.1]) }
        let round = ScoringRound(number: 1, status: .revealed)
        // Alice's intent is 4: which number she gets depends on the salt only.
        var aliceLabels = Set<String>()
        for _ in 0..<64 {
            let shown = ScoreVisibility.visible(scores, round: round, viewerID: "dave", numberingSalt: ScoreVisibility.newNumberingSalt())
            #expect(Set(shown.map(\.label)) == ["You", "Assessor 1", "Assessor 2", "Assessor 3"])
            aliceLabels.insert(shown.first { $0.score.intent == 4 }?.label ?? "")
        }
        #expect(aliceLabels == ["Assessor 1", "Assessor 2", "Assessor 3"])
        // The same salt gives the same numbering every time (stable within the round).
        let fixed = ScoreVisibility.visible(scores, round: round, viewerID: "dave", numberingSalt: "fixed")
        #expect(ScoreVisibility.visible(scores, round: round, viewerID: "dave", numberingSalt: "fixed") == fixed)
    }

    /// Issue 8, item 1: a closed round can be reopened before its reveal; a revealed one cannot, an open one has nothing to reopen.
    @Test func aClosedRoundReopensBeforeTheReveal() throws {
        #expect(
            try AssessmentRuleViolation.nextRound(from: ScoringRound(number: 3, status: .closed), to: .open) == ScoringRound(number: 3, status: .open)
        )
        #expect(
            try AssessmentRuleViolation.nextRound(from: ScoringRound(number: 3, status: .revealed), to: .open)
                == ScoringRound(number: 4, status: .open))
        #expect(throws: AssessmentRuleViolation.roundTransition(from: .open, to: .open)) {
            try AssessmentRuleViolation.nextRound(from: ScoringRound(number: 3, status: .open), to: .open)
        }
        #expect(throws: AssessmentRuleViolation.roundTransition(from: .revealed, to: .closed)) {
            try AssessmentRuleViolation.nextRound(from: ScoringRound(number: 3, status: .revealed), to: .closed)
        }
    }

    /// Issue 8, item 2: "20 %" is accepted as 0.2, a decimal comma as a point; anything outside 0–1 is refused.
    @Test func probabilitiesAreReadAsPeopleTypeThem() throws {
        for (text, value) in [("0.2", 0.2), ("20 %", 0.2), ("20%", 0.2), (" 5 % ", 0.05), ("0,05", 0.05), ("12,5 %", 0.125), ("1", 1.0), ("0", 0.0)] {
            #expect(ProbabilityText.parse(text) == value, "\(text)")
        }
        for text in ["", "%", "120 %", "1.5", "-0.1", "nan", "inf", "abc", "0.1.2", "1,000.5"] {
            #expect(ProbabilityText.parse(text) == nil, "\(text)")
        }
        let s = try score("a", ["likelihoodLow": "1 %", "likelihoodBest": "5%", "likelihoodHigh": "0,2"])
        #expect(s.likelihood == (try UncertainEstimate(low: 0.01, best: 0.05, high: 0.2, within: 0...1)))
        #expect(ScaleAnchors.factor("intent") == ["none", "aspirational", "stated", "active pursuit", "demonstrated"])
        #expect(["actorCapability", "technologyAccessibility", "opportunity"].allSatisfy { ScaleAnchors.factor($0)?.count == 5 })
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
        #expect(register.entries.map(\.id) == ["flood", "s1"])  // a scenario never scored in a revealed round stays out
        let s1 = try #require(register.entries.first { $0.id == "s1" })
        #expect(s1.threat?.median == 12)
        #expect(s1.band == .substantial)
        #expect(s1.likelihood == (try UncertainEstimate(low: 0.01, best: 0.05, high: 0.2, within: 0...1)))
        #expect(s1.impact == (try UncertainEstimate(low: 4, best: 4, high: 5, within: 1...5)))
        #expect(s1.confidence == .low)
        #expect(s1.intelligenceRequirement)
        #expect(!register.entries[0].intelligenceRequirement)
        #expect(s1.scoredRound == 1)
    }

    /// Issue 8, item 1: revealing a round in which only some scenarios were scored once dropped the others from the
    /// register. A scenario nobody scored in the basis round keeps its last revealed round's values, marked with that
    /// round; one never scored stays out; agreement is over the basis round's scenarios only.
    @Test func aScenarioUnscoredInTheLatestRoundKeepsItsLastRevealedValues() throws {
        let scenarios = ["s1", "s2", "s3"].map {
            ThreatScenario(
                id: $0, assessmentID: "a", title: $0, narrative: "", actorType: "A2", technologies: ["T09"], purposes: ["P7"], targetSector: "",
                horizonYears: 2, version: 1)
        }
        let scores = [
            try score("a", scenario: "s1"), try score("b", ["intent": "2"], scenario: "s1"), try score("c", ["intent": "5"], scenario: "s1"),
            try score("a", ["intent": "1"], round: 2, scenario: "s1"),
            try score("a", round: 1, scenario: "s2"), try score("b", ["intent": "5"], round: 1, scenario: "s2"),
        ]
        let register = RiskRegister.compute(scenarios: scenarios, scores: scores, round: 2, otherRisks: [], draws: 500, seed: 1)
        #expect(Set(register.entries.map(\.id)) == ["s1", "s2"])
        let s1 = try #require(register.entries.first { $0.id == "s1" })
        #expect(s1.scoredRound == 2)
        #expect(s1.threat?.count == 1)
        #expect(s1.threat?.agreement == .tooFewRatings)
        let s2 = try #require(register.entries.first { $0.id == "s2" })
        #expect(s2.scoredRound == 1)
        #expect(s2.threat?.median == 13.5)  // I × C 12 and 15 from round 1
        // Round 3's scores are not yet revealed: never used for a register on round 2.
        let later = RiskRegister.compute(
            scenarios: scenarios, scores: scores + [try score("z", round: 3, scenario: "s3")], round: 2, otherRisks: [], draws: 500, seed: 1)
        #expect(later.entries.map(\.id).sorted() == ["s1", "s2"])
    }

    /// Issue 8, item 1: what a close or a reveal will do, said before it is confirmed.
    @Test func theRoundPreviewListsUnscoredAndThinlyScoredScenarios() {
        let scenarios = ["s1", "s2", "s3", "s4"].map {
            ThreatScenario(
                id: $0, assessmentID: "a", title: "Title \($0)", narrative: "", actorType: "A2", technologies: ["T09"], purposes: ["P7"],
                targetSector: "", horizonYears: 2, version: 1)
        }
        let preview = RoundChangePreview.make(
            round: ScoringRound(number: 3, status: .open), target: .closed, scenarios: scenarios, counts: ["s1": 4, "s2": 1],
            earlierRounds: ["s3": 2], consensusMinimum: 3)
        #expect(preview.unscored == [.init(title: "Title s3", keptFromRound: 2), .init(title: "Title s4", keptFromRound: nil)])
        #expect(preview.fewRatings == [.init(title: "Title s2", ratings: 1)])
        #expect(!preview.isQuiet)
        #expect(preview.scenarioCount == 4)
    }
}
