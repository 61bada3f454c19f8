/// Step 4: the other national risks the scenarios are ranked against.
public struct OtherRiskRecording: Sendable {
    let risks: any OtherRiskRepository

    public init(risks: any OtherRiskRepository) {
        self.risks = risks
    }

    /// Adds a risk.
    public func add(_ draft: OtherRiskDraft, to assessment: Assessment, by actor: AuditActor, scope: TenantScope) async throws -> OtherRisk {
        let risk = try draft.validated(id: Identifier.make())
        try await risks.addOtherRisk(
            risk, assessmentID: assessment.id, scope: scope,
            audit: AuditEvent(.otherRiskCreate, by: actor, entity: risk.id, state: scope.stateID, ["title": risk.title]))
        return risk
    }

    /// Corrects a risk (``StoreConflict/missing`` when `id` is not one of the assessment's).
    public func correct(
        _ id: String, with draft: OtherRiskDraft, in assessment: Assessment, by actor: AuditActor, scope: TenantScope
    )
        async throws -> OtherRisk
    {
        guard Identifier.isValid(id) else { throw StoreConflict.missing }
        let risk = try draft.validated(id: id)
        try await risks.updateOtherRisk(
            risk, assessmentID: assessment.id, scope: scope,
            audit: AuditEvent(.otherRiskUpdate, by: actor, entity: risk.id, state: scope.stateID, ["title": risk.title]))
        return risk
    }
}
