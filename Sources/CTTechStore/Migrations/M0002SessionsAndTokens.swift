import FluentKit
import SQLKit

/// Login sessions and API bearer tokens; both stored only as SHA-256 of the secret the client holds.
struct M0002SessionsAndTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "sessions")
            .column("id_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("csrf_token", type: .text, .notNull)
            .column("awaiting_totp", type: .boolean, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "sessions_user").on("sessions").column("user_id").run()
        try await sql.create(table: "api_tokens")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("token_hash", type: .text, .notNull, .unique)
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("label", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint)
            .column("revoked", type: .boolean, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in ["api_tokens", "sessions"] { try await sql.drop(table: table).run() }
    }
}
