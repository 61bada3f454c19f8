import CTTechCore
import FluentKit
import SQLKit

/// Versioned method: reference lists stored per method version, seeded with the CT TECH-aligned defaults.
struct M0004ReferenceData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "method_versions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("title", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("is_current", type: .boolean, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "reference_items")
            .column("method_version", type: .text, .notNull, .references("method_versions", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("name", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .primaryKey("method_version", "kind", "code")
            .run()
        try await ReferenceDataStore.insert(MethodVersion.ctTechDefault, current: true, settings: false, on: sql)
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in ["reference_items", "method_versions"] { try await sql.drop(table: table).run() }
    }
}
