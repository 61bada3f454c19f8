import CTTechCore
import FluentKit
import SQLKit

/// Issue 11 (steps 7–8): published capability framework versions (programme-wide; the default one is stored as
/// current), a state's capability assessments with their criterion answers, evidence and targets, and its development
/// roadmap with prerequisites, milestones and the reviews of its items. Every tenant table carries `state_id` and is
/// indexed by it first; an assessment's and an item's rows go with them.
struct M0011CapabilityRoadmap: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One transaction: an interrupted run leaves nothing half-done (both databases roll back their DDL).
        try await database.transaction { tx in try await Self.apply(on: tx) }
    }

    /// Children before their parents, the order in which they can be dropped.
    static let tables = [
        "roadmap_reviews", "roadmap_milestones", "roadmap_prerequisites", "roadmap_items", "capability_targets", "capability_evidence",
        "capability_answers", "capability_assessments", "capability_frameworks",
    ]

    static func apply(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "capability_frameworks")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("title", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("is_current", type: .boolean, .notNull)
            .column("document", type: .text, .notNull)
            .column("criteria", type: .int, .notNull)
            .column("published_at", type: .bigint, .notNull)
            .run()

        try await sql.create(table: "capability_assessments")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("framework_version", type: .text, .notNull)
            .column("agency_id", type: .text)
            .column("agency_name", type: .text)
            .column("areas", type: .text, .notNull)
            .column("conducted_on", type: .text, .notNull)
            .column("validates", type: .text)
            .column("baseline_id", type: .text)
            .column("register_assessment_id", type: .text)
            .column("version", type: .int, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "capability_answers")
            .column("assessment_id", type: .text, .notNull, .references("capability_assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("area", type: .text, .notNull)
            .column("criterion", type: .text, .notNull)
            .column("answer", type: .text, .notNull)
            .column("confidence", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("evidence_ids", type: .text, .notNull)
            .column("answered_by", type: .text, .notNull)
            .column("answered_at", type: .bigint, .notNull)
            .primaryKey("assessment_id", "area", "criterion")
            .run()
        try await sql.create(table: "capability_evidence")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("assessment_id", type: .text, .notNull, .references("capability_assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            // The order of addition within the assessment, so items added in the same millisecond keep their order.
            .column("position", type: .int, .notNull)
            .column("summary", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .column("reliability", type: .text, .notNull)
            .column("credibility", type: .int, .notNull)
            .column("observed_on", type: .text)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "capability_targets")
            .column("assessment_id", type: .text, .notNull, .references("capability_assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("area", type: .text, .notNull)
            .column("enabler", type: .text, .notNull)
            .column("stage", type: .int, .notNull)
            .column("source", type: .text, .notNull)
            .column("cost", type: .text, .notNull)
            .column("prerequisites", type: .text, .notNull)
            .column("readiness", type: .text, .notNull)
            .column("set_by", type: .text, .notNull)
            .column("set_at", type: .bigint, .notNull)
            .primaryKey("assessment_id", "area", "enabler")
            .run()

        try await sql.create(table: "roadmap_items")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("state_id", type: .text, .notNull, .references("partner_states", "id"))
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("area", type: .text)
            .column("enabler", type: .text)
            .column("to_stage", type: .int)
            .column("technology", type: .text)
            .column("horizon", type: .text, .notNull)
            .column("start_on", type: .text)
            .column("end_on", type: .text)
            .column("owner_agency_id", type: .text)
            .column("cost_low", type: .double)
            .column("cost_high", type: .double)
            .column("currency", type: .text)
            .column("funding", type: .text)
            .column("status", type: .text, .notNull)
            .column("readiness", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("created_by", type: .text, .notNull)
            .column("updated_by", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "roadmap_prerequisites")
            .column("state_id", type: .text, .notNull)
            .column("item_id", type: .text, .notNull, .references("roadmap_items", "id", onDelete: .cascade))
            .column("prerequisite_id", type: .text, .notNull, .references("roadmap_items", "id", onDelete: .cascade))
            // The order the item lists them in.
            .column("position", type: .int, .notNull)
            .primaryKey("item_id", "prerequisite_id")
            .run()
        try await sql.create(table: "roadmap_milestones")
            .column("state_id", type: .text, .notNull)
            .column("item_id", type: .text, .notNull, .references("roadmap_items", "id", onDelete: .cascade))
            .column("position", type: .int, .notNull)
            .column("title", type: .text, .notNull)
            .column("due_on", type: .text, .notNull)
            .column("done", type: .boolean, .notNull)
            .primaryKey("item_id", "position")
            .run()
        try await sql.create(table: "roadmap_reviews")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("item_id", type: .text, .notNull, .references("roadmap_items", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("reasoning", type: .text, .notNull)
            .column("gender_marker", type: .int)
            .column("reviewer_id", type: .text, .notNull)
            .column("reviewer_label", type: .text, .notNull)
            .column("item_version", type: .int, .notNull)
            .column("reviewed_at", type: .bigint, .notNull)
            // The order of recording among the item's answers, so answers given in the same millisecond keep their order.
            .column("seq", type: .int, .notNull)
            .run()

        // Every query names the state first, then the parent (or the order of the state-wide list).
        for (table, columns) in [
            ("capability_assessments", ["state_id", "created_at"]), ("capability_answers", ["state_id", "assessment_id"]),
            ("capability_evidence", ["state_id", "assessment_id", "position"]), ("capability_targets", ["state_id", "assessment_id"]),
            ("roadmap_items", ["state_id", "created_at"]), ("roadmap_prerequisites", ["state_id", "item_id"]),
            ("roadmap_milestones", ["state_id", "item_id"]), ("roadmap_reviews", ["state_id", "item_id", "reviewed_at", "seq"]),
        ] {
            var index = sql.create(index: "\(table)_state").on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
        // The cascade from an item to the prerequisite rows that name it.
        try await sql.create(index: "roadmap_prerequisites_prerequisite").on("roadmap_prerequisites").column("prerequisite_id").run()

        try await CapabilityStore.insert(CapabilityFramework.ctTechDefault, current: true, publishedAt: epochMilliseconds(), on: sql)
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in Self.tables { try await sql.drop(table: table).run() }
    }
}
