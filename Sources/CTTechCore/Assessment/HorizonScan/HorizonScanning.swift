/// Step 2: the horizon scan of new technologies.
public struct HorizonScanning: Sendable {
    let scan: any HorizonScanRepository
    let reference: any ReferenceDataRepository

    public init(scan: any HorizonScanRepository, reference: any ReferenceDataRepository) {
        self.scan = scan
        self.reference = reference
    }

    /// Records or replaces one technology's line; the technology must be one of the assessment's method version.
    public func record(
        _ draft: HorizonScanDraft, in assessment: Assessment, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> HorizonScanEntry
    {
        guard let method = try await reference.method(id: assessment.methodVersion) else { throw StoreConflict.missing }
        let entry = try draft.validated(against: method)
        try await scan.setScanEntry(
            entry, assessmentID: assessment.id, scope: scope,
            audit: AuditEvent(
                .scanSet, by: actor, entity: assessment.id, state: scope.stateID,
                ["technology": entry.technology, "stage": entry.stage.rawValue, "trend": entry.trend.rawValue]))
        return entry
    }
}
