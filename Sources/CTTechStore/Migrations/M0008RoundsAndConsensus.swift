import CTTechCore
import FluentKit
import SQLKit

/// Issue 8: each scoring round keeps a random salt for its "Assessor n" numbering (existing rounds get one too, so no
/// numbering can be recomputed from user ids), and each method version says how many ratings consensus needs.
struct M0008RoundsAndConsensus: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One transaction: an interrupted run leaves nothing half-done to trip over on the next start (PostgreSQL and
        // SQLite both roll back their DDL).
        try await database.transaction { tx in try await Self.apply(on: tx) }
    }

    static func apply(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.alter(table: "scoring_rounds").column("numbering_salt", type: .text, .notNull, .default("")).run()
        struct Key: Codable {
            var assessmentId: String
            var number: Int
        }
        let rounds = try await sql.select().column("assessment_id").column("number").from("scoring_rounds")
            .all(decoding: Key.self, keyDecodingStrategy: .convertFromSnakeCase)
        for round in rounds {
            try await sql.update("scoring_rounds").set("numbering_salt", to: SQLBind(ScoreVisibility.newNumberingSalt()))
                .where("assessment_id", .equal, SQLBind(round.assessmentId)).where("number", .equal, SQLBind(round.number)).run()
        }
        try await sql.alter(table: "method_versions")
            .column("consensus_minimum_ratings", type: .int, .notNull, .default(MethodVersion.defaultConsensusMinimumRatings)).run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sqlDatabase
        try await sql.alter(table: "method_versions").dropColumn("consensus_minimum_ratings").run()
        try await sql.alter(table: "scoring_rounds").dropColumn("numbering_salt").run()
    }
}
