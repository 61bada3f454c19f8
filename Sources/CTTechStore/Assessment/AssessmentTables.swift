import CTTechCore
import Foundation
import SQLKit

/// What every store of an assessment's aggregates shares: every query names the scope's state, and every change runs
/// in one transaction that checks the assessment is editable, bumps its revision and appends the audit entry.
protocol AssessmentTables: Sendable {
    var persistence: Persistence { get }
}

extension AssessmentTables {
    /// Runs `body` in a write transaction on an editable assessment of the scope's state, then bumps its revision and
    /// appends the audit entry, all in the same transaction.
    func change(
        _ scope: TenantScope, assessmentID: String, audit: AuditEvent, _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            try await AssessmentWrites.requireEditable(assessmentID, stateID: scope.stateID, on: tx)
            try await body(tx)
            try await AssessmentWrites.bumpRevision(assessmentID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// The rows of one table that belong to an assessment of the scope's state, bounded.
    func rows<Row: Decodable>(
        _ table: String, _ scope: TenantScope, _ assessmentID: String, order: String, as type: Row.Type
    ) async throws
        -> [Row]
    {
        try await persistence.sql.select().column("*").from(table).where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy(order).limit(5_000)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

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

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
