import CTTechCore

extension InMemoryRepositories: HorizonScanRepository {
    /// By technology code, like the SQL store.
    public func horizonScan(_ scope: TenantScope, assessmentID: String) async throws -> [HorizonScanEntry] {
        read { ($0.assessment(scope, assessmentID)?.horizonScan ?? []).sorted { $0.technology < $1.technology } }
    }

    public func setScanEntry(_ entry: HorizonScanEntry, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try change(scope, assessmentID: assessmentID, audit: audit) { stored in
            stored.horizonScan.removeAll { $0.technology == entry.technology }
            stored.horizonScan.append(entry)
        }
    }
}
