import CTTechCore
import FluentKit
import SQLKit

/// Issue 12: live workshop sessions, their participants (device tokens kept as SHA-256), activities, rounds, answers,
/// ideas, and the outbox of events the Server-Sent Events streams read (resumed with `Last-Event-ID`). Every table
/// carries `state_id`; a session's rows go with it.
struct M0012LiveSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in try await Self.apply(on: tx) }
    }

    /// Children before their parents, the order in which they can be dropped.
    static let tables = [
        "live_events", "live_ideas", "live_submissions", "live_rounds", "live_activities", "live_participants", "live_sessions",
    ]

    static func apply(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "live_sessions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("assessment_id", type: .text)
            .column("title", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("anonymity", type: .text, .notNull)
            // The attributes asked at join, as a JSON array.
            .column("attributes", type: .text, .notNull)
            .column("minimum_group", type: .int, .notNull)
            .column("status", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("started_at", type: .bigint)
            .column("ended_at", type: .bigint)
            .column("version", type: .int, .notNull)
            .run()
        // A join code opens one session among those that have not ended (the store checks first; this is the backstop).
        try await sql.raw("CREATE UNIQUE INDEX live_sessions_open_code ON live_sessions (code) WHERE status <> 'ended'").run()
        try await sql.create(table: "live_participants")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("session_id", type: .text, .notNull, .references("live_sessions", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("number", type: .int, .notNull)
            .column("name", type: .text)
            .column("check_code", type: .text, .notNull)
            // The declared attributes as a JSON object.
            .column("attributes", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("token_hash", type: .text, .notNull, .unique)
            .column("joined_at", type: .bigint, .notNull)
            .column("admitted_at", type: .bigint)
            .unique("session_id", "number")
            .run()
        try await sql.create(table: "live_activities")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("session_id", type: .text, .notNull, .references("live_sessions", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            // The items as a JSON array.
            .column("items", type: .text, .notNull)
            .column("item_limit", type: .int, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "live_rounds")
            .column("activity_id", type: .text, .notNull, .references("live_activities", "id", onDelete: .cascade))
            .column("session_id", type: .text, .notNull)
            .column("state_id", type: .text, .notNull)
            .column("number", type: .int, .notNull)
            .column("status", type: .text, .notNull)
            .column("opened_at", type: .bigint, .notNull)
            .column("revealed_at", type: .bigint)
            .primaryKey("activity_id", "number")
            .run()
        try await sql.create(table: "live_submissions")
            .column("activity_id", type: .text, .notNull, .references("live_activities", "id", onDelete: .cascade))
            .column("round", type: .int, .notNull)
            .column("participant_id", type: .text, .notNull, .references("live_participants", "id", onDelete: .cascade))
            .column("item_key", type: .text, .notNull)
            .column("session_id", type: .text, .notNull)
            .column("state_id", type: .text, .notNull)
            // The answer as JSON (``LiveAnswer``).
            .column("answer", type: .text, .notNull)
            .column("submitted_at", type: .bigint, .notNull)
            .primaryKey("activity_id", "round", "participant_id", "item_key")
            .run()
        try await sql.create(table: "live_ideas")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("activity_id", type: .text, .notNull, .references("live_activities", "id", onDelete: .cascade))
            .column("session_id", type: .text, .notNull)
            .column("state_id", type: .text, .notNull)
            .column("participant_id", type: .text, .notNull, .references("live_participants", "id", onDelete: .cascade))
            .column("text", type: .text, .notNull)
            .column("hidden", type: .boolean, .notNull)
            .column("merged_into", type: .text)
            .column("scenario_id", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()
        // Numbered in commit order: every write that adds events first takes the audit head (locked FOR UPDATE on
        // PostgreSQL until commit), so `seq` is allocated as MAX + 1 under that lock and a reader never sees a later number
        // commit before an earlier one.
        try await sql.create(table: "live_events")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: false))
            .column("session_id", type: .text, .notNull)
            .column("state_id", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("audience", type: .text, .notNull)
            .column("participant_id", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()

        for (table, columns) in [
            ("live_sessions", ["state_id", "created_at"]), ("live_participants", ["state_id", "session_id", "number"]),
            ("live_activities", ["state_id", "session_id", "position"]), ("live_rounds", ["state_id", "session_id"]),
            ("live_submissions", ["state_id", "session_id", "activity_id"]), ("live_ideas", ["state_id", "session_id", "activity_id"]),
            ("live_events", ["session_id", "seq"]),
        ] {
            var index = sql.create(index: "\(table)_state").on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in Self.tables { try await sql.drop(table: table).run() }
    }
}
