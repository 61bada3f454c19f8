import CTTechCore
import CTTechDoubles
import Testing

@Suite("Account administration: accounts and role grants")
struct AccountAdministrationTests {
    let password = "correct horse battery"

    // MARK: create

    @Test func anAccountIsCreatedWithAHashedPasswordAndItsFirstGrant() async throws {
        // setup
        let workspace = StateWorkspace()

        // act
        let user = try await workspace.accountAdministration.create(
            .mock, password: password, role: "assessor", stateID: workspace.state.id, by: workspace.administrator.actor,
            scope: workspace.administering)

        // check
        #expect(user.email == "new.analyst@valdoria.example" && user.displayName == "New Analyst")
        #expect(user.passwordHash == "hashed:correct horse battery" && user.isActive && user.version == 1 && !user.hasTOTP)
        #expect(try await workspace.repositories.account(id: user.id) == user)
        let grants = try await workspace.repositories.grants(userID: user.id)
        #expect(grants.map(\.role) == [.assessor] && grants.map(\.stateID) == [workspace.state.id])
        #expect(try await workspace.repositories.assessors(workspace.managing)["new.analyst@valdoria.example"] == user.id)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "user.create" && event.entityType == "user" && event.entityID == user.id)
        #expect(event.stateID == workspace.state.id && event.actorID == workspace.administrator.userID)
        #expect(event.details == ["email": user.email, "grant": "assessor@\(workspace.state.id)"])
    }

    @Test func everyProblemWithTheAccountIsReportedAtOnce() async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = UserDraft(email: "not an e-mail", displayName: " ")

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.accountAdministration.create(
                draft, password: "short", role: "superuser", stateID: "VLD", by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(failure?.issues.map(\.field) == ["email", "displayName", "password", "role", "stateID"])
        #expect(failure?.message(for: "password") == "must be at least 12 characters")
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func anAdministratorGrantIsProgrammeWide() async throws {
        // setup
        let workspace = StateWorkspace()

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.accountAdministration.create(
                .mock, password: password, role: "administrator", stateID: workspace.state.id, by: workspace.administrator.actor,
                scope: workspace.administering)
        }

        // check
        #expect(failure?.issues == [FieldIssue(field: "stateID", message: "administrator is a programme-wide role; leave the partner state empty")])
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func aGrantForAStateThatDoesNotExistCreatesNothing() async throws {
        // setup
        let workspace = StateWorkspace()
        let administration = workspace.accountAdministration

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await administration.create(
                .mock, password: password, role: "assessor", stateID: Identifier.make(), by: workspace.administrator.actor,
                scope: workspace.administering)
        }

        // check
        #expect(failure?.issues == [FieldIssue(field: "stateID", message: "is not a partner state")])
        #expect(workspace.repositories.audit.isEmpty)
        // the e-mail address was not taken
        _ = try await administration.create(
            .mock, password: password, role: nil, stateID: nil, by: workspace.administrator.actor, scope: workspace.administering)
    }

    @Test func aTakenEmailIsADuplicate() async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = UserDraft(email: "FOCAL@valdoria.example", displayName: "Someone else")

        // act
        await #expect(throws: StoreConflict.duplicate(field: "email")) {
            try await workspace.accountAdministration.create(
                draft, password: password, role: nil, stateID: nil, by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(workspace.repositories.audit.isEmpty)
    }

    // MARK: update

    @Test func anAccountIsChangedToTheNextVersion() async throws {
        // setup
        let workspace = StateWorkspace()
        let id = workspace.assessor.userID
        let draft = UserDraft(email: "First.Assessor@valdoria.example", displayName: "First Assessor, renamed")

        // act
        let updated = try await workspace.accountAdministration.update(
            id, draft: draft, expectedVersion: 1, by: workspace.administrator.actor, scope: workspace.administering)

        // check
        #expect(updated.email == "first.assessor@valdoria.example" && updated.displayName == "First Assessor, renamed")
        #expect(updated.version == 2 && updated.isActive && updated.passwordHash == "hashed:seeded")
        #expect(try await workspace.repositories.account(id: id) == updated)
        #expect(workspace.repositories.endedSessions.isEmpty)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "user.update" && event.entityType == "user" && event.entityID == id && event.stateID == nil)
        #expect(event.details == ["email": "first.assessor@valdoria.example", "active": "true"])
    }

    @Test func deactivatingEndsTheUsersSessions() async throws {
        // setup
        let workspace = StateWorkspace()
        let id = workspace.assessor.userID
        let draft = UserDraft(email: workspace.assessor.email, displayName: workspace.assessor.displayName, isActive: false)

        // act
        let updated = try await workspace.accountAdministration.update(
            id, draft: draft, expectedVersion: 1, by: workspace.administrator.actor, scope: workspace.administering)

        // check
        #expect(!updated.isActive)
        #expect(workspace.repositories.endedSessions == [id])
        #expect(try await workspace.repositories.assessors(workspace.managing)[workspace.assessor.email] == nil)
        #expect(workspace.repositories.audit.last?.details["active"] == "false")
    }

    @Test func aSaveOverSomebodyElsesIsAStaleVersion() async throws {
        // setup
        let workspace = StateWorkspace()
        let id = workspace.assessor.userID
        let first = try await workspace.accountAdministration.update(
            id, draft: UserDraft(email: workspace.assessor.email, displayName: "First save"), expectedVersion: 1,
            by: workspace.administrator.actor, scope: workspace.administering)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: StoreConflict.staleVersion(current: 2)) {
            try await workspace.accountAdministration.update(
                id, draft: UserDraft(email: workspace.assessor.email, displayName: "Second save"), expectedVersion: 1,
                by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(try await workspace.repositories.account(id: id) == first)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func nobodyDeactivatesTheirOwnAccount() async throws {
        // setup
        let workspace = StateWorkspace()
        let me = workspace.administrator
        let draft = UserDraft(email: me.email, displayName: me.displayName, isActive: false)

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.accountAdministration.update(
                me.userID, draft: draft, expectedVersion: 1, by: me.actor, scope: workspace.administering)
        }

        // check
        #expect(failure?.issues.map(\.field) == ["isActive"])
        #expect(try await workspace.repositories.account(id: me.userID)?.isActive == true)
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func anEmailTakenByAnotherAccountIsADuplicate() async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = UserDraft(email: workspace.focalPoint.email, displayName: "First Assessor")

        // act
        await #expect(throws: StoreConflict.duplicate(field: "email")) {
            try await workspace.accountAdministration.update(
                workspace.assessor.userID, draft: draft, expectedVersion: 1, by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(try await workspace.repositories.account(id: workspace.assessor.userID)?.email == workspace.assessor.email)
        #expect(workspace.repositories.audit.isEmpty)
    }

    // MARK: grant

    @Test func aRoleIsGrantedForAState() async throws {
        // setup
        let workspace = StateWorkspace()
        let userID = workspace.assessor.userID

        // act
        let grant = try await workspace.accountAdministration.grant(
            userID: userID, role: "facilitator", stateID: workspace.state.id, by: workspace.administrator.actor, scope: workspace.administering)

        // check
        #expect(grant.userID == userID && grant.role == .facilitator && grant.stateID == workspace.state.id)
        #expect(try await workspace.repositories.grants(userID: userID).map(\.role) == [.assessor, .facilitator])
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "grant.add" && event.entityType == "user" && event.entityID == userID)
        #expect(event.stateID == workspace.state.id && event.details == ["role": "facilitator"])
    }

    @Test(arguments: [
        ("superuser", "state", "role"),
        ("administrator", "state", "stateID"),
        ("assessor", "unknown state", "stateID"),
        ("assessor", "not an id", "stateID"),
    ])
    func aGrantThatCannotBeIsReportedOnItsField(role: String, state: String, field: String) async throws {
        // setup
        let workspace = StateWorkspace()
        let stateID =
            switch state {
            case "state": workspace.state.id
            case "unknown state": Identifier.make()
            default: state
            }

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.accountAdministration.grant(
                userID: workspace.assessor.userID, role: role, stateID: stateID, by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(failure?.issues.map(\.field) == [field])
        #expect(try await workspace.repositories.grants(userID: workspace.assessor.userID).count == 1)
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func aRoleAlreadyHeldIsADuplicate() async throws {
        // setup
        let workspace = StateWorkspace()

        // act
        await #expect(throws: StoreConflict.duplicate(field: "role")) {
            try await workspace.accountAdministration.grant(
                userID: workspace.assessor.userID, role: "assessor", stateID: workspace.state.id, by: workspace.administrator.actor,
                scope: workspace.administering)
        }

        // check
        #expect(try await workspace.repositories.grants(userID: workspace.assessor.userID).count == 1)
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func aProgrammeWideGrantToNobodyIsMissing() async throws {
        // setup
        let workspace = StateWorkspace()

        // act
        await #expect(throws: StoreConflict.missing) {
            try await workspace.accountAdministration.grant(
                userID: Identifier.make(), role: "programme-officer", stateID: nil, by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func aStateGrantToNobodyShouldBeMissingNotABadState() async throws {
        // setup
        let workspace = StateWorkspace()

        // act
        let error = await #expect(throws: (any Error).self) {
            try await workspace.accountAdministration.grant(
                userID: Identifier.make(), role: "assessor", stateID: workspace.state.id, by: workspace.administrator.actor,
                scope: workspace.administering)
        }

        // check
        #expect(error as? StoreConflict == .missing)
        #expect(workspace.repositories.audit.isEmpty)
    }

    // MARK: withdraw

    @Test func aGrantIsWithdrawnWithItsAuditEntry() async throws {
        // setup
        let workspace = StateWorkspace()
        let userID = workspace.assessor.userID
        let grant = try #require(workspace.assessor.grants.first)

        // act
        try await workspace.accountAdministration.withdraw(
            grantID: grant.id, userID: userID, by: workspace.administrator.actor, scope: workspace.administering)

        // check
        #expect(try await workspace.repositories.grants(userID: userID).isEmpty)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "grant.remove" && event.entityType == "user" && event.entityID == userID)
        #expect(event.stateID == workspace.state.id && event.details == ["role": "assessor"])
    }

    @Test func anAdministratorKeepsTheirOwnLastAdministratorGrant() async throws {
        // setup
        let workspace = StateWorkspace()
        let me = workspace.administrator
        let grant = try #require(me.grants.first)

        // act
        await #expect(throws: AdministrationRuleViolation.lastOwnAdministratorGrant) {
            try await workspace.accountAdministration.withdraw(grantID: grant.id, userID: me.userID, by: me.actor, scope: workspace.administering)
        }

        // check
        #expect(try await workspace.repositories.grants(userID: me.userID) == [grant])
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func anAdministratorMayWithdrawTheirOwnStateGrantsAndAnotherAdministrators() async throws {
        // setup
        let workspace = StateWorkspace()
        let me = workspace.administrator
        let stateGrant = try await workspace.accountAdministration.grant(
            userID: me.userID, role: "reviewer", stateID: workspace.state.id, by: me.actor, scope: workspace.administering)
        let colleague = workspace.repositories.seedAccount(email: "colleague@cttech.example", roles: [(.administrator, nil)])
        let colleagueGrant = try #require(colleague.grants.first)

        // act
        try await workspace.accountAdministration.withdraw(grantID: stateGrant.id, userID: me.userID, by: me.actor, scope: workspace.administering)
        try await workspace.accountAdministration.withdraw(
            grantID: colleagueGrant.id, userID: colleague.userID, by: me.actor, scope: workspace.administering)

        // check
        #expect(try await workspace.repositories.grants(userID: me.userID).map(\.role) == [.administrator])
        #expect(try await workspace.repositories.grants(userID: colleague.userID).isEmpty)
        #expect(workspace.repositories.audit.map(\.action) == ["grant.add", "grant.remove", "grant.remove"])
    }

    @Test func withdrawingAGrantOfAnotherUserIsMissing() async throws {
        // setup
        let workspace = StateWorkspace()
        let grant = try #require(workspace.assessor.grants.first)

        // act
        await #expect(throws: StoreConflict.missing) {
            try await workspace.accountAdministration.withdraw(
                grantID: grant.id, userID: workspace.secondAssessor.userID, by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(try await workspace.repositories.grants(userID: workspace.assessor.userID) == [grant])
        #expect(workspace.repositories.audit.isEmpty)
    }
}

@Suite("A role for one partner state is never granted programme-wide")
struct StateRoleGrantTests {
    @Test(arguments: Role.allCases.filter(\.isForOneState))
    func aStateRoleWithoutAStateIsRefusedOnCreateAndGrant(_ role: Role) async throws {
        // setup
        let workspace = StateWorkspace()
        let admin = workspace.administrator.actor
        // act
        let created = await #expect(throws: ValidationFailure.self) {
            try await workspace.accountAdministration.create(
                .mock, password: "correct horse battery", role: role.rawValue, stateID: nil, by: admin, scope: workspace.administering)
        }
        let granted = await #expect(throws: ValidationFailure.self) {
            try await workspace.accountAdministration.grant(
                userID: workspace.assessor.userID, role: role.rawValue, stateID: nil, by: admin, scope: workspace.administering)
        }
        // check
        #expect(created?.issues.map(\.field) == ["stateID"])
        #expect(granted?.issues.map(\.field) == ["stateID"])
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func programmeRolesMayBeGrantedProgrammeWide() async throws {
        // setup
        let workspace = StateWorkspace()
        // act
        let grant = try await workspace.accountAdministration.grant(
            userID: workspace.assessor.userID, role: Role.programmeOfficer.rawValue, stateID: nil, by: workspace.administrator.actor,
            scope: workspace.administering)
        // check
        #expect(grant.stateID == nil && grant.role == .programmeOfficer)
        #expect(Role.allCases.filter { !$0.isForOneState } == [.administrator, .programmeOfficer, .donorViewer, .personalDataOfficer])
    }
}
