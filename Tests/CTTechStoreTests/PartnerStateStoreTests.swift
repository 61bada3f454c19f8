import CTTechCore
import CTTechStore
import CTTechTestSupport
import SQLKit
import Testing

@Suite("Partner states in the store")
struct PartnerStateStoreTests {
    @Test(arguments: TestDatabase.kinds)
    func createFindAndListByVisibility(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let store = PartnerStateStore(db)
            let valdoria = Fixture.state()
            let norvania = Fixture.state(code: "NRV", name: "Kingdom of Norvania")
            // act
            try await store.create(valdoria, by: Fixture.admin, audit: Fixture.event("state.create", state: valdoria.id))
            try await store.create(norvania, by: Fixture.admin, audit: Fixture.event("state.create", state: norvania.id))
            // check
            #expect(try await store.find(Fixture.scope(valdoria)) == valdoria)
            #expect(try await store.list(visible: SystemAuthority.allStates).map(\.code) == ["NRV", "VLD"])
            let user = Identity(
                userID: "u", email: "u@x.org", displayName: "U", grants: [RoleGrant(id: "g", userID: "u", role: .assessor, stateID: valdoria.id)])
            #expect(try await store.list(visible: Authorizer.visibleStates(user)).map(\.code) == ["VLD"])
            let nobody = Identity(userID: "n", email: "n@x.org", displayName: "N", grants: [])
            #expect(try await store.list(visible: Authorizer.visibleStates(nobody)).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func duplicateCodeIsRefusedAndNothingIsWritten(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let store = PartnerStateStore(db)
            try await store.create(Fixture.state(), by: Fixture.admin, audit: Fixture.event("state.create"))
            await #expect(throws: StoreConflict.duplicate(field: "code")) {
                try await store.create(Fixture.state(name: "Other"), by: Fixture.admin, audit: Fixture.event("state.create"))
            }
            #expect(try await store.list(visible: SystemAuthority.allStates).count == 1)
            #expect(try await AuditLogStore(db).verify() == .intact(count: 1, headHash: try await headHash(db)))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func staleVersionGets409AndKeepsTheFirstWrite(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let store = PartnerStateStore(db)
            let state = Fixture.state()
            try await store.create(state, by: Fixture.admin, audit: Fixture.event("state.create"))
            var alice = state
            alice.profile = "Alice's text"
            var bob = state
            bob.profile = "Bob's text"
            // act
            let saved = try await store.update(alice, expectedVersion: 1, scope: Fixture.scope(state), audit: Fixture.event("state.update"))
            // check
            #expect(saved.version == 2)
            await #expect(throws: StoreConflict.staleVersion(current: 2)) {
                try await store.update(bob, expectedVersion: 1, scope: Fixture.scope(state), audit: Fixture.event("state.update"))
            }
            #expect(try await store.find(Fixture.scope(state))?.profile == "Alice's text")
            guard case .intact(let count, _) = try await AuditLogStore(db).verify() else {
                Issue.record("the audit log must stay intact")
                return
            }
            #expect(count == 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func unicodeTextRoundTrips(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let store = PartnerStateStore(db)
            var state = Fixture.state(code: "ARB", name: "جمهورية فالدوريا")
            state.profile = "Республика Валдория — профиль. 🛰️ <script>alert(1)</script> 'quotes' \"double\""
            try await store.create(state, by: Fixture.admin, audit: Fixture.event("state.create", ["name": state.name]))
            #expect(try await store.find(Fixture.scope(state)) == state)
        }
    }

    /// Invariant 2 under load: many concurrent writers, every acknowledged write present, no BUSY, an intact chain.
    @Test(arguments: TestDatabase.kinds)
    func concurrentWritersAllLand(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let store = PartnerStateStore(db)
            let states = (0..<12).map { Fixture.state(code: "S\($0)", name: "State \($0)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for state in states {
                    group.addTask { try await store.create(state, by: Fixture.admin, audit: Fixture.event("state.create", state: state.id)) }
                }
                try await group.waitForAll()
            }
            #expect(try await store.list(visible: SystemAuthority.allStates).count == 12)
            guard case .intact(let count, _) = try await AuditLogStore(db).verify() else {
                Issue.record("concurrent appends must keep the chain intact")
                return
            }
            #expect(count == 12)
        }
    }
}

struct HeadRow: Codable { var hash: String }

func headHash(_ db: Persistence) async throws -> String {
    try await db.sql.raw("SELECT hash FROM audit_head WHERE id = 1").first(decoding: HeadRow.self)?.hash ?? ""
}
