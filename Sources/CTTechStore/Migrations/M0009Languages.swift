import CTTechCore
import FluentKit
import SQLKit

/// Issue 9: each account keeps the interface language its holder chose, and each method version carries its reference
/// lists' names and descriptions in the other five languages. The default method gets the translations shipped with
/// this version of the product.
struct M0009Languages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in try await Self.apply(on: tx) }
    }

    static func apply(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.alter(table: "users").column("language", type: .text).run()
        try await sql.create(table: "reference_item_translations")
            .column("method_version", type: .text, .notNull, .references("method_versions", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("language", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .primaryKey("method_version", "kind", "code", "language")
            .run()
        struct Version: Codable { var id: String }
        let stored = try await sql.select().column("id").from("method_versions").where("id", .equal, SQLBind(MethodVersion.defaultID))
            .first(decoding: Version.self)
        if stored != nil { try await ReferenceDataStore.insertTranslations(of: MethodVersion.ctTechDefault, on: sql) }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.drop(table: "reference_item_translations").run()
        try await sql.alter(table: "users").dropColumn("language").run()
    }
}
