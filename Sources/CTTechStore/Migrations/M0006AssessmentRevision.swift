import FluentKit
import SQLKit

/// A revision counter per assessment, bumped in the same transaction as every change to its scenarios, rounds or
/// scores, so that derived results (the register) can be cached by (assessment, revision) without reading the inputs.
struct M0006AssessmentRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sqlDatabase.alter(table: "assessments").column("revision", type: .bigint, .notNull, .default(0)).run()
    }

    func revert(on database: any Database) async throws {
        try await database.sqlDatabase.alter(table: "assessments").dropColumn("revision").run()
    }
}
