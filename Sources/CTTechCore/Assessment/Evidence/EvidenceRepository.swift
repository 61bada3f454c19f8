/// Graded evidence about scenarios and technologies.
public protocol EvidenceRepository: Sendable {
    /// Adds an item; a scenario it names must belong to the same assessment (``StoreConflict/missing`` otherwise).
    func addEvidence(_ item: EvidenceItem, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws
    /// The assessment's evidence, or only that about one scenario or technology, oldest first.
    func evidence(_ scope: TenantScope, assessmentID: String, about subject: EvidenceSubject?) async throws -> [EvidenceItem]
    /// One evidence item of the assessment, or nil.
    func evidenceItem(_ scope: TenantScope, assessmentID: String, id: String) async throws -> EvidenceItem?
}
