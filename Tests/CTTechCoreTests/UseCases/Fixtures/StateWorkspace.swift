import CTTechCore
import CTTechDoubles

/// One partner state's workspace over in-memory repositories, with the people a use-case test needs and the use cases
/// wired to the repositories: what every use-case test starts from.
struct StateWorkspace {
    let repositories = InMemoryRepositories()
    let state: PartnerState
    let focalPoint: Identity
    let assessor: Identity
    let secondAssessor: Identity
    let facilitator: Identity
    let administrator: Identity

    init() {
        repositories.seedDefaultMethod()
        state = repositories.seedPartnerState(code: "VLD", name: "Valdoria", region: .southernEurope)
        focalPoint = repositories.seedAccount(email: "focal@valdoria.example", displayName: "Focal Point", roles: [(.focalPoint, state.id)])
        assessor = repositories.seedAccount(email: "assessor@valdoria.example", displayName: "First Assessor", roles: [(.assessor, state.id)])
        secondAssessor = repositories.seedAccount(
            email: "analyst2@valdoria.example", displayName: "Second Assessor", roles: [(.assessor, state.id)])
        facilitator = repositories.seedAccount(
            email: "facilitator@valdoria.example", displayName: "Facilitator", roles: [(.facilitator, state.id)])
        administrator = repositories.seedAccount(email: "admin@cttech.example", displayName: "Administrator", roles: [(.administrator, nil)])
    }

    // MARK: Scopes

    func scope(_ identity: Identity, _ permission: Permission) -> TenantScope {
        SystemAuthority.tenant(state.id, actorID: identity.userID, permission: permission)
    }

    var managing: TenantScope { scope(focalPoint, .manageAssessment) }
    var administering: AdministratorScope { SystemAuthority.administrator(actorID: administrator.userID) }

    // MARK: Use cases

    var assessments: Assessments { Assessments(assessments: repositories, reference: repositories) }
    var scoring: Scoring { Scoring(scoring: repositories, reference: repositories) }
    var institutions: InstitutionalMapping { InstitutionalMapping(institutions: repositories) }
    var scanning: HorizonScanning { HorizonScanning(scan: repositories, reference: repositories) }
    var evidence: EvidenceRecording { EvidenceRecording(evidence: repositories, scoring: repositories, reference: repositories) }
    var otherRisks: OtherRiskRecording { OtherRiskRecording(risks: repositories) }
    var register: RegisterComputation { RegisterComputation(scoring: repositories, risks: repositories, reference: repositories) }
    var importing: AssessmentImporting { AssessmentImporting(importer: repositories, reference: repositories, accounts: repositories) }
    var stateAdministration: StateAdministration { StateAdministration(states: repositories) }
    var accountAdministration: AccountAdministration {
        AccountAdministration(accounts: repositories, passwords: PasswordHashing(hash: { "hashed:" + $0 }))
    }

    var ownAccount: OwnAccount { OwnAccount(accounts: repositories, passwords: PasswordHashing(hash: { "hashed:" + $0 })) }

    var approvalSources: Approval.Sources {
        Approval.Sources(
            assessments: repositories, approval: repositories, institutions: repositories, scan: repositories, scoring: repositories,
            evidence: repositories, risks: repositories)
    }

    /// Approval with the register computed afresh.
    var approval: Approval {
        let register = self.register
        return Approval(sources: approvalSources) { assessment, scope in try await register.compute(assessment, scope: scope) }
    }

    // MARK: Steps a test takes to reach its starting point

    /// A draft assessment opened by the focal point, with round 1 open.
    func openAssessment(title: String = "Valdoria 2026 assessment") async throws -> Assessment {
        var draft = AssessmentDraft.mock
        draft.title = title
        return try await assessments.create(draft, by: focalPoint.actor, scope: managing)
    }

    /// A scenario written by the focal point.
    func writeScenario(in assessment: Assessment, title: String = "Drone attack on a festival crowd") async throws -> ThreatScenario {
        var draft = ScenarioDraft.mock
        draft.title = title
        return try await scoring.addScenario(draft, to: assessment, by: focalPoint.actor, scope: scope(focalPoint, .writeScenario))
    }

    /// A score of `identity` for the scenario in the current round.
    @discardableResult
    func score(_ scenario: ThreatScenario, as identity: Identity, _ draft: ScoreDraft = .mock) async throws -> ScenarioScore {
        try await scoring.submit(draft, for: scenario, by: identity.actor, scope: scope(identity, .scoreScenario))
    }

    /// The facilitator moves the current round on.
    @discardableResult
    func moveRound(of assessment: Assessment, to target: ScoringRound.Status) async throws -> ScoringRound {
        try await scoring.advanceRound(assessment, to: target, by: facilitator.actor, scope: scope(facilitator, .manageAssessment))
    }

    /// Moves the assessment's status as the focal point.
    func changeStatus(of assessment: Assessment, to target: Assessment.Status) async throws {
        try await approval.changeStatus(assessment, to: target, by: focalPoint, scope: scope(focalPoint, .approveAssessment))
    }

    /// Sends a draft to review and approves it; returns it as stored now.
    func approve(_ assessment: Assessment) async throws -> Assessment {
        try await changeStatus(of: assessment, to: .inReview)
        try await changeStatus(of: assessment, to: .approved)
        return try await stored(assessment)
    }

    /// The assessment as the repositories hold it now.
    func stored(_ assessment: Assessment) async throws -> Assessment {
        guard let found = try await repositories.find(managing, id: assessment.id) else { throw StoreConflict.missing }
        return found
    }

    /// The assessment's revision now.
    func revision(of assessment: Assessment) async throws -> Int64? {
        try await repositories.revision(managing, assessmentID: assessment.id)
    }
}
