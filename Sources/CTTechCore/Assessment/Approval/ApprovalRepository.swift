/// The assessment's status and the snapshots frozen at each approval.
public protocol ApprovalRepository: Sendable {
    /// Moves the status (``AssessmentRuleViolation/checkStatus(from:to:)``). Approving stores `snapshot`, built from the
    /// assessment at `revision`, and is refused with ``AssessmentRuleViolation/changedDuringApproval`` if anything
    /// changed since that revision.
    func changeStatus(
        _ scope: TenantScope, assessmentID: String, to target: Assessment.Status, snapshot: (content: SnapshotContent, revision: Int64)?,
        audit: AuditEvent
    ) async throws
    /// The assessment's snapshots, oldest first; one whose content no longer matches its hash is left out.
    func snapshots(_ scope: TenantScope, assessmentID: String) async throws -> [AssessmentSnapshot]
    /// The numbers of the snapshots, oldest first, without reading their content.
    func snapshotNumbers(_ scope: TenantScope, assessmentID: String) async throws -> [Int]
    /// One snapshot, or nil (also when its content no longer matches its hash).
    func snapshot(_ scope: TenantScope, assessmentID: String, number: Int) async throws -> AssessmentSnapshot?
}
