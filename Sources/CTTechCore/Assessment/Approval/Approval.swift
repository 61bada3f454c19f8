/// Moving an assessment draft → in review → approved (or back), freezing a snapshot of everything it holds on approval.
public struct Approval: Sendable {
    /// Everything a snapshot is read from.
    public struct Sources: Sendable {
        let assessments: any AssessmentRepository
        let approval: any ApprovalRepository
        let institutions: any InstitutionsRepository
        let scan: any HorizonScanRepository
        let scoring: any ScoringRepository
        let evidence: any EvidenceRepository
        let risks: any OtherRiskRepository

        public init(
            assessments: any AssessmentRepository, approval: any ApprovalRepository, institutions: any InstitutionsRepository,
            scan: any HorizonScanRepository, scoring: any ScoringRepository, evidence: any EvidenceRepository, risks: any OtherRiskRepository
        ) {
            self.assessments = assessments
            self.approval = approval
            self.institutions = institutions
            self.scan = scan
            self.scoring = scoring
            self.evidence = evidence
            self.risks = risks
        }
    }

    let sources: Sources
    /// The register as it stands (the server passes its cached one; computed afresh otherwise).
    let register: @Sendable (Assessment, TenantScope) async throws -> RegisterDocument

    public init(sources: Sources, register: @escaping @Sendable (Assessment, TenantScope) async throws -> RegisterDocument) {
        self.sources = sources
        self.register = register
    }

    /// Moves the status. Only a focal point approves; approving stores a snapshot read at one revision, refused if
    /// anything changed while it was read.
    public func changeStatus(_ assessment: Assessment, to target: Assessment.Status, by caller: Identity, scope: TenantScope) async throws {
        let approving = target == .approved
        if approving && !Authorizer.allows(caller, state: scope.stateID, .approveAssessment) {
            throw AccessDenied.forbidden("errors.access.focal-point-approves")
        }
        // A refused move is refused before the snapshot is read; the store checks again inside its transaction.
        guard let current = try await sources.assessments.find(scope, id: assessment.id) else { throw StoreConflict.missing }
        try AssessmentRuleViolation.checkStatus(from: current.status, to: target)
        var snapshot: (SnapshotContent, Int64)?
        if approving {
            let revision = try await sources.assessments.revision(scope, assessmentID: assessment.id) ?? 0
            snapshot = (try await content(of: current, scope: scope), revision)
        }
        try await sources.approval.changeStatus(
            scope, assessmentID: assessment.id, to: target, snapshot: snapshot,
            audit: AuditEvent(approving ? .assessmentApprove : .assessmentStatus, by: caller.actor, entity: assessment.id, state: scope.stateID))
    }

    /// Everything the assessment holds, as it would be frozen now.
    func content(of assessment: Assessment, scope: TenantScope) async throws -> SnapshotContent {
        let id = assessment.id
        var frozen = assessment
        frozen.status = .approved
        return SnapshotContent(
            assessment: frozen, agencies: try await sources.institutions.agencies(scope, assessmentID: id),
            raci: try await sources.institutions.raci(scope, assessmentID: id),
            horizonScan: try await sources.scan.horizonScan(scope, assessmentID: id),
            scenarios: try await sources.scoring.scenarios(scope, assessmentID: id),
            evidence: try await sources.evidence.evidence(scope, assessmentID: id, about: nil),
            otherRisks: try await sources.risks.otherRisks(scope, assessmentID: id), register: try await register(assessment, scope))
    }
}
