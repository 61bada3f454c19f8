import Foundation

/// The facilitator's side of a live session (issue 12): set it up, start it, admit people from the lobby, add activities,
/// run their rounds and read the results once revealed.
public struct LiveFacilitation: Sendable {
    let live: any LiveRepository
    let assessments: any AssessmentRepository
    let scoring: any ScoringRepository
    let reference: any ReferenceDataRepository

    public init(
        live: any LiveRepository, assessments: any AssessmentRepository, scoring: any ScoringRepository, reference: any ReferenceDataRepository
    ) {
        self.live = live
        self.assessments = assessments
        self.scoring = scoring
        self.reference = reference
    }

    /// Creates a session in set-up with a new join code (a code already used by a session that has not ended is drawn
    /// again).
    /// `code`: a fixed code (the demo's); a code in use is then refused rather than drawn again.
    public func create(_ draft: LiveSessionDraft, by actor: AuditActor, scope: TenantScope, code fixed: String? = nil) async throws -> LiveSession {
        let settings = try draft.validated(assessments: Set(try await assessments.list(scope).map(\.id)))
        var lastConflict: StoreConflict?
        for _ in 0..<8 {
            let session = LiveSession(
                id: Identifier.make(), stateID: scope.stateID, assessmentID: settings.assessmentID, title: settings.title,
                code: fixed.flatMap(JoinCode.normalised) ?? JoinCode.make(),
                anonymity: settings.anonymity, askedAttributes: settings.askedAttributes, minimumGroupSize: settings.minimumGroupSize,
                createdBy: actor.id, createdAt: Self.now())
            do {
                try await live.addLiveSession(
                    session, scope: scope,
                    audit: AuditEvent(
                        .liveCreate, by: actor, entity: session.id, state: scope.stateID,
                        ["title": session.title, "anonymity": session.anonymity.rawValue]))
                return session
            } catch let conflict as StoreConflict {
                guard case .duplicate(field: "code") = conflict, fixed == nil else { throw conflict }
                lastConflict = conflict
            }
        }
        throw lastConflict ?? StoreConflict.duplicate(field: "code")
    }

    /// Changes the title, assessment, anonymity, attributes and minimum group (the last three only before the start).
    public func update(
        _ session: LiveSession, with draft: LiveSessionDraft, expectedVersion: Int, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> LiveSession
    {
        let settings = try draft.validated(assessments: Set(try await assessments.list(scope).map(\.id)))
        if settings.assessmentID != session.assessmentID,
            try await live.liveActivities(scope, sessionID: session.id).contains(where: \.kind.usesScenarios)
        {
            throw LiveRuleViolation.assessmentInUse
        }
        var changed = session
        changed.title = settings.title
        changed.assessmentID = settings.assessmentID
        changed.anonymity = settings.anonymity
        changed.askedAttributes = settings.askedAttributes
        changed.minimumGroupSize = settings.minimumGroupSize
        return try await live.updateLiveSession(
            changed, expectedVersion: expectedVersion, scope: scope,
            audit: AuditEvent(.liveUpdate, by: actor, entity: session.id, state: scope.stateID),
            events: [])
    }

    /// Starts the session (people may join from now; its anonymity and attributes are fixed) or ends it.
    public func move(
        _ session: LiveSession, to target: LiveSession.Status, expectedVersion: Int, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> LiveSession
    {
        try LiveRuleViolation.checkSessionMove(session.status, to: target)
        var changed = session
        changed.status = target
        let now = Self.now()
        if target == .running { changed.startedAt = now }
        if target == .ended { changed.endedAt = now }
        let action: AuditAction = target == .running ? .liveStart : .liveEnd
        let kind: LiveEvent.Kind = target == .running ? .sessionStarted : .sessionEnded
        return try await live.updateLiveSession(
            changed, expectedVersion: expectedVersion, scope: scope, audit: AuditEvent(action, by: actor, entity: session.id, state: scope.stateID),
            events: [.draft(kind, session: session.id, audience: .everyone)])
    }

    /// Admits (or turns away) the given participants of the lobby. Returns how many changed.
    public func admit(
        _ ids: [String], _ status: LiveParticipant.Status, in session: LiveSession, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> Int
    {
        guard status != .waiting else { throw ValidationFailure(field: "status", "validation.not-valid") }
        guard session.status != .ended else { throw LiveRuleViolation.sessionNotRunning(.ended) }
        return try await live.setParticipantStatus(ids, to: status, sessionID: session.id, scope: scope, actor: actor)
    }

    /// Adds an activity at the end of the session. Scenario activities take the assessment's scenarios.
    public func addActivity(
        _ draft: LiveActivityDraft, to session: LiveSession, by actor: AuditActor, scope: TenantScope
    ) async throws -> LiveActivity {
        let existing = try await live.liveActivities(scope, sessionID: session.id)
        var scenarios: [(id: String, title: String)] = []
        if let assessmentID = session.assessmentID {
            scenarios = try await scoring.scenarios(scope, assessmentID: assessmentID).map { ($0.id, $0.title) }
        } else if let kind = LiveActivity.Kind(rawValue: draft.fields["kind"] ?? ""), kind.usesScenarios {
            throw LiveRuleViolation.needsAssessment
        }
        let activity = try draft.validated(
            id: Identifier.make(), sessionID: session.id, position: (existing.map(\.position).max() ?? 0) + 1, scenarios: scenarios, at: Self.now())
        try await live.addLiveActivity(
            activity, scope: scope,
            audit: AuditEvent(
                .liveActivity, by: actor, entity: session.id, state: scope.stateID, ["activity": activity.id, "kind": activity.kind.rawValue]))
        return activity
    }

    /// Opens the activity's next round (round 1, or n + 1 once n is revealed; one round at a time in a session).
    public func openRound(_ activity: LiveActivity, in session: LiveSession, by actor: AuditActor, scope: TenantScope) async throws -> LiveRound {
        try await live.openLiveRound(activityID: activity.id, sessionID: session.id, scope: scope, actor: actor)
    }

    /// Closes (no more answers) or reveals (results shown) the activity's latest round.
    public func advanceRound(
        _ activity: LiveActivity, in session: LiveSession, to target: ScoringRound.Status, by actor: AuditActor, scope: TenantScope
    ) async throws -> LiveRound {
        guard target != .open else { return try await openRound(activity, in: session, by: actor, scope: scope) }
        return try await live.advanceLiveRound(activityID: activity.id, sessionID: session.id, to: target, scope: scope, actor: actor)
    }

    /// The results of every revealed round of the activity, oldest first; rounds not yet revealed give nothing.
    public func results(of activity: LiveActivity, in session: LiveSession, scope: TenantScope) async throws -> [LiveResults] {
        let revealed = try await live.liveRounds(scope, sessionID: session.id).filter { $0.activityID == activity.id && $0.status == .revealed }
        guard !revealed.isEmpty else { return [] }
        let submissions = try await live.liveSubmissions(scope, sessionID: session.id, activityID: activity.id)
        let ideas = activity.kind == .ideas ? try await live.liveIdeas(scope, sessionID: session.id, activityID: activity.id) : []
        let participants = try await live.liveParticipants(scope, sessionID: session.id)
        let minimum = try await reference.method(id: nil)?.consensusMinimumRatings ?? MethodVersion.defaultConsensusMinimumRatings
        return revealed.map(\.number).sorted().map { round in
            LiveResults.compute(
                activity: activity, round: round, submissions: submissions.filter { $0.round <= round }, ideas: ideas, participants: participants,
                minimumGroupSize: session.minimumGroupSize, minimumForConsensus: minimum)
        }
    }

    /// Adds what participants answered in a revealed round of a scoring or ranking activity to the session's assessment,
    /// in its open round, as workshop input (``WorkshopInput``): pseudonymous assessors kept apart from account holders'
    /// scores. Adding the same activity again (a later round) replaces what it added to that round.
    @discardableResult
    public func addToAssessment(
        _ activity: LiveActivity, liveRound: Int, in session: LiveSession, by actor: AuditActor, scope: TenantScope
    ) async throws -> WorkshopInput {
        guard let assessmentID = session.assessmentID else { throw LiveRuleViolation.needsAssessment }
        guard session.anonymity != .anonymous else { throw LiveRuleViolation.anonymousInput }
        let revealed = try await live.liveRounds(scope, sessionID: session.id).contains {
            $0.activityID == activity.id && $0.number == liveRound && $0.status == .revealed
        }
        guard revealed, activity.kind == .scoring || activity.kind == .ranking else { throw LiveRuleViolation.notAssessmentInput }
        guard let current = try await scoring.currentRound(scope, assessmentID: assessmentID), current.status == .open else {
            let round = try await scoring.currentRound(scope, assessmentID: assessmentID)
            throw AssessmentRuleViolation.roundNotOpen(round: round.map { $0.status == .revealed ? $0.number + 1 : $0.number } ?? 1)
        }
        let input = WorkshopInput.from(
            activity: activity, session: session, liveRound: liveRound,
            submissions: try await live.liveSubmissions(scope, sessionID: session.id, activityID: activity.id),
            participants: try await live.liveParticipants(scope, sessionID: session.id), assessmentID: assessmentID,
            assessmentRound: current.number, at: Self.now())
        guard !input.scores.isEmpty || !input.rankings.isEmpty else { throw LiveRuleViolation.notAssessmentInput }
        try await scoring.addWorkshopInput(
            input, scope: scope,
            audit: AuditEvent(
                .liveFeed, by: actor, entity: session.id, state: scope.stateID,
                [
                    "activity": activity.id, "live_round": String(liveRound), "assessment": assessmentID, "round": String(current.number),
                    "scores": String(input.scores.count), "rankings": String(input.rankings.count),
                ]))
        return input
    }

    /// Hides or shows an idea (moderation), or merges it into another one of the same board — until the board's votes are
    /// revealed (``LiveRuleViolation/moderationClosed``).
    public func moderate(
        _ idea: LiveIdea, hidden: Bool? = nil, mergeInto target: String? = nil, in session: LiveSession, by actor: AuditActor, scope: TenantScope
    ) async throws -> LiveIdea {
        let votesRevealed = try await live.liveRounds(scope, sessionID: session.id).contains {
            $0.activityID == idea.activityID && $0.number >= 2 && $0.status == .revealed
        }
        guard !votesRevealed else { throw LiveRuleViolation.moderationClosed }
        var changed = idea
        if let hidden { changed.hidden = hidden }
        if let target {
            let ideas = try await live.liveIdeas(scope, sessionID: session.id, activityID: idea.activityID)
            guard target != idea.id, let into = ideas.first(where: { $0.id == target }), into.isVotable else { throw LiveRuleViolation.invalidMerge }
            changed.mergedInto = into.id
        }
        var details = ["idea": idea.id]
        if let hidden { details["hidden"] = hidden ? "yes" : "no" }
        if let target { details["merged_into"] = target }
        return try await live.updateLiveIdea(
            changed, sessionID: session.id, scope: scope,
            audit: AuditEvent(.liveIdeaModerate, by: actor, entity: session.id, state: scope.stateID, details))
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
