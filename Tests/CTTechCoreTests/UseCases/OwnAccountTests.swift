import CTTechCore
import CTTechDoubles
import Testing

@Suite("One's own account and an administrator's password reset")
struct OwnAccountTests {
    /// Seeded accounts have the password "seeded" (hashed by the stand-in as "hashed:seeded").
    let current = "seeded"
    let new = "a much longer passphrase"

    @Test func thePasswordChangesWithTheCurrentOneAndEndsOtherSessions() async throws {
        // setup
        let workspace = StateWorkspace()
        let me = workspace.assessor
        // act
        try await workspace.ownAccount.changePassword(current: current, new: new, keepingSession: "this-session", by: me)
        // check
        #expect(try await workspace.repositories.account(id: me.userID)?.passwordHash == "hashed:" + new)
        #expect(workspace.repositories.endedSessions == [me.userID])
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "user.password_change" && event.entityID == me.userID && event.actorID == me.userID && event.stateID == nil)
    }

    @Test func aWrongCurrentPasswordOrAWeakNewOneChangesNothing() async throws {
        // setup
        let workspace = StateWorkspace()
        let me = workspace.assessor
        // act
        let wrong = await #expect(throws: ValidationFailure.self) {
            try await workspace.ownAccount.changePassword(current: "guess", new: new, keepingSession: nil, by: me)
        }
        let weak = await #expect(throws: ValidationFailure.self) {
            try await workspace.ownAccount.changePassword(current: current, new: "short", keepingSession: nil, by: me)
        }
        // check
        #expect(wrong?.issues.map(\.field) == ["current"])
        #expect(weak?.issues.map(\.field) == ["new"])
        #expect(try await workspace.repositories.account(id: me.userID)?.passwordHash == "hashed:seeded")
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func theSecondFactorGoesOnAndOffOnlyWithThePassword() async throws {
        // setup
        let workspace = StateWorkspace()
        let me = workspace.focalPoint
        // act
        try await workspace.ownAccount.turnOnTOTP(secret: "abcdefghijklmnopqrstuvwxyz012345", by: me)
        let on = try await workspace.repositories.account(id: me.userID)
        let refused = await #expect(throws: ValidationFailure.self) { try await workspace.ownAccount.turnOffTOTP(password: "guess", by: me) }
        let stillOn = try await workspace.repositories.account(id: me.userID)
        try await workspace.ownAccount.turnOffTOTP(password: current, by: me)
        // check
        #expect(on?.hasTOTP == true && stillOn?.hasTOTP == true)
        #expect(refused?.issues.map(\.field) == ["password"])
        #expect(try await workspace.repositories.account(id: me.userID)?.hasTOTP == false)
        #expect(workspace.repositories.audit.map(\.action) == ["user.totp_on", "user.totp_off"])
    }

    @Test func anAdministratorResetsAPasswordForAnExistingAccountOnly() async throws {
        // setup
        let workspace = StateWorkspace()
        let admin = workspace.administrator.actor
        // act
        try await workspace.accountAdministration.resetPassword(workspace.assessor.userID, to: new, by: admin, scope: workspace.administering)
        let weak = await #expect(throws: ValidationFailure.self) {
            try await workspace.accountAdministration.resetPassword(workspace.assessor.userID, to: "short", by: admin, scope: workspace.administering)
        }
        await #expect(throws: StoreConflict.missing) {
            try await workspace.accountAdministration.resetPassword(Identifier.make(), to: new, by: admin, scope: workspace.administering)
        }
        // check
        #expect(try await workspace.repositories.account(id: workspace.assessor.userID)?.passwordHash == "hashed:" + new)
        #expect(weak?.issues.map(\.field) == ["password"])
        #expect(workspace.repositories.endedSessions == [workspace.assessor.userID])
        #expect(workspace.repositories.audit.map(\.action) == ["user.password_reset"])
        #expect(workspace.repositories.audit.first?.entityID == workspace.assessor.userID)
    }
}
