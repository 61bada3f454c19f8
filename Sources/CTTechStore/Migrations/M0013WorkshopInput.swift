import CTTechCore
import FluentKit
import SQLKit

/// Issue 12: a workshop's scores and rankings added to an assessment's round (``WorkshopInput``), kept apart from
/// account holders' scores: `workshop_scores` has the columns of `scenario_scores` but an assessor id that names no
/// account (`workshop:<code>-<n>`), and the source it came from; `workshop_rankings` one participant's ranking of the
/// scenarios per round; `workshop_sources` what each source added to each round, and when.
struct M0013WorkshopInput: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { tx in try await Self.apply(on: tx) }
    }

    static func apply(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.create(table: "workshop_scores")
            .column("scenario_id", type: .text, .notNull, .references("scenarios", "id", onDelete: .cascade))
            .column("assessment_id", type: .text, .notNull)
            .column("state_id", type: .text, .notNull)
            .column("round", type: .int, .notNull)
            .column("assessor_id", type: .text, .notNull)
            .column("intent", type: .int, .notNull)
            .column("actor_capability", type: .int, .notNull)
            .column("technology_accessibility", type: .int, .notNull)
            .column("opportunity", type: .int, .notNull)
            .column("likelihood_low", type: .double, .notNull)
            .column("likelihood_best", type: .double, .notNull)
            .column("likelihood_high", type: .double, .notNull)
            .column("impact", type: .text, .notNull)
            .column("confidence", type: .text, .notNull)
            .column("rationale", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("source", type: .text, .notNull)
            .primaryKey("scenario_id", "round", "assessor_id")
            .run()
        try await sql.create(index: "workshop_scores_assessment").on("workshop_scores").column("assessment_id").column("round").run()
        try await sql.create(table: "workshop_rankings")
            .column("assessment_id", type: .text, .notNull, .references("assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("round", type: .int, .notNull)
            .column("ranker", type: .text, .notNull)
            // Scenario id → rank, as a JSON object.
            .column("ranks", type: .text, .notNull)
            .column("top_k", type: .int, .notNull)
            .column("source", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .primaryKey("assessment_id", "round", "ranker")
            .run()
        try await sql.create(table: "workshop_sources")
            .column("assessment_id", type: .text, .notNull, .references("assessments", "id", onDelete: .cascade))
            .column("state_id", type: .text, .notNull)
            .column("round", type: .int, .notNull)
            .column("source", type: .text, .notNull)
            .column("label", type: .text, .notNull)
            .column("added_at", type: .bigint, .notNull)
            .primaryKey("assessment_id", "round", "source")
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        for table in ["workshop_sources", "workshop_rankings", "workshop_scores"] { try await sql.drop(table: table).run() }
    }
}
