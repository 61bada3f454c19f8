import PropertyBased
import Testing

@testable import CTTechCore

@Suite("What a viewer may do with an assessment")
struct AssessmentAbilitiesTests {
    let state = "11111111-1111-4111-8111-111111111111"
    let scenario = "33333333-3333-4333-8333-333333333333"

    func identity(_ role: Role) -> Identity {
        Identity(userID: "u", email: "u@example.org", displayName: "U", grants: [RoleGrant(id: "g", userID: "u", role: role, stateID: state)])
    }

    func assessment(_ status: Assessment.Status) -> Assessment {
        Assessment(
            id: "a", stateID: state, title: "Valdoria 2026", period: "2026", horizonYears: 2, methodVersion: "m", tlp: .amber, status: status,
            version: 1)
    }

    func shown(own: Bool, scenarioID: String) throws -> ScoreVisibility.Shown {
        let likelihood = try UncertainEstimate(low: 0.1, best: 0.2, high: 0.3, within: 0...1)
        let score = ScenarioScore(
            scenarioID: scenarioID, round: 1, assessorID: own ? "u" : "", intent: 3, actorCapability: 3, technologyAccessibility: 3,
            opportunity: 3, likelihood: likelihood, impact: [:], confidence: .moderate,
            rationale: "")
        return ScoreVisibility.Shown(label: own ? "You" : "Assessor 1", score: score, isOwn: own)
    }

    @Test func eachRoleGetsWhatItsPermissionsAllowOnADraft() {
        // setup: hand-derived from Permission.stateRoles
        let expected: [(Role, manage: Bool, write: Bool, score: Bool, moves: [Assessment.Status])] = [
            (.focalPoint, true, true, true, [.inReview]), (.facilitator, true, true, false, [.inReview]),
            (.assessor, false, true, true, []), (.donorViewer, false, false, false, []),
        ]
        for (role, manage, write, score, moves) in expected {
            // act
            let abilities = AssessmentAbilities(identity: identity(role), assessment: assessment(.draft))
            // check
            #expect(abilities.manage == manage, "\(role) manage")
            #expect(abilities.write == write, "\(role) write")
            #expect(abilities.score == score, "\(role) score")
            #expect(abilities.statusMoves == moves, "\(role) moves")
        }
    }

    @Test func onlyAFocalPointIsOfferedApprovalOfAnAssessmentInReview() {
        // act
        let focal = AssessmentAbilities(identity: identity(.focalPoint), assessment: assessment(.inReview))
        let facilitator = AssessmentAbilities(identity: identity(.facilitator), assessment: assessment(.inReview))
        // check
        #expect(focal.statusMoves == [.approved, .draft])
        #expect(facilitator.statusMoves == [.draft])
    }

    @Test func anApprovedAssessmentOffersNothingButReopening() {
        // act
        let abilities = AssessmentAbilities(identity: identity(.focalPoint), assessment: assessment(.approved))
        // check
        #expect(abilities.frozen)
        #expect(!abilities.manage && !abilities.write && !abilities.score)
        #expect(abilities.statusMoves == [.draft])
        #expect(!abilities.canScore(scenario, round: ScoringRound(number: 1, status: .open), shown: []))
        #expect(!abilities.canRemoveScenario(scenario, round: ScoringRound(number: 1, status: .open), shown: []))
    }

    @Test func aScoreIsOfferedOnlyInAnOpenRoundAndOnlyOnce() throws {
        // setup
        let abilities = AssessmentAbilities(identity: identity(.assessor), assessment: assessment(.draft))
        let open = ScoringRound(number: 1, status: .open)
        // check
        #expect(abilities.canScore(scenario, round: open, shown: []))
        #expect(abilities.canScore(scenario, round: open, shown: [try shown(own: true, scenarioID: "other")]))
        #expect(!abilities.canScore(scenario, round: open, shown: [try shown(own: true, scenarioID: scenario)]))
        #expect(!abilities.canScore(scenario, round: ScoringRound(number: 1, status: .closed), shown: []))
        #expect(!abilities.canScore(scenario, round: ScoringRound(number: 1, status: .revealed), shown: []))
    }

    @Test func removingAScenarioIsOfferedOnlyBeforeAnyoneCouldHaveScoredIt() throws {
        // setup
        let abilities = AssessmentAbilities(identity: identity(.facilitator), assessment: assessment(.draft))
        let first = ScoringRound(number: 1, status: .open)
        // check
        #expect(abilities.canRemoveScenario(scenario, round: first, shown: []))
        #expect(!abilities.canRemoveScenario(scenario, round: first, shown: [try shown(own: false, scenarioID: scenario)]))
        #expect(!abilities.canRemoveScenario(scenario, round: ScoringRound(number: 2, status: .open), shown: []))
        #expect(
            !AssessmentAbilities(identity: identity(.assessor), assessment: assessment(.draft)).canRemoveScenario(scenario, round: first, shown: []))
    }

    @Test func everyOfferedStatusMoveIsOneTheMethodAllows() async {
        // law: whatever the permissions and the status, an offered move is a legal one, and approval needs approve
        await propertyCheck(input: Gen.bool.array(of: 4), Gen<Assessment.Status?>.element(of: Assessment.Status.allCases)) {
            flags, status in
            guard let status else { return }
            let a = assessment(status)
            let abilities = AssessmentAbilities(manage: flags[0], write: flags[1], score: flags[2], approve: flags[3], assessment: a)
            #expect(abilities.statusMoves.allSatisfy { status.canMove(to: $0) })
            #expect(!abilities.statusMoves.contains(.approved) || flags[3])
            #expect(abilities.frozen == (status == .approved))
            #expect(!abilities.manage || flags[0])
        }
    }
}
