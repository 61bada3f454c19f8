import CTTechCore
import Foundation
import SQLKit

/// The checks every write of an assessment makes inside its transaction.
enum AssessmentWrites {
    /// The assessment exists in the state and is not approved (``AssessmentRuleViolation/requireEditable(_:)``).
    static func requireEditable(_ assessmentID: String, stateID: String, on tx: any SQLDatabase) async throws {
        struct Row: Codable { var status: String }
        guard
            let row = try await tx.select().column("status").from("assessments").where("id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(stateID)).first(decoding: Row.self)
        else { throw StoreConflict.missing }
        try AssessmentRuleViolation.requireEditable(Assessment.Status(rawValue: row.status) ?? .draft)
    }

    static func bumpRevision(_ assessmentID: String, on tx: any SQLDatabase) async throws {
        try await tx.update("assessments").set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
            .set("updated_at", to: SQLBind(epochMilliseconds())).where("id", .equal, SQLBind(assessmentID)).run()
    }

    /// The row exists in this assessment of this state.
    static func requireRow(_ table: String, id: String, assessmentID: String, stateID: String, on tx: any SQLDatabase) async throws {
        guard
            try await tx.select().column("id").from(table).where("id", .equal, SQLBind(id)).where("assessment_id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(stateID)).first() != nil
        else { throw StoreConflict.missing }
    }
}
