/// Live workshop sessions (issue 12). Facilitator methods take the `TenantScope` of the session's state; participant
/// methods take the ``ParticipantPass`` their device token proved. Every write appends its audit entry and its outbox
/// events (``LiveEvent``) in the same transaction and checks the ``LiveRuleViolation`` rules there.
public protocol LiveRepository: Sendable {
    /// The state's sessions, newest first (at most ``LiveLimits/sessions``).
    func liveSessions(_ scope: TenantScope) async throws -> [LiveSession]
    /// One session of the state, or nil.
    func liveSession(_ scope: TenantScope, id: String) async throws -> LiveSession?
    /// Adds a session. Its code must not be used by another session that has not ended (``StoreConflict/duplicate(field:)``
    /// on `code`).
    func addLiveSession(_ session: LiveSession, scope: TenantScope, audit: AuditEvent) async throws
    /// Replaces the session's settings and status when its stored version is `expectedVersion` (else
    /// ``StoreConflict/staleVersion(current:)``). Checks ``LiveRuleViolation/checkSettings(_:_:)`` and, when the status
    /// changes, ``LiveRuleViolation/checkSessionMove(_:to:)``. Ending a session closes its open round. Returns the stored
    /// session.
    func updateLiveSession(
        _ session: LiveSession, expectedVersion: Int, scope: TenantScope, audit: AuditEvent, events: [LiveEvent]
    ) async throws -> LiveSession

    /// The session's participants in order of joining.
    func liveParticipants(_ scope: TenantScope, sessionID: String) async throws -> [LiveParticipant]
    /// Admits or turns away participants of the session (those given that are not the session's are ignored); one
    /// audit entry and one event per participant whose status changes. Returns how many changed.
    func setParticipantStatus(
        _ ids: [String], to status: LiveParticipant.Status, sessionID: String, scope: TenantScope, actor: AuditActor
    ) async throws -> Int

    /// The session's activities in order.
    func liveActivities(_ scope: TenantScope, sessionID: String) async throws -> [LiveActivity]
    /// Adds an activity at the end (at most ``LiveLimits/activities``; ``LiveRuleViolation/full(_:)``).
    func addLiveActivity(_ activity: LiveActivity, scope: TenantScope, audit: AuditEvent) async throws
    /// Every round of the session's activities.
    func liveRounds(_ scope: TenantScope, sessionID: String) async throws -> [LiveRound]
    /// Opens the activity's next round (``LiveRuleViolation/checkOpen(_:session:rounds:activities:)`` on the stored rounds).
    func openLiveRound(activityID: String, sessionID: String, scope: TenantScope, actor: AuditActor) async throws -> LiveRound
    /// Moves the activity's latest round to `target` (``LiveRuleViolation/checkAdvance(_:to:)``).
    func advanceLiveRound(
        activityID: String, sessionID: String, to target: ScoringRound.Status, scope: TenantScope, actor: AuditActor
    ) async throws -> LiveRound

    /// Every answer to the activity, all rounds (the latest answer of each participant, item and round).
    func liveSubmissions(_ scope: TenantScope, sessionID: String, activityID: String) async throws -> [LiveSubmission]
    /// How many participants answered each round of each activity: activity id → round → participants.
    func liveSubmissionCounts(_ scope: TenantScope, sessionID: String) async throws -> [String: [Int: Int]]
    /// The ideas of an idea board, oldest first.
    func liveIdeas(_ scope: TenantScope, sessionID: String, activityID: String) async throws -> [LiveIdea]
    /// Hides or shows an idea, or merges it into another (``LiveRuleViolation/invalidMerge``), or records the scenario
    /// made from it. Returns the stored idea.
    func updateLiveIdea(_ idea: LiveIdea, sessionID: String, scope: TenantScope, audit: AuditEvent) async throws -> LiveIdea
    /// The facilitator's events of the session after `sequence`, oldest first (at most `limit`).
    func liveEvents(_ scope: TenantScope, sessionID: String, after sequence: Int64, limit: Int) async throws -> [LiveEvent]

    /// A session that has not ended, by its join code (codes are unique among those).
    func liveSession(code: String) async throws -> LiveSession?
    /// Adds a participant with the SHA-256 of their device token, numbered after the others. Checks the session is
    /// running and not full.
    func joinLiveSession(_ participant: LiveParticipant, tokenHash: String, audit: AuditEvent) async throws -> LiveParticipant
    /// The participant and session a device token belongs to (by its SHA-256), or nil.
    func liveParticipant(tokenHash: String) async throws -> (LiveParticipant, LiveSession)?
    /// The session's activities, rounds and the participant's own answers, as their phone sees them.
    func liveActivities(_ pass: ParticipantPass) async throws -> [LiveActivity]
    func liveRounds(_ pass: ParticipantPass) async throws -> [LiveRound]
    func ownSubmissions(_ pass: ParticipantPass, activityID: String) async throws -> [LiveSubmission]
    /// The votable ideas of a board (for the voting round) and the participant's own.
    func liveIdeas(_ pass: ParticipantPass, activityID: String) async throws -> [LiveIdea]
    /// Stores an answer (replacing the participant's earlier answer to the same item in the same round). Checks
    /// ``LiveRuleViolation/checkAnswer(session:participant:round:)`` on the stored session, participant and round.
    func submitLive(_ submission: LiveSubmission, pass: ParticipantPass, audit: AuditEvent) async throws
    /// Adds an idea in the board's entry round (same checks; at most ``LiveLimits/ideasPerParticipant`` each).
    func addLiveIdea(_ idea: LiveIdea, pass: ParticipantPass, audit: AuditEvent) async throws
    /// The events a participant's screen hears after `sequence` (``LiveEvent/isHeard(by:)``), oldest first.
    func liveEvents(_ pass: ParticipantPass, after sequence: Int64, limit: Int) async throws -> [LiveEvent]
}
