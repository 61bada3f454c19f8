/// Opening assessments and removing mistakes from them.
public struct Assessments: Sendable {
    let assessments: any AssessmentRepository
    let reference: any ReferenceDataRepository

    public init(assessments: any AssessmentRepository, reference: any ReferenceDataRepository) {
        self.assessments = assessments
        self.reference = reference
    }

    /// Opens an assessment on the current method version, with round 1 open for scoring.
    public func create(_ draft: AssessmentDraft, by actor: AuditActor, scope: TenantScope) async throws -> Assessment {
        let clean = try draft.validated()
        guard let method = try await reference.method() else { throw StoreConflict.missing }
        let assessment = Assessment(
            id: Identifier.make(), stateID: scope.stateID, title: clean.title, period: clean.period, horizonYears: clean.horizonYears,
            methodVersion: method.id, tlp: clean.tlp, status: .draft, version: 1)
        try await assessments.create(
            assessment, scope: scope,
            audit: AuditEvent(.assessmentCreate, by: actor, entity: assessment.id, state: scope.stateID, ["title": clean.title]))
        return assessment
    }

    /// Removes one agency, evidence item, other risk or unscored scenario of an assessment that is not approved.
    public func remove(_ kind: RemovableRecord, id: String, from assessment: Assessment, by actor: AuditActor, scope: TenantScope) async throws {
        guard Identifier.isValid(id) else { throw StoreConflict.missing }
        try await assessments.remove(
            kind, id: id, assessmentID: assessment.id, scope: scope, audit: AuditEvent(kind.auditAction, by: actor, entity: id, state: scope.stateID))
    }
}
