import CTTechCore
import CTTechStore
import CTTechTestSupport
import Foundation
import Testing

@Suite("Accounts, grants, sessions and tokens in the store")
struct AccountStoreTests {
    @Test(arguments: TestDatabase.kinds)
    func accountWithGrantsAndIdentity(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let state = Fixture.state()
            try await PartnerStateStore(db).create(state, by: Fixture.admin, audit: Fixture.event("state.create"))
            let accounts = AccountStore(db)
            let user = Fixture.user("Focal@Example.org".lowercased(), name: "Фарида Назарова")
            // act
            try await accounts.create(
                user, grants: [RoleGrant(id: Identifier.make(), userID: user.id, role: .focalPoint, stateID: state.id)], by: Fixture.admin,
                audit: Fixture.event("user.create"))
            // check
            let identity = try #require(try await accounts.identity(userID: user.id))
            #expect(identity.displayName == "Фарида Назарова")
            #expect(identity.roles(inState: state.id) == [.focalPoint])
            #expect(try await accounts.account(email: "FOCAL@example.org")?.id == user.id)
            #expect(try await accounts.count() == 1)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func duplicateEmailAndUnknownStateAreRefused(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let accounts = AccountStore(db)
            try await accounts.create(Fixture.user("a@example.org"), grants: [], by: Fixture.admin, audit: Fixture.event("user.create"))
            await #expect(throws: StoreConflict.duplicate(field: "email")) {
                try await accounts.create(Fixture.user("a@example.org"), grants: [], by: Fixture.admin, audit: Fixture.event("user.create"))
            }
            let orphan = Fixture.user("b@example.org")
            await #expect(throws: StoreConflict.missing) {
                try await accounts.create(
                    orphan, grants: [RoleGrant(id: Identifier.make(), userID: orphan.id, role: .assessor, stateID: Identifier.make())],
                    by: Fixture.admin,
                    audit: Fixture.event("user.create"))
            }
            #expect(try await accounts.count() == 1)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func grantsAddDuplicateAndRemove(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let accounts = AccountStore(db)
            let user = Fixture.user("g@example.org")
            try await accounts.create(user, grants: [], by: Fixture.admin, audit: Fixture.event("user.create"))
            let grant = RoleGrant(id: Identifier.make(), userID: user.id, role: .programmeOfficer, stateID: nil)
            try await accounts.addGrant(grant, by: Fixture.admin, audit: Fixture.event("grant.add"))
            await #expect(throws: StoreConflict.duplicate(field: "role")) {
                try await accounts.addGrant(
                    RoleGrant(id: Identifier.make(), userID: user.id, role: .programmeOfficer, stateID: nil), by: Fixture.admin,
                    audit: Fixture.event("grant.add"))
            }
            let removed = try await accounts.removeGrant(id: grant.id, userID: user.id, by: Fixture.admin) { _ in Fixture.event("grant.remove") }
            #expect(removed == grant)
            #expect(try await accounts.grants(userID: user.id).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func staleAccountUpdateIsRefused(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let accounts = AccountStore(db)
            let user = Fixture.user("v@example.org")
            try await accounts.create(user, grants: [], by: Fixture.admin, audit: Fixture.event("user.create"))
            let saved = try await accounts.update(
                id: user.id, email: "v2@example.org", displayName: "V", isActive: true, expectedVersion: 1, by: Fixture.admin,
                audit: Fixture.event("user.update"))
            #expect(saved.version == 2)
            await #expect(throws: StoreConflict.staleVersion(current: 2)) {
                try await accounts.update(
                    id: user.id, email: "v3@example.org", displayName: "V", isActive: true, expectedVersion: 1, by: Fixture.admin,
                    audit: Fixture.event("user.update"))
            }
            #expect(try await accounts.account(id: user.id)?.email == "v2@example.org")
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func sessionsExpireAndDeactivationEndsThem(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let accounts = AccountStore(db)
            let sessions = SessionStore(db)
            let user = Fixture.user("s@example.org")
            try await accounts.create(user, grants: [], by: Fixture.admin, audit: Fixture.event("user.create"))
            let (token, session) = try await sessions.create(userID: user.id, awaitingTOTP: false, lifetimeMilliseconds: 60_000)
            #expect(try await sessions.find(token: token) == session)
            #expect(try await sessions.find(token: token, now: session.expiresAt) == nil)
            #expect(try await sessions.find(token: token + "x") == nil)
            _ = try await accounts.update(
                id: user.id, email: user.email, displayName: "S", isActive: false, expectedVersion: 1, by: Fixture.admin,
                audit: Fixture.event("user.update"))
            #expect(try await sessions.find(token: token) == nil)
            #expect(try await accounts.identity(userID: user.id) == nil)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func apiTokensAreStoredHashedAndExpire(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let accounts = AccountStore(db)
            let tokens = APITokenStore(db)
            let user = Fixture.user("t@example.org")
            try await accounts.create(user, grants: [], by: Fixture.admin, audit: Fixture.event("user.create"))
            // An hour's lifetime: a loaded machine may take seconds between two statements, which a 1 s lifetime once did not
            // survive in CI. Expiry is checked with an explicit moment past it.
            let before = epochMilliseconds()
            let token = try await tokens.create(
                userID: user.id, label: "ci", lifetimeMilliseconds: 3_600_000, audit: Fixture.event("token.create"))
            #expect(token.hasPrefix("ctt_"))
            #expect(try await tokens.userID(forToken: token) == user.id)
            #expect(try await tokens.userID(forToken: token, now: before + 3_599_000) == user.id)
            #expect(try await tokens.userID(forToken: token, now: epochMilliseconds() + 3_600_000) == nil)
            #expect(try await tokens.userID(forToken: "ctt_guess") == nil)
            struct Row: Codable { var tokenHash: String }
            let stored = try await db.sql.select().column("token_hash").from("api_tokens").all(
                decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            #expect(stored.map(\.tokenHash) == [Identifier.sha256Hex(token)])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aPasswordChangeOrDeactivationRevokesTheAccountsTokensForGood(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: two accounts with a token each
            let accounts = AccountStore(db)
            let tokens = APITokenStore(db)
            let first = Fixture.user("first@example.org")
            let second = Fixture.user("second@example.org")
            for user in [first, second] { try await accounts.create(user, grants: [], by: Fixture.admin, audit: Fixture.event("user.create")) }
            let firstToken = try await tokens.create(userID: first.id, label: "ci", lifetimeMilliseconds: 86_400_000, audit: Fixture.event("token"))
            let secondToken = try await tokens.create(userID: second.id, label: "ci", lifetimeMilliseconds: 86_400_000, audit: Fixture.event("token"))
            // act: the first account's password is reset; the second is deactivated, then reactivated
            try await accounts.setPassword(userID: first.id, hash: "new-hash", keepingSession: nil, audit: Fixture.event("user.password_reset"))
            let off = try await accounts.update(
                id: second.id, email: second.email, displayName: second.displayName, isActive: false, expectedVersion: 1, by: Fixture.admin,
                audit: Fixture.event("user.update"))
            _ = try await accounts.update(
                id: second.id, email: second.email, displayName: second.displayName, isActive: true, expectedVersion: off.version,
                by: Fixture.admin, audit: Fixture.event("user.update"))
            // check: neither token opens anything any more
            #expect(try await tokens.userID(forToken: firstToken) == nil)
            #expect(try await tokens.userID(forToken: secondToken) == nil)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func referenceDataIsSeededAsAVersionedMethod(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let method = try #require(try await ReferenceDataStore(db).method())
            #expect(method == MethodVersion.ctTechDefault)
            #expect(try await ReferenceDataStore(db).versions().map(\.id) == [MethodVersion.defaultID])
        }
    }

    @Test func sqliteBackupIsAConsistentCopy() async throws {
        try await withTestDatabase(.sqlite) { db in
            try await PartnerStateStore(db).create(Fixture.state(), by: Fixture.admin, audit: Fixture.event("state.create"))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(Identifier.make()).sqlite").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await Backup.write(db, to: path)
            await #expect(throws: StoreError.self) { try await Backup.write(db, to: path) }
            let copy = try Persistence(location: .sqlite(path: path), logger: .init(label: "t"))
            try await copy.prepare()
            let states = try await PartnerStateStore(copy).list(visible: SystemAuthority.allStates)
            let verified = try await AuditLogStore(copy).verify()
            await copy.shutdown()
            #expect(states.map(\.code) == ["VLD"])
            guard case .intact(1, _) = verified else {
                Issue.record("the backup's audit log must verify")
                return
            }
        }
    }

    @Test func databaseURLParsing() throws {
        #expect(try DatabaseLocation.parse("cttech.sqlite") == .sqlite(path: "cttech.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite:///tmp/x.db") == .sqlite(path: "/tmp/x.db"))
        #expect(try DatabaseLocation.parse("postgres://u:secret@h/db").kind == .postgres)
        #expect(try DatabaseLocation.parse("postgres://u:secret@h/db").description == "postgres://u:***@h/db")
        #expect(throws: StoreError.self) { try DatabaseLocation.parse("mysql://h/db") }
    }
}
