/// Writes a whole checked import in one transaction.
public protocol AssessmentImportRepository: Sendable {
    /// Writes every record of `plan` and one audit entry, or nothing.
    func importAssessment(_ plan: AssessmentImport.Plan, scope: TenantScope, audit: AuditEvent) async throws
}
