import CTTechCore
import CTTechStore
import CTTechTestSupport
import Testing

@Suite("Assessments, rounds and scores in the store")
struct AssessmentStoreTests {
    struct Setup {
        let state: PartnerState
        let foreign: PartnerState
        let assessment: Assessment
        let scenario: ThreatScenario
        let assessors: [UserAccount]
    }

    func setup(_ db: Persistence) async throws -> Setup {
        let state = Fixture.state()
        let foreign = Fixture.state(code: "NRV", name: "Kingdom of Norvania")
        try await PartnerStateStore(db).create(state, by: Fixture.admin, audit: Fixture.event("state.create"))
        try await PartnerStateStore(db).create(foreign, by: Fixture.admin, audit: Fixture.event("state.create"))
        let assessors = (1...3).map { Fixture.user("assessor\($0)@example.org") }
        for user in assessors { try await AccountStore(db).create(user, grants: [], by: Fixture.admin, audit: Fixture.event("user.create")) }
        let assessment = Assessment(
            id: Identifier.make(), stateID: state.id, title: "National assessment", period: "2025–2026", horizonYears: 2,
            methodVersion: MethodVersion.defaultID, tlp: .amber, status: .draft, version: 1)
        let store = AssessmentStores(db)
        try await store.records.create(assessment, scope: Fixture.scope(state), audit: Fixture.event("assessment.create", state: state.id))
        let scenario = ThreatScenario(
            id: Identifier.make(), assessmentID: assessment.id, title: "Drone attack on a stadium", narrative: "Fictional.", actorType: "A3",
            technologies: ["T09"], purposes: ["P7"], targetSector: "Mass gatherings", horizonYears: 2, version: 1)
        try await store.scoring.addScenario(scenario, scope: Fixture.scope(state), audit: Fixture.event("scenario.create", state: state.id))
        return Setup(state: state, foreign: foreign, assessment: assessment, scenario: scenario, assessors: assessors)
    }

    func scope(_ s: Setup, _ user: UserAccount) -> TenantScope {
        SystemAuthority.tenant(s.state.id, actorID: user.id, permission: .viewState)
    }

    func score(_ s: Setup, _ user: UserAccount, intent: Int, round: Int = 1) throws -> ScenarioScore {
        let fields = [
            "intent": "\(intent)", "actorCapability": "3", "technologyAccessibility": "4", "opportunity": "3", "likelihoodLow": "0.01",
            "likelihoodBest": "0.05", "likelihoodHigh": "0.1", "confidence": "moderate", "rationale": "Reason \(intent)",
        ].merging(ImpactDimension.allCases.map { ("impact.\($0.rawValue)", "3") }) { $1 }
        return try ScoreDraft(fields: fields).validated(scenarioID: s.scenario.id, round: round, assessorID: user.id)
    }

    @Test(arguments: TestDatabase.kinds)
    func roundsHidePeersUntilRevealAndRefuseLateOrRepeatedScores(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let s = try await setup(db)
            let store = AssessmentStores(db)
            let (a, b, c) = (s.assessors[0], s.assessors[1], s.assessors[2])
            // act: two assessors score in round 1
            try await store.scoring.submitScore(try score(s, a, intent: 4), scope: scope(s, a), audit: Fixture.event("score.submit"))
            try await store.scoring.submitScore(try score(s, b, intent: 2), scope: scope(s, b), audit: Fixture.event("score.submit"))
            // check: scoring twice is refused, and while open each sees only their own
            await #expect(throws: AssessmentRuleViolation.alreadyScored) {
                try await store.scoring.submitScore(try score(s, a, intent: 5), scope: scope(s, a), audit: Fixture.event("score.submit"))
            }
            let open = ScoringRound(number: 1, status: .open)
            #expect(try await store.scoring.visibleScores(scope(s, a), assessmentID: s.assessment.id, round: open).map(\.score.intent) == [4])
            // closing: no more scores, still hidden
            let closed = try await store.scoring.advanceRound(scope(s, a), assessmentID: s.assessment.id, to: .closed, audit: Fixture.event("round"))
            await #expect(throws: AssessmentRuleViolation.roundNotOpen(round: 1)) {
                try await store.scoring.submitScore(try score(s, c, intent: 3), scope: scope(s, c), audit: Fixture.event("score.submit"))
            }
            #expect(try await store.scoring.visibleScores(scope(s, b), assessmentID: s.assessment.id, round: closed).map(\.score.intent) == [2])
            // a closed round reopens before its reveal (issue 8, item 1): the same round, and the late assessor can score
            let reopened = try await store.scoring.advanceRound(scope(s, a), assessmentID: s.assessment.id, to: .open, audit: Fixture.event("round"))
            #expect(reopened == ScoringRound(number: 1, status: .open))
            try await store.scoring.submitScore(try score(s, c, intent: 3), scope: scope(s, c), audit: Fixture.event("score.submit"))
            try await store.scoring.advanceRound(scope(s, a), assessmentID: s.assessment.id, to: .closed, audit: Fixture.event("round"))
            // reveal: everyone's, anonymised
            let revealed = try await store.scoring.advanceRound(
                scope(s, a), assessmentID: s.assessment.id, to: .revealed, audit: Fixture.event("round"))
            let shown = try await store.scoring.visibleScores(scope(s, c), assessmentID: s.assessment.id, round: revealed)
            #expect(shown.map(\.score.intent).sorted() == [2, 3, 4])
            #expect(shown.map(\.label).sorted() == ["Assessor 1", "Assessor 2", "You"])
            #expect(shown.filter { !$0.isOwn }.allSatisfy { $0.score.assessorID.isEmpty && $0.label.hasPrefix("Assessor ") })
            // round 2 opens; round-1 scores are kept, and the round-2 score is separate
            let second = try await store.scoring.advanceRound(scope(s, a), assessmentID: s.assessment.id, to: .open, audit: Fixture.event("round"))
            #expect(second == ScoringRound(number: 2, status: .open))
            try await store.scoring.submitScore(try score(s, a, intent: 3, round: 2), scope: scope(s, a), audit: Fixture.event("score.submit"))
            #expect(try await store.scoring.scoresForRegister(scope(s, a), assessmentID: s.assessment.id, throughRound: 1).count == 3)
            #expect(
                try await store.scoring.scoresForRegister(scope(s, a), assessmentID: s.assessment.id, throughRound: 2).filter { $0.round == 2 }.map(
                    \.intent) == [3])
            guard case .intact = try await AuditLogStore(db).verify() else {
                Issue.record("every step must be audited in an intact chain")
                return
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anotherStatesScopeSeesNothing(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let store = AssessmentStores(db)
            let foreign = Fixture.scope(s.foreign, .viewState)
            #expect(try await store.records.list(foreign).isEmpty)
            #expect(try await store.records.find(foreign, id: s.assessment.id) == nil)
            #expect(try await store.scoring.scenarios(foreign, assessmentID: s.assessment.id).isEmpty)
            #expect(try await store.scoring.currentRound(foreign, assessmentID: s.assessment.id) == nil)
            await #expect(throws: StoreConflict.missing) {
                try await store.scoring.addScenario(s.scenario, scope: foreign, audit: Fixture.event("scenario.create"))
            }
            let home = Fixture.scope(s.state, .viewState)
            #expect(try await store.records.find(home, id: s.assessment.id) == s.assessment)
            #expect(try await store.scoring.scenarios(home, assessmentID: s.assessment.id) == [s.scenario])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func probabilitiesRoundTripExactly(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let store = AssessmentStores(db)
            let a = s.assessors[0]
            var stored = try score(s, a, intent: 4)
            stored.likelihood = try UncertainEstimate(low: 0.0012345678901, best: 0.05, high: 0.1, within: 0...1)
            try await store.scoring.submitScore(stored, scope: scope(s, a), audit: Fixture.event("score.submit"))
            let back = try await store.scoring.scoresForRegister(scope(s, a), assessmentID: s.assessment.id, throughRound: 1)
            #expect(back == [stored])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func everyChangeBumpsTheRevision(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)  // create + one scenario
            let store = AssessmentStores(db)
            let home = Fixture.scope(s.state, .viewState)
            #expect(try await store.records.revision(home, assessmentID: s.assessment.id) == 1)
            try await store.scoring.submitScore(
                try score(s, s.assessors[0], intent: 3), scope: scope(s, s.assessors[0]), audit: Fixture.event("score"))
            #expect(try await store.records.revision(home, assessmentID: s.assessment.id) == 2)
            try await store.scoring.advanceRound(home, assessmentID: s.assessment.id, to: .closed, audit: Fixture.event("round"))
            #expect(try await store.records.revision(home, assessmentID: s.assessment.id) == 3)
            // refused changes leave it alone
            await #expect(throws: AssessmentRuleViolation.self) {
                try await store.scoring.submitScore(
                    try score(s, s.assessors[1], intent: 3), scope: scope(s, s.assessors[1]), audit: Fixture.event("score"))
            }
            #expect(try await store.records.revision(home, assessmentID: s.assessment.id) == 3)
            #expect(try await store.records.revision(Fixture.scope(s.foreign, .viewState), assessmentID: s.assessment.id) == nil)
        }
    }
}
