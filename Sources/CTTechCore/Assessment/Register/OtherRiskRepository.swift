/// Step 4: the other national risks ranked with the scenarios.
public protocol OtherRiskRepository: Sendable {
    /// The assessment's other risks in the order they were added.
    func otherRisks(_ scope: TenantScope, assessmentID: String) async throws -> [OtherRisk]
    /// Adds a risk, with its audit entry.
    func addOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws
    /// Corrects a risk's description or estimates. ``StoreConflict/missing`` when it is not there.
    func updateOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws
}
