import FluentKit
import SQLKit

/// Partner states (tenants), user accounts and role grants.
struct M0001PartnerStatesAndAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "partner_states")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("code", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("region", type: .text, .notNull)
            .column("default_tlp", type: .text, .notNull)
            .column("profile", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "users")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("email", type: .text, .notNull, .unique)
            .column("display_name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("totp_secret", type: .text)
            .column("is_active", type: .boolean, .notNull)
            .column("failed_logins", type: .int, .notNull)
            .column("locked_until", type: .bigint)
            .column("version", type: .int, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "role_grants")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull, .references("users", "id", onDelete: .cascade))
            .column("role", type: .text, .notNull)
            .column("state_id", type: .text, .references("partner_states", "id", onDelete: .cascade))
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "role_grants_user").on("role_grants").column("user_id").run()
        try await sql.create(index: "role_grants_state").on("role_grants").column("state_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in ["role_grants", "users", "partner_states"] { try await sql.drop(table: table).run() }
    }
}
