import CTTechCore
import Foundation

extension InMemoryRepositories: ApprovalRepository {
    /// Approval is the one write an approved assessment accepts (approved → draft), so it checks the move, not
    /// ``AssessmentRuleViolation/requireEditable(_:)``.
    public func changeStatus(
        _ scope: TenantScope, assessmentID: String, to target: Assessment.Status, snapshot: (content: SnapshotContent, revision: Int64)?,
        audit: AuditEvent
    ) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = try snapshot.map { String(decoding: try encoder.encode($0.content), as: UTF8.self) }
        let approvedAt = clock()
        try transaction { state in
            guard var stored = state.assessment(scope, assessmentID) else { throw StoreConflict.missing }
            let current = stored.assessment.status
            try AssessmentRuleViolation.checkStatus(from: current, to: target)
            var event = audit
            if target == .approved {
                guard let snapshot, let text, snapshot.revision == stored.revision else { throw AssessmentRuleViolation.changedDuringApproval }
                let number = stored.snapshots.count + 1
                let hash = Identifier.sha256Hex(text)
                stored.snapshots.append(
                    StoredSnapshot(
                        id: Identifier.make(), number: number, approvedBy: scope.userID, approvedAt: approvedAt, sha256: hash, content: text))
                event.details["snapshot"] = "\(number)"
                event.details["sha256"] = hash
            }
            stored.assessment.status = target
            stored.assessment.version += 1
            stored.revision += 1
            state.assessments[assessmentID] = stored
            event.details["status"] = "\(current.rawValue) → \(target.rawValue)"
            state.audit.append(event)
        }
    }

    public func snapshots(_ scope: TenantScope, assessmentID: String) async throws -> [AssessmentSnapshot] {
        read { ($0.assessment(scope, assessmentID)?.snapshots ?? []).compactMap { $0.snapshot(assessmentID: assessmentID) } }
    }

    public func snapshotNumbers(_ scope: TenantScope, assessmentID: String) async throws -> [Int] {
        read { ($0.assessment(scope, assessmentID)?.snapshots ?? []).map(\.number) }
    }

    public func snapshot(_ scope: TenantScope, assessmentID: String, number: Int) async throws -> AssessmentSnapshot? {
        read { $0.assessment(scope, assessmentID)?.snapshots.first { $0.number == number }?.snapshot(assessmentID: assessmentID) }
    }
}
