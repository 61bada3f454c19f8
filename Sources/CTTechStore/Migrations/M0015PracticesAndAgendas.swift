import CTTechCore
import FluentKit
import SQLKit

/// Issue 13: good practices shared between partner states, knowledge products, event agendas and the links of events to
/// national work. A practice belongs to the state that shares it; its scope is `scope_kind` (`states`: the recipients in
/// `practice_recipients`; `region`: every state of `region`; `all`), and `withdrawn_on` is set once the sharing state
/// withdraws it. Comments and questions come from states that see it. Knowledge products are programme-wide; an agenda
/// session and a link belong to their event (`programme_agenda_products`: which session presented which product).
struct M0015PracticesAndAgendas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in try await Self.apply(on: tx) }
    }

    /// Children before their parents, the order in which they can be dropped.
    static let tables = [
        "programme_event_links", "programme_agenda_products", "programme_agenda", "knowledge_products", "practice_comments", "practice_recipients",
        "practices",
    ]

    static func apply(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "practices")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("tlp", type: .text, .notNull)
            .column("scope_kind", type: .text, .notNull)
            .column("region", type: .text)
            .column("shared_on", type: .text, .notNull)
            .column("withdrawn_on", type: .text)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "practices_by_state").on("practices").column("state_id").run()
        try await sql.create(index: "practices_by_scope").on("practices").column("scope_kind").column("region").run()
        try await sql.create(table: "practice_recipients")
            .column("practice_id", type: .text, .notNull, .references("practices", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .primaryKey("practice_id", "state_id")
            .run()
        try await sql.create(index: "practice_recipients_by_state").on("practice_recipients").column("state_id").run()
        try await sql.create(table: "practice_comments")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("practice_id", type: .text, .notNull, .references("practices", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("kind", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("posted_on", type: .text, .notNull)
            .column("author_id", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "practice_comments_by_practice").on("practice_comments").column("practice_id").column("created_at").run()

        try await sql.create(table: "knowledge_products")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("title", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("languages", type: .text, .notNull)
            .column("year", type: .int, .notNull)
            .column("audience", type: .text, .notNull)
            .column("topics", type: .text, .notNull)
            .column("link", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "programme_agenda")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("event_id", type: .text, .notNull, .references("programme_events", "id", onDelete: .cascade))
            .column("day", type: .text, .notNull)
            .column("starts", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("presenter", type: .text, .notNull)
            .column("steps", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "programme_agenda_by_event").on("programme_agenda").column("event_id").column("day").run()
        try await sql.create(table: "programme_agenda_products")
            .column("session_id", type: .text, .notNull, .references("programme_agenda", "id", onDelete: .cascade))
            .column("product_id", type: .text, .notNull, .references("knowledge_products", "id"))
            .column("position", type: .int, .notNull)
            .primaryKey("session_id", "product_id")
            .run()
        try await sql.create(index: "programme_agenda_products_by_product").on("programme_agenda_products").column("product_id").run()
        try await sql.create(table: "programme_event_links")
            .column("event_id", type: .text, .notNull, .references("programme_events", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("kind", type: .text, .notNull)
            .column("target_id", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .primaryKey("event_id", "kind", "target_id", "role")
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in Self.tables { try await sql.drop(table: table).ifExists().run() }
    }
}
