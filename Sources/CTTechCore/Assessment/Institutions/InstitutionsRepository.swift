/// Step 1: the agencies of an assessment and their RACI matrix.
public protocol InstitutionsRepository: Sendable {
    /// The assessment's agencies in the order they were added.
    func agencies(_ scope: TenantScope, assessmentID: String) async throws -> [Agency]
    /// Adds an agency, with its audit entry.
    func addAgency(_ agency: Agency, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws
    /// Corrects an agency's name, type or mandate; its RACI roles stay. ``StoreConflict/missing`` when it is not there.
    func updateAgency(_ agency: Agency, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws
    /// The RACI matrix, by activity.
    func raci(_ scope: TenantScope, assessmentID: String) async throws -> [RaciAssignment]
    /// Replaces the whole RACI matrix after checking it with ``RaciMatrix/check(_:agencies:)`` against the agencies.
    func setRaci(_ assignments: [RaciAssignment], assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws
}
