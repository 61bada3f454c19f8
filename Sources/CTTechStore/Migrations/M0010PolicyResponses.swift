import CTTechCore
import FluentKit
import SQLKit

/// Issue 10 (steps 5–6): policy responses with the risks they address, their declared effects and partners, the
/// human-rights and gender reviews and overrides that gate approval, and indicators with their actual values. Each
/// method version marks its mandatory checks and says after how many days evidence is stale; the default method gets
/// its mandatory checks. Every table carries `state_id`; a response's rows go with it.
struct M0010PolicyResponses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One transaction: an interrupted run leaves nothing half-done (both databases roll back their DDL).
        try await database.transaction { tx in try await Self.apply(on: tx) }
    }

    static let tables = [
        "indicator_actuals", "response_indicators", "response_overrides", "response_reviews", "response_effects", "response_partners",
        "response_targets", "policy_responses",
    ]

    static func apply(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.alter(table: "reference_items").column("mandatory", type: .boolean, .notNull, .default(false)).run()
        try await sql.update("reference_items").set("mandatory", to: SQLBind(true))
            .where("method_version", .equal, SQLBind(MethodVersion.defaultID))
            .where("kind", .in, [ReferenceKind.humanRightsChecks.rawValue, ReferenceKind.genderChecks.rawValue])
            .where("code", .in, MethodVersion.defaultMandatoryChecks.sorted())
            .run()
        try await sql.alter(table: "method_versions")
            .column("evidence_max_age_days", type: .int, .notNull, .default(MethodVersion.defaultEvidenceMaxAgeDays)).run()

        try await sql.create(table: "policy_responses")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("title", type: .text, .notNull)
            .column("type", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("lead_agency_id", type: .text)
            .column("cost_low", type: .double)
            .column("cost_high", type: .double)
            .column("currency", type: .text)
            .column("start_date", type: .text)
            .column("end_date", type: .text)
            .column("legal_basis", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("tlp", type: .text, .notNull)
            .column("method_version", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "policy_responses_state").on("policy_responses").column("state_id").run()

        try await sql.create(table: "response_targets")
            .column("response_id", type: .text, .notNull, .references("policy_responses", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("risk_id", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("assessment_id", type: .text, .notNull)
            .column("baseline_round", type: .int)
            .primaryKey("response_id", "position")
            .run()
        try await sql.create(table: "response_partners")
            .column("response_id", type: .text, .notNull, .references("policy_responses", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("agency_id", type: .text, .notNull)
            .primaryKey("response_id", "position")
            .run()
        try await sql.create(table: "response_effects")
            .column("response_id", type: .text, .notNull, .references("policy_responses", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("factor", type: .text, .notNull)
            .column("dimension", type: .text)
            .column("low", type: .double, .notNull)
            .column("best", type: .double, .notNull)
            .column("high", type: .double, .notNull)
            .primaryKey("response_id", "position")
            .run()
        try await sql.create(table: "response_reviews")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("response_id", type: .text, .notNull, .references("policy_responses", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("reasoning", type: .text, .notNull)
            .column("gender_marker", type: .int)
            .column("reviewer_id", type: .text, .notNull)
            .column("reviewer_label", type: .text, .notNull)
            .column("response_version", type: .int, .notNull)
            .column("reviewed_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "response_overrides")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("response_id", type: .text, .notNull, .references("policy_responses", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("response_version", type: .int, .notNull)
            .column("checks", type: .text, .notNull)
            .column("justification", type: .text, .notNull)
            .column("by_id", type: .text, .notNull)
            .column("by_label", type: .text, .notNull)
            .column("at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "response_indicators")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("response_id", type: .text, .notNull, .references("policy_responses", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("name", type: .text, .notNull)
            .column("level", type: .text, .notNull)
            .column("unit", type: .text, .notNull)
            .column("direction", type: .text, .notNull)
            .column("baseline", type: .double, .notNull)
            .column("baseline_date", type: .text, .notNull)
            .column("target", type: .double, .notNull)
            .column("target_date", type: .text, .notNull)
            .column("disaggregated", type: .boolean, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "indicator_actuals")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("indicator_id", type: .text, .notNull, .references("response_indicators", "id", onDelete: .cascade))
            .column("response_id", type: .text, .notNull, .references("policy_responses", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("value", type: .double, .notNull)
            .column("date", type: .text, .notNull)
            .column("evidence", type: .text, .notNull)
            .column("reliability", type: .text, .notNull)
            .column("recorded_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        // By state for the state-wide lists; by parent where the primary key does not already start with it.
        for table in Self.tables where table != "policy_responses" {
            try await sql.create(index: "\(table)_state").on(table).column("state_id").run()
        }
        for (table, parent) in [
            ("response_reviews", "response_id"), ("response_overrides", "response_id"), ("response_indicators", "response_id"),
            ("indicator_actuals", "indicator_id"), ("indicator_actuals", "response_id"),
        ] {
            try await sql.create(index: "\(table)_\(parent)").on(table).column(parent).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in Self.tables { try await sql.drop(table: table).run() }
        try await sql.alter(table: "method_versions").dropColumn("evidence_max_age_days").run()
        try await sql.alter(table: "reference_items").dropColumn("mandatory").run()
    }
}
