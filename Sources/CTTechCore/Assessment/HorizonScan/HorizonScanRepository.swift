/// Step 2: one line per technology of the method.
public protocol HorizonScanRepository: Sendable {
    /// The scan, by technology code.
    func horizonScan(_ scope: TenantScope, assessmentID: String) async throws -> [HorizonScanEntry]
    /// Records or replaces one technology's line, with its audit entry.
    func setScanEntry(_ entry: HorizonScanEntry, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws
}
