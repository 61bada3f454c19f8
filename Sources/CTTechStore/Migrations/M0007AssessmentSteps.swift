import FluentKit
import SQLKit

/// Steps 1–2 and approval: agencies and their RACI roles, the horizon scan, graded evidence items, approved snapshots,
/// and a horizon per scenario. Every table carries `state_id`.
struct M0007AssessmentSteps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "agencies")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("assessment_id", type: .text, .notNull, .references("assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("mandate", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "agencies_assessment").on("agencies").column("assessment_id").run()
        try await sql.create(table: "raci_assignments")
            .column("assessment_id", type: .text, .notNull, .references("assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("activity", type: .text, .notNull)
            .column("agency_id", type: .text, .notNull, .references("agencies", "id", onDelete: .cascade))
            .column("role", type: .text, .notNull)
            .primaryKey("assessment_id", "activity", "agency_id")
            .run()
        try await sql.create(table: "horizon_scan")
            .column("assessment_id", type: .text, .notNull, .references("assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("technology", type: .text, .notNull)
            .column("stage", type: .text, .notNull)
            .column("trend", type: .text, .notNull)
            .column("notes", type: .text, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .primaryKey("assessment_id", "technology")
            .run()
        try await sql.create(table: "evidence_items")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("assessment_id", type: .text, .notNull, .references("assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("subject_kind", type: .text, .notNull)
            .column("subject_ref", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .column("reliability", type: .text, .notNull)
            .column("credibility", type: .int, .notNull)
            .column("observed_on", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "evidence_assessment").on("evidence_items").column("assessment_id").run()
        try await sql.create(table: "assessment_snapshots")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("assessment_id", type: .text, .notNull, .references("assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("number", type: .int, .notNull)
            .column("approved_by", type: .text, .notNull)
            .column("approved_at", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("content", type: .text, .notNull)
            .unique("assessment_id", "number")
            .run()
        try await sql.alter(table: "scenarios").column("horizon_years", type: .int, .notNull, .default(2)).run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.alter(table: "scenarios").dropColumn("horizon_years").run()
        for table in ["assessment_snapshots", "evidence_items", "horizon_scan", "raci_assignments", "agencies"] {
            try await sql.drop(table: table).run()
        }
    }
}
