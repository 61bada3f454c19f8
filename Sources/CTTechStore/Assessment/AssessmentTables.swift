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

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
