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
    /// Designs responses (steps 5–6) and may approve them.
    let policyMaker: Identity
    /// Answers the human-rights and gender checks.
    let reviewer: Identity

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
        policyMaker = repositories.seedAccount(email: "policy@valdoria.example", displayName: "Policy Maker", roles: [(.policyMaker, state.id)])
        reviewer = repositories.seedAccount(email: "reviewer@valdoria.example", displayName: "Reviewer", roles: [(.reviewer, state.id)])
    }

    // MARK: Scopes

    func scope(_ identity: Identity, _ permission: Permission) -> TenantScope {
        SystemAuthority.tenant(state.id, actorID: identity.userID, permission: permission)
    }

    /// The scope the authorisation layer grants `identity` for `permission` in this state (refused without the role).
    func granted(_ identity: Identity, _ permission: Permission) throws -> TenantScope {
        try Authorizer.scope(identity, state: state.id, for: permission)
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
    /// The register with the residual risk of the state's approved responses, as the application computes it.
    var register: RegisterComputation {
        RegisterComputation(scoring: repositories, risks: repositories, reference: repositories, policy: repositories)
    }
    var importing: AssessmentImporting {
        AssessmentImporting(importer: repositories, reference: repositories, accounts: repositories, frameworks: repositories)
    }
    var stateAdministration: StateAdministration { StateAdministration(states: repositories) }
    var accountAdministration: AccountAdministration {
        AccountAdministration(accounts: repositories, passwords: PasswordHashing(hash: { "hashed:" + $0 }))
    }

    var policyDesign: PolicyDesign { PolicyDesign(policy: repositories, reference: repositories) }
    var reviewing: ResponseReviewing { ResponseReviewing(policy: repositories, reference: repositories) }
    var measurement: EffectMeasurement { EffectMeasurement(policy: repositories) }

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

    // MARK: Policy responses (steps 5–6)

    /// An assessment with one scenario scored by both assessors with ``ScoreDraft/mock`` in round 1, revealed.
    func revealedAssessment() async throws -> (assessment: Assessment, scenario: ThreatScenario) {
        let assessment = try await openAssessment()
        let scenario = try await writeScenario(in: assessment)
        try await score(scenario, as: assessor)
        try await score(scenario, as: secondAssessor)
        try await moveRound(of: assessment, to: .closed)
        try await moveRound(of: assessment, to: .revealed)
        return (assessment, scenario)
    }

    /// A response addressing `targets`, added by the policy maker.
    func addResponse(
        addressing targets: [String], status: ResponseStatus = .idea, _ draft: PolicyResponseDraft? = nil
    ) async throws -> PolicyResponse {
        try await policyDesign.add(
            draft ?? .mock(addressing: targets), status: status, by: policyMaker.actor, scope: scope(policyMaker, .writeResponse))
    }

    /// Moves a response along as the policy maker (approval with the approving scope).
    @discardableResult
    func move(_ response: PolicyResponse, to target: ResponseStatus) async throws -> PolicyResponse {
        let permission: Permission = target == .approved ? .approveResponse : .writeResponse
        let current = try await stored(response)
        return try await policyDesign.move(
            current, to: target, expectedVersion: current.version, by: policyMaker.actor, scope: scope(policyMaker, permission))
    }

    /// The reviewer answers `codes` of one review with `status` for the response's current version.
    @discardableResult
    func review(
        _ response: PolicyResponse, _ kind: ReviewKind, _ codes: [String], _ status: CheckStatus = .met, as identity: Identity? = nil
    ) async throws -> [CheckReview] {
        let current = try await stored(response)
        let who = identity ?? reviewer
        return try await reviewing.review(
            current, kind: kind, draft: .answering(codes, status, version: current.version), by: who.actor, scope: scope(who, .reviewResponse))
    }

    /// The reviewer answers every mandatory check of the default method Met, for the current version (but those in
    /// `except`).
    func passMandatoryChecks(of response: PolicyResponse, except: Set<String> = []) async throws {
        let mandatory = MethodVersion.ctTechDefault.mandatoryChecks.subtracting(except)
        for kind in ReviewKind.allCases {
            let codes = MethodVersion.ctTechDefault.items(kind.checks).map(\.code).filter(mandatory.contains)
            if !codes.isEmpty { try await review(response, kind, codes) }
        }
    }

    /// Waits until the clock's millisecond has moved on: answers are ordered by the time they were given, so an answer
    /// that replaces another in a test must be given in a later millisecond.
    func nextMillisecond() async throws {
        try await Task.sleep(for: .milliseconds(3))
    }

    /// A response taken to approval: drafted, under review, the mandatory checks Met, approved.
    func approvedResponse(addressing targets: [String]) async throws -> PolicyResponse {
        let response = try await addResponse(addressing: targets, status: .drafted)
        try await move(response, to: .underReview)
        try await passMandatoryChecks(of: response)
        return try await move(response, to: .approved)
    }

    /// The response as the repositories hold it now.
    func stored(_ response: PolicyResponse) async throws -> PolicyResponse {
        guard let found = try await repositories.response(scope(focalPoint, .viewResponses), id: response.id) else { throw StoreConflict.missing }
        return found
    }
}

// MARK: Capability and roadmap (steps 7–8)

extension StateWorkspace {
    var capabilityAssessing: CapabilityAssessing { CapabilityAssessing(capability: repositories, frameworks: repositories) }
    var developmentPlanning: DevelopmentPlanning {
        DevelopmentPlanning(capability: repositories, frameworks: repositories, reference: repositories)
    }

    /// A self-assessment of `areas` opened by the assessor.
    func openCapability(areas: [String] = ["F03", "F07"]) async throws -> CapabilityAssessment {
        try await capabilityAssessing.open(
            .mock(areas: areas), kind: .selfAssessed, agencies: [], threatAssessments: [], by: assessor.actor,
            scope: scope(assessor, .writeCapability))
    }

    /// The assessor answers one area (criterion code → answer) at the assessment's stored version.
    @discardableResult
    func answer(
        _ answers: [String: CriterionAnswer], area: String, of assessment: CapabilityAssessment, evidence: [String: [String]] = [:]
    ) async throws -> CapabilityAssessment {
        let current = try await stored(assessment)
        return try await capabilityAssessing.answer(
            .answering(answers, version: current.version, evidence: evidence), area: area, of: current, by: assessor.actor,
            scope: scope(assessor, .writeCapability))
    }

    /// Every criterion of `area` × `enabler` at stages 1…`stage` answered Fully (and nothing else in the area).
    @discardableResult
    func reach(_ stage: Int, area: String, enabler: String, of assessment: CapabilityAssessment) async throws -> CapabilityAssessment {
        var answers: [String: CriterionAnswer] = [:]
        for s in 1...stage {
            for criterion in CapabilityFramework.ctTechDefault.criteria(area: area, enabler: enabler, stage: s) { answers[criterion.code] = .fully }
        }
        return try await answer(answers, area: area, of: assessment)
    }

    /// The capability assessment as the repositories hold it now.
    func stored(_ assessment: CapabilityAssessment) async throws -> CapabilityAssessment {
        guard let found = try await repositories.capabilityAssessment(scope(focalPoint, .viewCapability), id: assessment.id) else {
            throw StoreConflict.missing
        }
        return found
    }

    /// A roadmap item added by the policy maker.
    func addItem(_ draft: RoadmapItemDraft) async throws -> RoadmapItem {
        try await developmentPlanning.add(draft, agencies: [], by: policyMaker.actor, scope: scope(policyMaker, .planDevelopment))
    }

    /// The roadmap item as the repositories hold it now.
    func stored(_ item: RoadmapItem) async throws -> RoadmapItem {
        guard let found = try await repositories.roadmapItem(scope(focalPoint, .viewCapability), id: item.id) else { throw StoreConflict.missing }
        return found
    }

    /// Moves an item at its stored version: as the policy maker, or to approval as the focal point with the approving scope.
    @discardableResult
    func move(_ item: RoadmapItem, to target: RoadmapItem.Status) async throws -> RoadmapItem {
        let current = try await stored(item)
        let who = target == .approved ? focalPoint : policyMaker
        return try await developmentPlanning.move(
            current, to: target, expectedVersion: current.version, by: who.actor,
            scope: scope(who, target == .approved ? .approveRoadmap : .planDevelopment))
    }

    /// The reviewer (or `identity`) answers `codes` of one checklist of the item's stored version.
    @discardableResult
    func review(
        _ item: RoadmapItem, _ kind: ReviewKind, _ codes: [String], _ status: CheckStatus = .met, as identity: Identity? = nil
    ) async throws -> [CheckReview] {
        let current = try await stored(item)
        let who = identity ?? reviewer
        return try await developmentPlanning.review(
            current, kind: kind, draft: .answering(codes, status, version: current.version), by: who.actor, scope: scope(who, .reviewRoadmap))
    }
}
