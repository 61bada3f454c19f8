import CTTechCore
import FluentKit
import SQLKit

/// Issue 13: the programme's events (programme-wide rows; the states they concern in `programme_event_states`), the
/// pseudonymous person registry (`state_id`: the person's state), their names and contacts in a table of their own (read
/// only with the personal-data permission, deleted at the retention date), registrations and attendance per day. The
/// indexes serve the dashboards' aggregates (by person, by event, by state). Requests for assistance and the
/// recommendations of workshops and visits with their action items belong to one state each.
struct M0014ProgrammeRegistry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in try await Self.apply(on: tx) }
    }

    /// Children before their parents, the order in which they can be dropped.
    static let tables = [
        "programme_year_tallies", "programme_person_years", "programme_event_tallies", "programme_action_items", "programme_recommendations",
        "programme_requests", "programme_attendance", "programme_registrations",
        "programme_personal_data", "programme_people", "programme_event_states",
        "programme_events",
    ]

    static func apply(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "programme_events")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("start_day", type: .text, .notNull)
            .column("end_day", type: .text, .notNull)
            .column("year", type: .int, .notNull)
            .column("venue", type: .text, .notNull)
            .column("city", type: .text, .notNull)
            .column("organisers", type: .text, .notNull)
            .column("facilitators", type: .text, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("version", type: .int, .notNull)
            .run()
        try await sql.create(index: "programme_events_by_start").on("programme_events").column("start_day").run()
        try await sql.create(table: "programme_event_states")
            .column("event_id", type: .text, .notNull, .references("programme_events", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .primaryKey("event_id", "state_id")
            .run()
        try await sql.create(index: "programme_event_states_by_state").on("programme_event_states").column("state_id").column("event_id").run()

        try await sql.create(table: "programme_people")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("sex", type: .text)
            .column("age_band", type: .text)
            .column("agency", type: .text, .notNull)
            .column("agency_type", type: .text)
            .column("role", type: .text, .notNull)
            .column("consent_purpose", type: .text, .notNull)
            .column("consent_on", type: .text, .notNull)
            .column("consent_method", type: .text, .notNull)
            .column("retain_until", type: .text, .notNull)
            // When the personal data went (epoch ms); the pseudonymous record stays for the aggregates.
            .column("purged_at", type: .bigint)
            .column("created_at", type: .bigint, .notNull)
            // 1 once the person attended a day of any event (kept by ProgrammeStore.refresh), for the dashboards.
            .column("present", type: .int, .notNull)
            .run()
        try await sql.create(index: "programme_people_by_state").on("programme_people").column("present").column("state_id").column("sex").run()
        try await sql.create(index: "programme_people_by_retention").on("programme_people").column("retain_until").run()
        try await sql.create(table: "programme_personal_data")
            .column("person_id", type: .text, .primaryKey(autoIncrement: false), .references("programme_people", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("contact", type: .text, .notNull)
            // ParticipantImport.matchKey: what duplicate detection compares; it goes with the name.
            .column("match_key", type: .text, .notNull)
            .run()
        try await sql.create(index: "programme_personal_data_by_key").on("programme_personal_data").column("match_key").run()

        try await sql.create(table: "programme_registrations")
            .column("event_id", type: .text, .notNull, .references("programme_events", "id", onDelete: .cascade))
            .column("person_id", type: .text, .notNull, .references("programme_people", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("registered_at", type: .bigint, .notNull)
            .primaryKey("event_id", "person_id")
            .run()
        try await sql.create(index: "programme_registrations_by_person").on("programme_registrations").column("person_id").run()
        try await sql.create(table: "programme_attendance")
            .column("event_id", type: .text, .notNull)
            .column("person_id", type: .text, .notNull)
            .column("state_id", type: .text, .notNull)
            .column("day", type: .text, .notNull)
            .primaryKey("event_id", "person_id", "day")
            .foreignKey(["event_id", "person_id"], references: "programme_registrations", ["event_id", "person_id"], onDelete: .cascade)
            .run()
        try await sql.create(index: "programme_attendance_by_person").on("programme_attendance").column("person_id").column("event_id").run()

        // The dashboards' aggregates, kept in the transaction of every write that changes registrations or attendance
        // (ProgrammeStore.refresh): per event, state of the persons and declared sex ('' when not declared) the
        // registrations, the persons present at least one day and the person-days; and per person the years they were
        // present in, and per year, state and sex how many persons were present. A dashboard over a million attendance
        // rows then reads a few thousand rows.
        try await sql.create(table: "programme_event_tallies")
            .column("event_id", type: .text, .notNull, .references("programme_events", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("sex", type: .text, .notNull)
            .column("registered", type: .int, .notNull)
            .column("present", type: .int, .notNull)
            .column("days", type: .int, .notNull)
            .primaryKey("event_id", "state_id", "sex")
            .run()
        try await sql.create(table: "programme_person_years")
            .column("person_id", type: .text, .notNull, .references("programme_people", "id", onDelete: .cascade))
            .column("year", type: .int, .notNull)
            .column("state_id", type: .text, .notNull)
            .column("sex", type: .text, .notNull)
            .primaryKey("person_id", "year")
            .run()
        try await sql.create(index: "programme_person_years_by_year").on("programme_person_years").column("year").column("state_id").column("sex")
            .run()
        try await sql.create(table: "programme_year_tallies")
            .column("year", type: .int, .notNull)
            .column("state_id", type: .text, .notNull)
            .column("sex", type: .text, .notNull)
            .column("persons", type: .int, .notNull)
            .primaryKey("year", "state_id", "sex")
            .run()

        // Requests for assistance and the recommendations of workshops and visits, each of one state.
        try await sql.create(table: "programme_requests")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("asked_by", type: .text, .notNull)
            .column("event_id", type: .text)
            .column("topics", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("received_on", type: .text, .notNull)
            .column("changed_on", type: .text, .notNull)
            .column("decline_reason", type: .text, .notNull)
            .column("answered_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "programme_requests_by_state").on("programme_requests").column("state_id").column("status").run()
        try await sql.create(table: "programme_recommendations")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("event_id", type: .text, .notNull, .references("programme_events", "id"))
            .column("text", type: .text, .notNull)
            .column("made_on", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "programme_recommendations_by_state").on("programme_recommendations").column("state_id").run()
        try await sql.create(table: "programme_action_items")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("recommendation_id", type: .text, .notNull, .references("programme_recommendations", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("action", type: .text, .notNull)
            .column("owner_agency", type: .text, .notNull)
            .column("due", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("evidence", type: .text, .notNull)
            .run()
        try await sql.create(index: "programme_action_items_by_recommendation").on("programme_action_items").column("recommendation_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in Self.tables { try await sql.drop(table: table).ifExists().run() }
    }
}
