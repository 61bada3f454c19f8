import CTTechCore
import CTTechStore
import CTTechTestSupport
import SQLKit
import Testing

@Suite("Audit log in the store: tamper detection")
struct AuditLogStoreTests {
    /// Writes five changes, each with its audit entry in the same transaction.
    func seed(_ db: Persistence) async throws -> PartnerState {
        let store = PartnerStateStore(db)
        var state = Fixture.state()
        try await store.create(state, by: Fixture.admin, audit: Fixture.event("state.create", state: state.id))
        for i in 1...4 {
            state.profile = "revision \(i)"
            state = try await store.update(
                state, expectedVersion: i, scope: Fixture.scope(state), audit: Fixture.event("state.update", state: state.id, ["n": "\(i)"]))
        }
        return state
    }

    @Test(arguments: TestDatabase.kinds)
    func intactLogVerifiesAndListsNewestFirst(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let state = try await seed(db)
            let log = AuditLogStore(db)
            #expect(try await log.verify() == .intact(count: 5, headHash: try await headHash(db)))
            let page = try await log.list(Fixture.scope(state, .readStateAudit), page: PageRequest(limit: 2))
            #expect(page.map(\.seq) == [5, 4])
            let older = try await log.list(Fixture.admin, page: PageRequest(limit: 10, before: 4))
            #expect(older.map(\.seq) == [3, 2, 1])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func alteredRowIsNamed(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            _ = try await seed(db)
            try await db.sql.raw("UPDATE audit_log SET details = '{\"n\":\"forged\"}' WHERE seq = 3").run()
            #expect(try await AuditLogStore(db).verify() == .broken(seq: 3, reason: "its content was altered (hash mismatch)"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func removedRowIsNamed(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            _ = try await seed(db)
            try await db.sql.raw("DELETE FROM audit_log WHERE seq = 2").run()
            guard case .broken(let seq, _) = try await AuditLogStore(db).verify() else {
                Issue.record("a removed row must be detected")
                return
            }
            #expect(seq == 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func removedTailIsNamed(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            _ = try await seed(db)
            try await db.sql.raw("DELETE FROM audit_log WHERE seq >= 4").run()
            guard case .broken(let seq, _) = try await AuditLogStore(db).verify() else {
                Issue.record("a removed tail must be detected")
                return
            }
            #expect(seq == 4)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func failedWriteLeavesNoAuditEntry(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let state = try await seed(db)
            var stale = state
            stale.profile = "never saved"
            await #expect(throws: StoreConflict.self) {
                try await PartnerStateStore(db).update(stale, expectedVersion: 1, scope: Fixture.scope(state), audit: Fixture.event("state.update"))
            }
            #expect(try await AuditLogStore(db).verify() == .intact(count: 5, headHash: try await headHash(db)))
        }
    }
}
