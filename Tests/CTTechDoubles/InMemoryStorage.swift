import CTTechCore

/// Everything ``InMemoryRepositories`` holds, as plain values: a transaction works on a copy and keeps it only if it
/// finishes, which is how a refused write leaves nothing behind, as a rolled-back SQL transaction does.
struct InMemoryStorage: Sendable {
    var states: [String: PartnerState] = [:]
    var accounts: [String: UserAccount] = [:]
    /// Oldest first, as the SQL store orders them by creation time.
    var grants: [RoleGrant] = []
    /// Ids of the users whose sessions a deactivation ended, in order.
    var endedSessions: [String] = []
    var methods: [String: MethodVersion] = [:]
    var currentMethodID: String?
    var assessments: [String: StoredAssessment] = [:]
    /// Creation order of assessments, so that lists come newest first.
    var nextSequence = 0
    var audit: [AuditEvent] = []
    /// Policy responses of every state by id (steps 5–6), with their answers, overrides and indicators (actuals inside).
    var responses: [String: PolicyResponse] = [:]
    /// Oldest first.
    var checkReviews: [CheckReview] = []
    /// Oldest first.
    var overrides: [ReviewOverride] = []
    /// Oldest first; each indicator holds its actuals in the order they were recorded.
    var indicators: [Indicator] = []
    /// Published capability framework versions, oldest first: the default one from the start, as the migration stores it.
    var frameworks: [PublishedFramework] = [PublishedFramework(framework: .ctTechDefault, publishedAt: 0)]
    var currentFrameworkID: String? = CapabilityFramework.defaultID
    /// Capability assessments of every state by id (steps 7–8); their answers, evidence (oldest first) and targets.
    var capabilityAssessments: [String: CapabilityAssessment] = [:]
    var criterionRecords: [CriterionRecord] = []
    var capabilityEvidence: [CapabilityEvidence] = []
    var capabilityTargets: [CapabilityTarget] = []
    /// Roadmap items of every state by id, and the answers to their checks, oldest first.
    var roadmapItems: [String: RoadmapItem] = [:]
    var roadmapReviews: [CheckReview] = []
    /// Live sessions of every state by id (issue 12), their participants (with token hashes), activities, rounds,
    /// answers, ideas, and the outbox, each oldest first.
    var liveSessions: [String: LiveSession] = [:]
    var liveParticipants: [(participant: LiveParticipant, tokenHash: String)] = []
    var liveActivities: [LiveActivity] = []
    var liveRounds: [LiveRound] = []
    var liveSubmissions: [LiveSubmission] = []
    var liveIdeas: [LiveIdea] = []
    var liveEvents: [LiveEvent] = []
    /// The programme's events by id (issue 13), registry persons by id, their personal data by person id, and
    /// registrations oldest first.
    var programmeEvents: [String: ProgrammeEvent] = [:]
    var programmePeople: [String: ProgrammePerson] = [:]
    var personalData: [String: PersonalData] = [:]
    var registrations: [Registration] = []
    /// Requests for assistance by id, and recommendations (with their items) oldest first.
    var requests: [String: AssistanceRequest] = [:]
    var recommendations: [Recommendation] = []
    /// Shared good practices by id, and their comments oldest first.
    var practices: [String: SharedPractice] = [:]
    var practiceComments: [PracticeComment] = []
    /// Knowledge products, agenda sessions (in order of adding) and event links.
    var products: [String: KnowledgeProduct] = [:]
    var agendaSessions: [AgendaSession] = []
    var eventLinks: [EventLink] = []

    /// An assessment of the scope's state; another state's is as absent as a missing one.
    func assessment(_ scope: TenantScope, _ id: String) -> StoredAssessment? {
        guard let stored = assessments[id], stored.assessment.stateID == scope.stateID else { return nil }
        return stored
    }

    /// A response of the scope's state; another state's is as absent as a missing one.
    func response(_ scope: TenantScope, _ id: String) -> PolicyResponse? {
        guard let response = responses[id], response.stateID == scope.stateID else { return nil }
        return response
    }

    /// Moves on the revision of every assessment of the scope's state, as a write that changes what the register applies
    /// (a response's content or status) renews every register of the state.
    mutating func renewRegisters(_ scope: TenantScope) {
        for (id, stored) in assessments where stored.assessment.stateID == scope.stateID {
            assessments[id]?.revision = stored.revision + 1
        }
    }

    /// The shared shape of every write to an assessment's content (the SQL stores' `change`): the assessment must exist in
    /// the scope's state (``StoreConflict/missing``) and be editable (``AssessmentRuleViolation/requireEditable(_:)``);
    /// then `body` changes it, its revision moves on and the audit entry is appended.
    mutating func change(
        _ scope: TenantScope, assessmentID: String, audit event: AuditEvent, _ body: (inout StoredAssessment) throws -> Void
    ) throws {
        guard var stored = assessment(scope, assessmentID) else { throw StoreConflict.missing }
        try AssessmentRuleViolation.requireEditable(stored.assessment.status)
        try body(&stored)
        stored.revision += 1
        assessments[assessmentID] = stored
        audit.append(event)
    }

    /// Adds an assessment as the newest one.
    mutating func insert(_ stored: StoredAssessment) {
        var stored = stored
        stored.sequence = nextSequence
        nextSequence += 1
        assessments[stored.assessment.id] = stored
    }
}
