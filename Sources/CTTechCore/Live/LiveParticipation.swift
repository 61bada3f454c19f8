/// The participant's side of a live session (issue 12): join by code, rejoin with the device token, see the round that is
/// open, answer it. Participants have no account; their device token is the only thing that identifies them.
public struct LiveParticipation: Sendable {
    let live: any LiveRepository

    public init(live: any LiveRepository) {
        self.live = live
    }

    /// What a participant's phone shows: the session, the participant, and the activity whose round is open (if any) with
    /// the participant's own answers in it.
    public struct Screen: Sendable, Hashable {
        public let session: LiveSession
        public let participant: LiveParticipant
        public let activity: LiveActivity?
        public let round: LiveRound?
        public let ownAnswers: [LiveSubmission]
        /// Idea boards: the ideas open to votes (voting round) or the participant's own (entry round).
        public let ideas: [LiveIdea]

        public init(
            session: LiveSession, participant: LiveParticipant, activity: LiveActivity?, round: LiveRound?, ownAnswers: [LiveSubmission],
            ideas: [LiveIdea]
        ) {
            self.session = session
            self.participant = participant
            self.activity = activity
            self.round = round
            self.ownAnswers = ownAnswers
            self.ideas = ideas
        }
    }

    /// The session a join code opens (while it has not ended), or nil.
    public func session(code: String) async throws -> LiveSession? {
        guard let code = JoinCode.normalised(code) else { return nil }
        return try await live.liveSession(code: code)
    }

    /// Joins the running session: the participant waits in the lobby until the facilitator admits them. Returns the
    /// participant and the device token to keep (only its SHA-256 is stored).
    public func join(_ session: LiveSession, with draft: LiveJoinDraft) async throws -> (LiveParticipant, token: String) {
        guard session.status == .running else { throw LiveRuleViolation.sessionNotRunning(session.status) }
        let (name, attributes) = try draft.validated(for: session)
        let token = Identifier.secret()
        let draftParticipant = LiveParticipant(
            id: Identifier.make(), sessionID: session.id, number: 0, name: name, checkCode: LiveParticipant.makeCheckCode(), attributes: attributes,
            joinedAt: LiveFacilitation.now())
        let participant = try await live.joinLiveSession(
            draftParticipant, tokenHash: Identifier.sha256Hex(token),
            audit: AuditEvent(
                .liveJoin, by: AuditActor(id: "participant:" + draftParticipant.id, label: "participant"), entity: session.id, state: session.stateID)
        )
        return (participant, token)
    }

    /// The pass a device token proves, with its participant and session; nil for an unknown token.
    public func pass(token: String) async throws -> (ParticipantPass, LiveParticipant, LiveSession)? {
        guard !token.isEmpty, token.utf8.count <= 128,
            let (participant, session) = try await live.liveParticipant(tokenHash: Identifier.sha256Hex(token))
        else { return nil }
        return (ParticipantPass(verifiedSession: session.id, participant: participant.id, state: session.stateID), participant, session)
    }

    /// What the phone shows now.
    public func screen(_ pass: ParticipantPass, participant: LiveParticipant, session: LiveSession) async throws -> Screen {
        guard participant.status == .admitted, session.status == .running else {
            return Screen(session: session, participant: participant, activity: nil, round: nil, ownAnswers: [], ideas: [])
        }
        let rounds = try await live.liveRounds(pass)
        guard let round = rounds.first(where: { $0.status == .open }),
            let activity = try await live.liveActivities(pass).first(where: { $0.id == round.activityID })
        else { return Screen(session: session, participant: participant, activity: nil, round: nil, ownAnswers: [], ideas: []) }
        let own = try await live.ownSubmissions(pass, activityID: activity.id).filter { $0.round == round.number }
        let ideas = activity.kind == .ideas ? try await live.liveIdeas(pass, activityID: activity.id) : []
        return Screen(session: session, participant: participant, activity: activity, round: round, ownAnswers: own, ideas: ideas)
    }

    /// Answers `itemKey` (empty for whole-activity answers) of the open round of `activity`; an idea board's entry round
    /// adds an idea instead. The round must still be open when the answer is stored.
    public func answer(
        _ draft: LiveAnswerDraft, to activity: LiveActivity, item itemKey: String, round: LiveRound, pass: ParticipantPass,
        participant: LiveParticipant,
        session: LiveSession
    ) async throws {
        try LiveRuleViolation.checkAnswer(session: session, participant: participant, round: round)
        let ideas = activity.kind == .ideas && round.number > 1 ? try await live.liveIdeas(pass, activityID: activity.id) : []
        let now = LiveFacilitation.now()
        let actor = Self.actor(participant, in: session)
        switch try draft.validated(activity: activity, round: round.number, participantID: participant.id, itemKey: itemKey, ideas: ideas, at: now) {
        case .answer(let submission):
            try await live.submitLive(
                submission, pass: pass,
                audit: AuditEvent(
                    .liveSubmit, by: actor, entity: session.id, state: session.stateID, ["activity": activity.id, "round": String(round.number)]))
        case .idea(let text):
            try await live.addLiveIdea(
                LiveIdea(id: Identifier.make(), activityID: activity.id, participantID: participant.id, text: text, createdAt: now), pass: pass,
                audit: AuditEvent(.liveIdea, by: actor, entity: session.id, state: session.stateID, ["activity": activity.id]))
        }
    }

    /// How the audit log names a participant: never by name, and by number only in pseudonymous and named sessions.
    static func actor(_ participant: LiveParticipant, in session: LiveSession) -> AuditActor {
        AuditActor(id: "participant:" + participant.id, label: session.anonymity == .anonymous ? "participant" : "participant \(participant.number)")
    }
}
