import Testing

@testable import CTTechCore

@Suite("Audit details of assessment data only for those who may see it")
struct AuditDisclosureTests {
    let state = "11111111-1111-4111-8111-111111111111"

    func entry(_ action: AuditAction, state: String?, details: String) -> AuditEntry {
        AuditEntry(
            seq: 1, at: 0, actorID: "u", actorLabel: "focal@valdoria.example", action: action.rawValue, entityType: action.entityType,
            entityID: "e", stateID: state, details: details, prevHash: "", hash: "")
    }

    func identity(_ grants: [(Role, String?)]) -> Identity {
        Identity(
            userID: "v", email: "v@example.org", displayName: "V",
            grants: grants.enumerated().map { RoleGrant(id: "g\($0.offset)", userID: "v", role: $0.element.0, stateID: $0.element.1) })
    }

    @Test func anAdministratorWithoutAGrantSeesThatAScenarioWasWrittenNotWhat() {
        // setup
        let written = entry(.scenarioCreate, state: state, details: #"{"title":"Drone swarm over the Kessel festival"}"#)
        let admin = identity([(.administrator, nil)])
        // act
        let shown = AuditDisclosure.shown(written, to: admin)
        // check
        #expect(!shown.details.contains("Kessel"))
        #expect(shown.details == AuditDisclosure.withheld)
        #expect(shown.action == written.action && shown.entityID == written.entityID && shown.actorLabel == written.actorLabel)
    }

    @Test func thoseWhoMaySeeTheAssessmentsSeeTheDetails() {
        // setup
        let written = entry(.agencyCreate, state: state, details: #"{"name":"National Police"}"#)
        // check: a focal point, a facilitator, and an administrator who also holds a grant for the state
        for viewer in [identity([(.focalPoint, state)]), identity([(.facilitator, state)]), identity([(.administrator, nil), (.assessor, state)])] {
            #expect(AuditDisclosure.shown(written, to: viewer).details == written.details)
        }
    }

    @Test func programmeRecordsAreNotAssessmentContent() {
        // setup
        let admin = identity([(.administrator, nil)])
        let stateCreated = entry(.stateCreate, state: state, details: #"{"code":"VLD"}"#)
        let userCreated = entry(.userCreate, state: nil, details: #"{"email":"a@b.example"}"#)
        // check
        #expect(AuditDisclosure.shown(stateCreated, to: admin).details == stateCreated.details)
        #expect(AuditDisclosure.shown(userCreated, to: admin).details == userCreated.details)
    }

    @Test func everyKindOfAssessmentRecordIsCovered() {
        // the entity types of every assessment action are withheld from a viewer without a grant
        let admin = identity([(.administrator, nil)])
        let assessmentActions = AuditAction.allCases.filter {
            ["assessment", "scenario", "agency", "evidence", "other_risk"].contains($0.entityType)
        }
        for action in assessmentActions {
            #expect(
                AuditDisclosure.shown(entry(action, state: state, details: #"{"x":"secret"}"#), to: admin).details == AuditDisclosure.withheld,
                "\(action)")
        }
    }

    /// Issue 8, item 15: the focal point's audit view once named the assessors who scored during a private round.
    @Test func nobodyButTheAssessorSeesWhoSubmittedAScore() {
        // setup
        let scored = entry(.scoreSubmit, state: state, details: #"{"round":"2"}"#)
        let own = AuditEntry(
            seq: 2, at: 0, actorID: "v", actorLabel: "V", action: AuditAction.scoreSubmit.rawValue, entityType: "scenario", entityID: "e",
            stateID: state, details: "{}", prevHash: "", hash: "")
        // check: focal point, facilitator and administrator alike see that a score arrived, not from whom
        for viewer in [identity([(.focalPoint, state)]), identity([(.facilitator, state)]), identity([(.administrator, nil), (.focalPoint, state)])] {
            let shown = AuditDisclosure.shown(scored, to: viewer)
            #expect(shown.actorLabel == AuditDisclosure.anonymousAssessor && shown.actorID.isEmpty)
            #expect(shown.details == scored.details && shown.entityID == scored.entityID)
        }
        #expect(AuditDisclosure.shown(own, to: identity([(.assessor, state)])).actorLabel == "V")
        // other actions keep their actor
        let created = entry(.scenarioCreate, state: state, details: "{}")
        #expect(AuditDisclosure.shown(created, to: identity([(.focalPoint, state)])).actorLabel == created.actorLabel)
    }
}
