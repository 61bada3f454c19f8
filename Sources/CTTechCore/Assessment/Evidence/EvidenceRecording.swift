/// Graded evidence about a scenario or a technology of the scan.
public struct EvidenceRecording: Sendable {
    let evidence: any EvidenceRepository
    let scoring: any ScoringRepository
    let reference: any ReferenceDataRepository

    public init(evidence: any EvidenceRepository, scoring: any ScoringRepository, reference: any ReferenceDataRepository) {
        self.evidence = evidence
        self.scoring = scoring
        self.reference = reference
    }

    /// What an item may be about, before it is checked against the assessment.
    public enum Subject: Sendable, Hashable {
        case scenario(String)
        case technology(String)
    }

    /// Adds an item about a scenario of this assessment or a technology of its method; a subject that is neither is
    /// reported on `field`.
    public func add(
        _ draft: EvidenceDraft, about subject: Subject, in assessment: Assessment, field: String, by actor: AuditActor, scope: TenantScope
    ) async throws -> EvidenceItem {
        let checked: EvidenceSubject
        switch subject {
        case .scenario(let id):
            guard Identifier.isValid(id), try await scoring.scenario(scope, assessmentID: assessment.id, id: id) != nil else {
                throw ValidationFailure(field: field, "validation.not-an-assessment-scenario")
            }
            checked = .scenario(id)
        case .technology(let code):
            guard let method = try await reference.method(id: assessment.methodVersion),
                method.items(.technologies).contains(where: { $0.code == code })
            else { throw ValidationFailure(field: field, "validation.method-technology") }
            checked = .technology(code)
        }
        let item = try draft.validated(id: Identifier.make(), subject: checked)
        try await evidence.addEvidence(
            item, assessmentID: assessment.id, scope: scope,
            audit: AuditEvent(
                .evidenceCreate, by: actor, entity: item.id, state: scope.stateID,
                ["subject": "\(item.subject.kind) \(item.subject.reference)", "grading": item.grading]))
        return item
    }
}
