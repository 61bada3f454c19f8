/// Writes a whole checked import in one transaction.
public protocol AssessmentImportRepository: Sendable {
    /// Writes every record of `plan` and one audit entry, or nothing. The plan's policy responses go to the scope's state
    /// with their answers, overrides, indicators and actuals; more responses than ``PolicyLimits/responses`` in the state
    /// is ``StoreConflict/duplicate(field:)`` of `responses`.
    func importAssessment(_ plan: AssessmentImport.Plan, scope: TenantScope, audit: AuditEvent) async throws
    /// The active accounts holding a role that carries `permission` for the scope's state, id by lower-cased e-mail (a file
    /// names reviewers and focal points by e-mail).
    func people(_ scope: TenantScope, holding permission: Permission) async throws -> [String: String]
}
