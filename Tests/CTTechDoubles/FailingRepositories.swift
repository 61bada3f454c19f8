import CTTechCore

/// Every repository of the domain, each method failing with ``Failure``: for tests proving that a use case passes a
/// storage failure on and writes nothing when one happens.
public struct FailingRepositories: Sendable {
    /// The storage failure every method throws.
    public struct Failure: Error, Hashable {
        /// The repository method that failed.
        public let method: String

        public init(method: String) {
            self.method = method
        }
    }

    public init() {}
}

extension FailingRepositories: AssessmentRepository {
    public func create(_ assessment: Assessment, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func list(_ scope: TenantScope) async throws -> [Assessment] { throw Failure(method: #function) }
    public func find(_ scope: TenantScope, id: String) async throws -> Assessment? { throw Failure(method: #function) }
    public func stateID(ofAssessment id: String, visible: StateVisibility) async throws -> String? { throw Failure(method: #function) }
    public func revision(_ scope: TenantScope, assessmentID: String) async throws -> Int64? { throw Failure(method: #function) }
    public func progress(_ scope: TenantScope, assessmentID: String) async throws -> AssessmentProgress { throw Failure(method: #function) }
    public func remove(_ kind: RemovableRecord, id: String, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: ScoringRepository {
    public func addScenario(_ scenario: ThreatScenario, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func scenario(_ scope: TenantScope, assessmentID: String, id: String) async throws -> ThreatScenario? {
        throw Failure(method: #function)
    }
    public func scenarios(_ scope: TenantScope, assessmentID: String) async throws -> [ThreatScenario] { throw Failure(method: #function) }
    public func currentRound(_ scope: TenantScope, assessmentID: String) async throws -> ScoringRound? { throw Failure(method: #function) }
    public func currentRounds(_ scope: TenantScope) async throws -> [String: ScoringRound] { throw Failure(method: #function) }
    public func advanceRound(
        _ scope: TenantScope, assessmentID: String, to target: ScoringRound.Status, audit: AuditEvent
    ) async throws
        -> ScoringRound
    { throw Failure(method: #function) }
    public func submitScore(_ score: ScenarioScore, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func visibleScores(_ scope: TenantScope, assessmentID: String, round: ScoringRound) async throws -> [ScoreVisibility.Shown] {
        throw Failure(method: #function)
    }
    public func submissionCounts(_ scope: TenantScope, assessmentID: String, round: Int) async throws -> [String: Int] {
        throw Failure(method: #function)
    }
    public func scoresForRegister(_ scope: TenantScope, assessmentID: String, throughRound: Int) async throws -> [ScenarioScore] {
        throw Failure(method: #function)
    }
    public func addWorkshopInput(_ input: WorkshopInput, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func workshopSources(_ scope: TenantScope, assessmentID: String) async throws -> [WorkshopSource] { throw Failure(method: #function) }
    public func workshopRankings(_ scope: TenantScope, assessmentID: String, throughRound: Int) async throws -> [WorkshopRanking] {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: InstitutionsRepository {
    public func agencies(_ scope: TenantScope, assessmentID: String) async throws -> [Agency] { throw Failure(method: #function) }
    public func addAgency(_ agency: Agency, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func updateAgency(_ agency: Agency, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func raci(_ scope: TenantScope, assessmentID: String) async throws -> [RaciAssignment] { throw Failure(method: #function) }
    public func setRaci(_ assignments: [RaciAssignment], assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: HorizonScanRepository {
    public func horizonScan(_ scope: TenantScope, assessmentID: String) async throws -> [HorizonScanEntry] { throw Failure(method: #function) }
    public func setScanEntry(_ entry: HorizonScanEntry, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: EvidenceRepository {
    public func addEvidence(_ item: EvidenceItem, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func evidence(_ scope: TenantScope, assessmentID: String, about subject: EvidenceSubject?) async throws -> [EvidenceItem] {
        throw Failure(method: #function)
    }
    public func evidenceItem(_ scope: TenantScope, assessmentID: String, id: String) async throws -> EvidenceItem? {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: OtherRiskRepository {
    public func otherRisks(_ scope: TenantScope, assessmentID: String) async throws -> [OtherRisk] { throw Failure(method: #function) }
    public func addOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func updateOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: ApprovalRepository {
    public func changeStatus(
        _ scope: TenantScope, assessmentID: String, to target: Assessment.Status, snapshot: (content: SnapshotContent, revision: Int64)?,
        audit: AuditEvent
    ) async throws { throw Failure(method: #function) }
    public func snapshots(_ scope: TenantScope, assessmentID: String) async throws -> [AssessmentSnapshot] { throw Failure(method: #function) }
    public func snapshotNumbers(_ scope: TenantScope, assessmentID: String) async throws -> [Int] { throw Failure(method: #function) }
    public func snapshot(_ scope: TenantScope, assessmentID: String, number: Int) async throws -> AssessmentSnapshot? {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: AssessmentImportRepository {
    public func importAssessment(_ plan: AssessmentImport.Plan, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func people(_ scope: TenantScope, holding permission: Permission) async throws -> [String: String] {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: ReferenceDataRepository {
    public func method(id: String?) async throws -> MethodVersion? { throw Failure(method: #function) }
}

extension FailingRepositories: AccountRepository {
    public func account(id: String) async throws -> UserAccount? { throw Failure(method: #function) }
    public func create(_ user: UserAccount, grants: [RoleGrant], by scope: AdministratorScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func update(
        id: String, email: String, displayName: String, isActive: Bool, expectedVersion: Int, by scope: AdministratorScope, audit: AuditEvent
    ) async throws -> UserAccount { throw Failure(method: #function) }
    public func grants(userID: String) async throws -> [RoleGrant] { throw Failure(method: #function) }
    public func addGrant(_ grant: RoleGrant, by scope: AdministratorScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func removeGrant(
        id: String, userID: String, by scope: AdministratorScope, audit: @escaping @Sendable (RoleGrant) -> AuditEvent
    )
        async throws -> RoleGrant
    { throw Failure(method: #function) }
    public func setPassword(userID: String, hash: String, keepingSession sessionHash: String?, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func setTOTP(userID: String, secret: String?, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func assessors(_ scope: TenantScope) async throws -> [String: String] { throw Failure(method: #function) }
}

extension FailingRepositories: PartnerStateRepository {
    public func list(visible: StateVisibility) async throws -> [PartnerState] { throw Failure(method: #function) }
    public func find(_ scope: TenantScope) async throws -> PartnerState? { throw Failure(method: #function) }
    public func create(_ state: PartnerState, by scope: AdministratorScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func update(_ state: PartnerState, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> PartnerState {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: PolicyRepository {
    public func responses(_ scope: TenantScope) async throws -> [PolicyResponse] { throw Failure(method: #function) }
    public func response(_ scope: TenantScope, id: String) async throws -> PolicyResponse? { throw Failure(method: #function) }
    public func addressableRisks(_ scope: TenantScope) async throws -> [AddressableRisk] { throw Failure(method: #function) }
    public func stateAgencies(_ scope: TenantScope) async throws -> [Agency] { throw Failure(method: #function) }
    public func revealedRounds(_ scope: TenantScope) async throws -> [String: Int] { throw Failure(method: #function) }
    public func addResponse(_ response: PolicyResponse, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func updateResponse(_ response: PolicyResponse, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> PolicyResponse
    {
        throw Failure(method: #function)
    }
    public func changeStatus(
        _ id: String, to target: ResponseStatus, expectedVersion: Int, method: MethodVersion, scope: TenantScope, audit: AuditEvent
    ) async throws -> PolicyResponse { throw Failure(method: #function) }
    public func reviews(_ scope: TenantScope, responseID: String) async throws -> [CheckReview] { throw Failure(method: #function) }
    public func allReviews(_ scope: TenantScope) async throws -> [CheckReview] { throw Failure(method: #function) }
    public func addReviews(_ reviews: [CheckReview], responseID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func overrides(_ scope: TenantScope, responseID: String) async throws -> [ReviewOverride] { throw Failure(method: #function) }
    public func allOverrides(_ scope: TenantScope) async throws -> [ReviewOverride] { throw Failure(method: #function) }
    public func addOverride(_ override: ReviewOverride, method: MethodVersion, scope: TenantScope, audit: AuditEvent) async throws -> ReviewOverride {
        throw Failure(method: #function)
    }
    public func indicators(_ scope: TenantScope, responseID: String) async throws -> [Indicator] { throw Failure(method: #function) }
    public func allIndicators(_ scope: TenantScope) async throws -> [Indicator] { throw Failure(method: #function) }
    public func addIndicator(_ indicator: Indicator, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func addActual(_ actual: IndicatorActual, responseID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: FrameworkRepository {
    public func framework(id: String?) async throws -> CapabilityFramework? { throw Failure(method: #function) }
    public func frameworks() async throws -> [FrameworkSummary] { throw Failure(method: #function) }
    public func publishFramework(_ framework: CapabilityFramework, audit: AuditEvent) async throws { throw Failure(method: #function) }
}

extension FailingRepositories: CapabilityRepository {
    public func capabilityAssessments(_ scope: TenantScope) async throws -> [CapabilityAssessment] { throw Failure(method: #function) }
    public func capabilityAssessment(_ scope: TenantScope, id: String) async throws -> CapabilityAssessment? { throw Failure(method: #function) }
    public func addCapabilityAssessment(_ assessment: CapabilityAssessment, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func criterionRecords(_ scope: TenantScope, assessmentID: String) async throws -> [CriterionRecord] { throw Failure(method: #function) }
    public func replaceAnswers(
        _ records: [CriterionRecord], area: String, assessmentID: String, expectedVersion: Int, framework: CapabilityFramework, scope: TenantScope,
        audit: AuditEvent
    ) async throws -> CapabilityAssessment { throw Failure(method: #function) }
    public func capabilityEvidence(_ scope: TenantScope, assessmentID: String) async throws -> [CapabilityEvidence] {
        throw Failure(method: #function)
    }
    public func addCapabilityEvidence(_ evidence: CapabilityEvidence, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func capabilityTargets(_ scope: TenantScope, assessmentID: String) async throws -> [CapabilityTarget] {
        throw Failure(method: #function)
    }
    public func replaceTargets(
        _ targets: [CapabilityTarget], areas: [String], assessmentID: String, expectedVersion: Int, framework: CapabilityFramework,
        scope: TenantScope, audit: AuditEvent
    ) async throws -> CapabilityAssessment { throw Failure(method: #function) }
    public func roadmapItems(_ scope: TenantScope) async throws -> [RoadmapItem] { throw Failure(method: #function) }
    public func roadmapItem(_ scope: TenantScope, id: String) async throws -> RoadmapItem? { throw Failure(method: #function) }
    public func addRoadmapItem(_ item: RoadmapItem, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func updateRoadmapItem(_ item: RoadmapItem, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> RoadmapItem {
        throw Failure(method: #function)
    }
    public func setMilestones(_ milestones: [Milestone], itemID: String, scope: TenantScope, audit: AuditEvent) async throws -> RoadmapItem {
        throw Failure(method: #function)
    }
    public func changeRoadmapStatus(
        _ id: String, to target: RoadmapItem.Status, expectedVersion: Int, method: MethodVersion, framework: CapabilityFramework,
        scope: TenantScope, audit: AuditEvent
    ) async throws -> RoadmapItem { throw Failure(method: #function) }
    public func roadmapReviews(_ scope: TenantScope, itemID: String) async throws -> [CheckReview] { throw Failure(method: #function) }
    public func addRoadmapReviews(_ reviews: [CheckReview], itemID: String, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: LiveRepository {
    public func liveSessions(_ scope: TenantScope) async throws -> [LiveSession] { throw Failure(method: #function) }
    public func liveSession(_ scope: TenantScope, id: String) async throws -> LiveSession? { throw Failure(method: #function) }
    public func addLiveSession(_ session: LiveSession, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func updateLiveSession(
        _ session: LiveSession, expectedVersion: Int, scope: TenantScope, audit: AuditEvent, events: [LiveEvent]
    ) async throws -> LiveSession { throw Failure(method: #function) }
    public func liveParticipants(_ scope: TenantScope, sessionID: String) async throws -> [LiveParticipant] { throw Failure(method: #function) }
    public func setParticipantStatus(
        _ ids: [String], to status: LiveParticipant.Status, sessionID: String, scope: TenantScope, actor: AuditActor
    ) async throws -> Int { throw Failure(method: #function) }
    public func liveActivities(_ scope: TenantScope, sessionID: String) async throws -> [LiveActivity] { throw Failure(method: #function) }
    public func addLiveActivity(_ activity: LiveActivity, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func liveRounds(_ scope: TenantScope, sessionID: String) async throws -> [LiveRound] { throw Failure(method: #function) }
    public func openLiveRound(activityID: String, sessionID: String, scope: TenantScope, actor: AuditActor) async throws -> LiveRound {
        throw Failure(method: #function)
    }
    public func advanceLiveRound(
        activityID: String, sessionID: String, to target: ScoringRound.Status, scope: TenantScope, actor: AuditActor
    ) async throws -> LiveRound { throw Failure(method: #function) }
    public func liveSubmissions(_ scope: TenantScope, sessionID: String, activityID: String) async throws -> [LiveSubmission] {
        throw Failure(method: #function)
    }
    public func liveSubmissionCounts(_ scope: TenantScope, sessionID: String) async throws -> [String: [Int: Int]] {
        throw Failure(method: #function)
    }
    public func liveIdeas(_ scope: TenantScope, sessionID: String, activityID: String) async throws -> [LiveIdea] { throw Failure(method: #function) }
    public func updateLiveIdea(_ idea: LiveIdea, sessionID: String, scope: TenantScope, audit: AuditEvent) async throws -> LiveIdea {
        throw Failure(method: #function)
    }
    public func liveEvents(_ scope: TenantScope, sessionID: String, after sequence: Int64, limit: Int) async throws -> [LiveEvent] {
        throw Failure(method: #function)
    }
    public func liveSession(code: String) async throws -> LiveSession? { throw Failure(method: #function) }
    public func joinLiveSession(_ participant: LiveParticipant, tokenHash: String, audit: AuditEvent) async throws -> LiveParticipant {
        throw Failure(method: #function)
    }
    public func liveParticipant(tokenHash: String) async throws -> (LiveParticipant, LiveSession)? { throw Failure(method: #function) }
    public func liveActivities(_ pass: ParticipantPass) async throws -> [LiveActivity] { throw Failure(method: #function) }
    public func liveRounds(_ pass: ParticipantPass) async throws -> [LiveRound] { throw Failure(method: #function) }
    public func ownSubmissions(_ pass: ParticipantPass, activityID: String) async throws -> [LiveSubmission] { throw Failure(method: #function) }
    public func liveIdeas(_ pass: ParticipantPass, activityID: String) async throws -> [LiveIdea] { throw Failure(method: #function) }
    public func submitLive(_ submission: LiveSubmission, pass: ParticipantPass, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func addLiveIdea(_ idea: LiveIdea, pass: ParticipantPass, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func liveEvents(_ pass: ParticipantPass, after sequence: Int64, limit: Int) async throws -> [LiveEvent] {
        throw Failure(method: #function)
    }
}

extension FailingRepositories: ProgrammeRepository {
    public func programmeEvents(_ scope: ProgrammeScope, year: Int?) async throws -> [ProgrammeEvent] { throw Failure(method: #function) }
    public func programmeEvent(_ scope: ProgrammeScope, id: String) async throws -> ProgrammeEvent? { throw Failure(method: #function) }
    public func addProgrammeEvent(_ event: ProgrammeEvent, scope: ProgrammeScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func programmeRegistrations(_ scope: ProgrammeScope, eventID: String) async throws -> [(Registration, ProgrammePerson)] {
        throw Failure(method: #function)
    }
    public func registerParticipants(_ rows: [ParticipantImport.Row], eventID: String, scope: ProgrammeScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func setAttendance(eventID: String, personID: String, days: Set<CalendarDate>, scope: ProgrammeScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func personalData(_ scope: ProgrammeScope, personIDs: [String]) async throws -> [String: PersonalData] { throw Failure(method: #function) }
    public func duplicateSuggestions(_ scope: ProgrammeScope) async throws -> [DuplicateSuggestion] { throw Failure(method: #function) }
    public func mergePeople(keepID: String, otherID: String, scope: ProgrammeScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func purgeExpiredPersonalData(today: CalendarDate, actor: AuditActor) async throws -> Int { throw Failure(method: #function) }
    public func programmeFigures(_ scope: ProgrammeScope, year: Int?, byEvent: Bool) async throws -> ProgrammeFigures {
        throw Failure(method: #function)
    }
    public func programmeEventFigures(_ scope: ProgrammeScope, year: Int) async throws -> [String: [String: Int]] {
        throw Failure(method: #function)
    }
    public func programmeEventCounts(_ scope: ProgrammeScope) async throws -> ProgrammeEventCounts { throw Failure(method: #function) }
}

extension FailingRepositories: FollowUpRepository {
    public func assistanceRequests(_ scope: ProgrammeScope) async throws -> [AssistanceRequest] { throw Failure(method: #function) }
    public func addAssistanceRequest(_ request: AssistanceRequest, scope: ProgrammeScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func moveAssistanceRequest(
        id: String, to status: AssistanceRequest.Status, on day: CalendarDate, reason: String, answeredBy: String?, scope: ProgrammeScope,
        audit: AuditEvent
    ) async throws -> AssistanceRequest { throw Failure(method: #function) }
    public func recommendations(_ scope: ProgrammeScope) async throws -> [Recommendation] { throw Failure(method: #function) }
    public func addRecommendation(_ recommendation: Recommendation, scope: ProgrammeScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
    public func recordActionItem(
        id: String, status: ActionItem.Status, evidence: String, scope: ProgrammeScope, audit: AuditEvent
    ) async throws
        -> ActionItem
    { throw Failure(method: #function) }
}

extension FailingRepositories: PracticeRepository {
    public func practices(_ scope: TenantScope) async throws -> [SharedPractice] { throw Failure(method: #function) }
    public func practice(_ scope: TenantScope, id: String) async throws -> SharedPractice? { throw Failure(method: #function) }
    public func sharePractice(_ practice: SharedPractice, scope: TenantScope, audit: AuditEvent) async throws { throw Failure(method: #function) }
    public func withdrawPractice(_ scope: TenantScope, id: String, on day: CalendarDate, audit: AuditEvent) async throws -> SharedPractice {
        throw Failure(method: #function)
    }
    public func practiceComments(_ scope: TenantScope, practiceID: String) async throws -> [PracticeComment] { throw Failure(method: #function) }
    public func addPracticeComment(_ comment: PracticeComment, scope: TenantScope, audit: AuditEvent) async throws {
        throw Failure(method: #function)
    }
}
