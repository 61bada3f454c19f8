import CTTechCore
import FluentKit
import SQLKit

/// The hash-chained audit log and its head (the last sequence number and hash, updated in the same transaction).
struct M0003AuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "audit_log")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: false))
            .column("at", type: .bigint, .notNull)
            .column("actor_id", type: .text, .notNull)
            .column("actor_label", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity_type", type: .text, .notNull)
            .column("entity_id", type: .text, .notNull)
            .column("state_id", type: .text)
            .column("details", type: .text, .notNull)
            .column("prev_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await sql.create(index: "audit_log_state").on("audit_log").column("state_id").column("seq").run()
        try await sql.create(table: "audit_head")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("seq", type: .bigint, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await sql.insert(into: "audit_head").columns("id", "seq", "hash").values(SQLBind(1), SQLBind(Int64(0)), SQLBind(AuditChain.genesis))
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in ["audit_head", "audit_log"] { try await sql.drop(table: table).run() }
    }
}
