import CTTechCore
import Foundation
import SQLKit

/// Status moves and the snapshots frozen on approval (``ApprovalRepository``).
public struct ApprovalStore: ApprovalRepository, AssessmentTables {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct SnapshotRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var number: Int
        var approvedBy: String
        var approvedAt: Int64
        var sha256: String
        var content: String
    }

    // MARK: Status and snapshots

    /// Moves the assessment draft → in review → approved (or back to draft). Approving stores `snapshot` — built by the
    /// caller from the assessment at `revision` — and is refused if anything changed since that revision.
    public func changeStatus(
        _ scope: TenantScope, assessmentID: String, to target: Assessment.Status, snapshot: (content: SnapshotContent, revision: Int64)?,
        audit: AuditEvent
    ) async throws {
        let kind = persistence.kind
        let encoded = try snapshot.map { try JSONEncoder.sorted.encode($0.content) }
        try await persistence.write { tx in
            struct Row: Codable {
                var status: String
                var revision: Int64
            }
            guard
                let row = try await tx.select().column("status").column("revision").from("assessments").where("id", .equal, SQLBind(assessmentID))
                    .where("state_id", .equal, SQLBind(scope.stateID)).first(decoding: Row.self)
            else { throw StoreConflict.missing }
            let current = Assessment.Status(rawValue: row.status) ?? .draft
            try AssessmentRuleViolation.checkStatus(from: current, to: target)
            var event = audit
            if target == .approved {
                guard let snapshot, let encoded, snapshot.revision == row.revision else { throw AssessmentRuleViolation.changedDuringApproval }
                struct Count: Codable { var n: Int }
                let number =
                    (try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("assessment_snapshots")
                        .where("assessment_id", .equal, SQLBind(assessmentID)).first(decoding: Count.self)?.n ?? 0) + 1
                let text = String(decoding: encoded, as: UTF8.self)
                let id = Identifier.make()
                try await tx.insert(into: "assessment_snapshots")
                    .model(
                        SnapshotRow(
                            id: id, assessmentId: assessmentID, stateId: scope.stateID, number: number, approvedBy: scope.userID,
                            approvedAt: epochMilliseconds(), sha256: Identifier.sha256Hex(text), content: text),
                        keyEncodingStrategy: .convertToSnakeCase
                    ).run()
                event.details["snapshot"] = "\(number)"
                event.details["sha256"] = Identifier.sha256Hex(text)
            }
            try await tx.update("assessments").set("status", to: SQLBind(target.rawValue)).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
                .where("id", .equal, SQLBind(assessmentID)).run()
            try await AssessmentWrites.bumpRevision(assessmentID, on: tx)
            event.details["status"] = "\(current.rawValue) → \(target.rawValue)"
            try await AuditLogStore.append(event, on: tx, kind: kind)
        }
    }

    /// The assessment's snapshots, oldest first. A snapshot whose content no longer matches its hash is not returned.
    public func snapshots(_ scope: TenantScope, assessmentID: String) async throws -> [AssessmentSnapshot] {
        try await rows("assessment_snapshots", scope, assessmentID, order: "number", as: SnapshotRow.self).compactMap(Self.snapshot)
    }

    /// The numbers of the assessment's snapshots, oldest first, without reading their content (for lists and links).
    public func snapshotNumbers(_ scope: TenantScope, assessmentID: String) async throws -> [Int] {
        struct Row: Codable { var number: Int }
        return try await persistence.sql.select().column("number").from("assessment_snapshots").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy("number").all(decoding: Row.self).map(\.number)
    }

    public func snapshot(_ scope: TenantScope, assessmentID: String, number: Int) async throws -> AssessmentSnapshot? {
        try await persistence.sql.select().column("*").from("assessment_snapshots").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("number", .equal, SQLBind(number))
            .first(decoding: SnapshotRow.self, keyDecodingStrategy: .convertFromSnakeCase).flatMap(Self.snapshot)
    }

    static func snapshot(_ row: SnapshotRow) -> AssessmentSnapshot? {
        guard Identifier.sha256Hex(row.content) == row.sha256,
            let content = try? JSONDecoder().decode(SnapshotContent.self, from: Data(row.content.utf8))
        else { return nil }
        return AssessmentSnapshot(
            id: row.id, assessmentID: row.assessmentId, number: row.number, approvedBy: row.approvedBy, approvedAt: row.approvedAt,
            sha256: row.sha256, content: content)
    }
}
