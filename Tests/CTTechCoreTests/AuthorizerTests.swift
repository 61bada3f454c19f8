import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Authorisation and tenant scopes")
struct AuthorizerTests {
    let home = "11111111-1111-4111-8111-111111111111"
    let foreign = "22222222-2222-4222-8222-222222222222"

    func identity(_ grants: [(Role, String?)]) -> Identity {
        Identity(
            userID: "u", email: "u@example.org", displayName: "U",
            grants: grants.enumerated().map { RoleGrant(id: "g\($0.offset)", userID: "u", role: $0.element.0, stateID: $0.element.1) })
    }

    @Test func focalPointMayEditOwnStateOnly() throws {
        // setup
        let focal = identity([(.focalPoint, home)])
        // act
        let scope = try Authorizer.scope(focal, state: home, for: .editStateProfile)
        // check
        #expect(scope.stateID == home)
        #expect(throws: AccessDenied.notFound) { try Authorizer.scope(focal, state: foreign, for: .viewState) }
    }

    @Test func assessorMayViewButNotEditOrAudit() throws {
        let assessor = identity([(.assessor, home)])
        #expect(Authorizer.allows(assessor, state: home, .viewState))
        #expect(throws: AccessDenied.self) { try Authorizer.scope(assessor, state: home, for: .editStateProfile) }
        #expect(throws: AccessDenied.self) { try Authorizer.scope(assessor, state: home, for: .readStateAudit) }
    }

    @Test func globalNonAdministratorGrantsOpenNoStateData() {
        let officer = identity([(.programmeOfficer, nil), (.donorViewer, nil)])
        #expect(!Authorizer.allows(officer, state: home, .viewState))
        #expect(Authorizer.visibleStates(officer) == StateVisibility(.only([])))
        #expect(throws: AccessDenied.self) { try Authorizer.administrator(officer) }
    }

    @Test func administratorSeesEveryState() throws {
        let admin = identity([(.administrator, nil)])
        #expect(Authorizer.visibleStates(admin).includes(foreign))
        #expect(try Authorizer.scope(admin, state: foreign, for: .editStateProfile).stateID == foreign)
        #expect(try Authorizer.administrator(admin).userID == "u")
    }

    @Test func administratorsNeedAStateGrantForAssessmentData() throws {
        let admin = identity([(.administrator, nil)])
        for permission in [Permission.viewAssessment, .manageAssessment, .writeScenario, .scoreScenario] {
            #expect(throws: AccessDenied.self) { try Authorizer.scope(admin, state: home, for: permission) }
        }
        let adminAndAssessor = identity([(.administrator, nil), (.assessor, home)])
        #expect(Authorizer.allows(adminAndAssessor, state: home, .scoreScenario))
        #expect(!Authorizer.allows(adminAndAssessor, state: home, .manageAssessment))
    }

    @Test func donorViewersNeverSeeAssessments() {
        let donor = identity([(.donorViewer, home)])
        #expect(Authorizer.allows(donor, state: home, .viewState))
        #expect(!Authorizer.allows(donor, state: home, .viewAssessment))
    }

    /// Law: whatever roles a user holds for other states, no permission on a state without a grant for it is ever given.
    @Test func noScopeWithoutAGrantForThatState() async {
        let roles = Gen<Role>.case.array(of: 0...6)
        await propertyCheck(input: roles, Gen<Permission>.case) { held, permission in
            let user = identity(held.filter { $0 != .administrator }.map { ($0, home) })
            #expect(!Authorizer.allows(user, state: foreign, permission))
            #expect(!Authorizer.visibleStates(user).includes(foreign))
        }
    }

    /// Law: a state permission is granted exactly when one of the user's roles there carries it.
    @Test func scopeMatchesRolePermissionTable() async {
        await propertyCheck(input: Gen<Role>.case.array(of: 1...4), Gen<Permission>.case) { held, permission in
            let roles = held.filter { $0 != .administrator }
            let user = identity(roles.map { ($0, home) })
            let expected = !Set(roles).isDisjoint(with: permission.stateRoles)
            #expect(Authorizer.allows(user, state: home, permission) == expected)
        }
    }
}
