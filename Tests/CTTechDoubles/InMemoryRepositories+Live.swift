import CTTechCore

/// Live sessions in memory, with the same checks in each write's transaction as the SQL store
/// (``LiveRuleViolation``), the same refusals (``StoreConflict/missing`` outside the scope's state or the pass's session,
/// ``StoreConflict/staleVersion(current:)``, ``StoreConflict/duplicate(field:)`` on a code in use) and the same outbox.
extension InMemoryRepositories: LiveRepository {
    public func liveSessions(_ scope: TenantScope) async throws -> [LiveSession] {
        read { state in
            Array(
                state.liveSessions.values.filter { $0.stateID == scope.stateID }.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.prefix(
                    LiveLimits.sessions))
        }
    }

    public func liveSession(_ scope: TenantScope, id: String) async throws -> LiveSession? {
        read { $0.liveSessions[id].flatMap { $0.stateID == scope.stateID ? $0 : nil } }
    }

    public func addLiveSession(_ session: LiveSession, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard session.stateID == scope.stateID else { throw StoreConflict.missing }
            guard !state.liveSessions.values.contains(where: { $0.code == session.code && $0.status != .ended }) else {
                throw StoreConflict.duplicate(field: "code")
            }
            state.liveSessions[session.id] = session
            state.audit.append(audit)
        }
    }

    public func updateLiveSession(
        _ session: LiveSession, expectedVersion: Int, scope: TenantScope, audit: AuditEvent, events: [LiveEvent]
    ) async throws -> LiveSession {
        let now = clock()
        return try transaction { state in
            guard let stored = state.liveSessions[session.id], stored.stateID == scope.stateID else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            try LiveRuleViolation.checkSettings(stored, session)
            if stored.status != session.status { try LiveRuleViolation.checkSessionMove(stored.status, to: session.status) }
            var changed = session
            changed.code = stored.code
            changed.createdAt = stored.createdAt
            changed.createdBy = stored.createdBy
            changed.version = stored.version + 1
            if changed.status == .ended {
                for index in state.liveRounds.indices
                where state.liveRounds[index].status == .open
                    && state.liveActivities.contains(where: { $0.id == state.liveRounds[index].activityID && $0.sessionID == session.id })
                {
                    state.liveRounds[index].status = .closed
                }
            }
            state.liveSessions[session.id] = changed
            state.audit.append(audit)
            state.appendEvents(events, now: now)
            return changed
        }
    }

    public func liveParticipants(_ scope: TenantScope, sessionID: String) async throws -> [LiveParticipant] {
        read { state in
            guard state.liveSessions[sessionID]?.stateID == scope.stateID else { return [] }
            return state.liveParticipants.map(\.participant).filter { $0.sessionID == sessionID }
        }
    }

    public func setParticipantStatus(
        _ ids: [String], to status: LiveParticipant.Status, sessionID: String, scope: TenantScope, actor: AuditActor
    ) async throws -> Int {
        let now = clock()
        return try transaction { state in
            guard let session = state.liveSessions[sessionID], session.stateID == scope.stateID else { throw StoreConflict.missing }
            var changed = 0
            for index in state.liveParticipants.indices {
                var participant = state.liveParticipants[index].participant
                guard participant.sessionID == sessionID, ids.contains(participant.id), participant.status != status else { continue }
                participant.status = status
                participant.admittedAt = status == .admitted ? now : nil
                state.liveParticipants[index].participant = participant
                state.audit.append(
                    AuditEvent(
                        status == .admitted ? .liveAdmit : .liveRefuse, by: actor, entity: sessionID, state: scope.stateID,
                        ["participant": participant.id]))
                state.appendEvents(
                    [
                        .draft(
                            status == .admitted ? .participantAdmitted : .participantRefused, session: sessionID, audience: .participant,
                            participant: participant.id)
                    ],
                    now: now)
                changed += 1
            }
            return changed
        }
    }

    public func liveActivities(_ scope: TenantScope, sessionID: String) async throws -> [LiveActivity] {
        read { state in
            guard state.liveSessions[sessionID]?.stateID == scope.stateID else { return [] }
            return state.liveActivities.filter { $0.sessionID == sessionID }.sorted { $0.position < $1.position }
        }
    }

    public func addLiveActivity(_ activity: LiveActivity, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let session = state.liveSessions[activity.sessionID], session.stateID == scope.stateID else { throw StoreConflict.missing }
            guard session.status != .ended else { throw LiveRuleViolation.sessionNotRunning(.ended) }
            guard state.liveActivities.filter({ $0.sessionID == activity.sessionID }).count < LiveLimits.activities else {
                throw LiveRuleViolation.full("activities")
            }
            state.liveActivities.append(activity)
            state.audit.append(audit)
        }
    }

    public func liveRounds(_ scope: TenantScope, sessionID: String) async throws -> [LiveRound] {
        read { state in
            guard state.liveSessions[sessionID]?.stateID == scope.stateID else { return [] }
            return state.rounds(of: sessionID)
        }
    }

    public func openLiveRound(activityID: String, sessionID: String, scope: TenantScope, actor: AuditActor) async throws -> LiveRound {
        let now = clock()
        return try transaction { state in
            guard let session = state.liveSessions[sessionID], session.stateID == scope.stateID,
                let activity = state.liveActivities.first(where: { $0.id == activityID && $0.sessionID == sessionID })
            else { throw StoreConflict.missing }
            let activities = state.liveActivities.filter { $0.sessionID == sessionID }
            let number = try LiveRuleViolation.checkOpen(activity, session: session, rounds: state.rounds(of: sessionID), activities: activities)
            let round = LiveRound(activityID: activityID, number: number, status: .open, openedAt: now)
            state.liveRounds.append(round)
            state.audit.append(
                AuditEvent(.liveRoundOpen, by: actor, entity: sessionID, state: scope.stateID, ["activity": activityID, "round": String(number)]))
            state.appendEvents([.draft(.roundOpened, session: sessionID, audience: .everyone)], now: now)
            return round
        }
    }

    public func advanceLiveRound(
        activityID: String, sessionID: String, to target: ScoringRound.Status, scope: TenantScope, actor: AuditActor
    ) async throws -> LiveRound {
        let now = clock()
        return try transaction { state in
            guard let session = state.liveSessions[sessionID], session.stateID == scope.stateID,
                let index = state.liveRounds.indices.filter({ state.liveRounds[$0].activityID == activityID }).max(by: {
                    state.liveRounds[$0].number < state.liveRounds[$1].number
                }),
                state.liveActivities.contains(where: { $0.id == activityID && $0.sessionID == sessionID })
            else { throw StoreConflict.missing }
            try LiveRuleViolation.checkAdvance(state.liveRounds[index], to: target)
            state.liveRounds[index].status = target
            if target == .revealed { state.liveRounds[index].revealedAt = now }
            let number = String(state.liveRounds[index].number)
            state.audit.append(
                AuditEvent(
                    target == .revealed ? .liveRoundReveal : .liveRoundClose, by: actor, entity: sessionID, state: scope.stateID,
                    ["activity": activityID, "round": number]))
            state.appendEvents([.draft(target == .revealed ? .roundRevealed : .roundClosed, session: sessionID, audience: .everyone)], now: now)
            return state.liveRounds[index]
        }
    }

    public func liveSubmissions(_ scope: TenantScope, sessionID: String, activityID: String) async throws -> [LiveSubmission] {
        read { state in
            guard state.liveSessions[sessionID]?.stateID == scope.stateID,
                state.liveActivities.contains(where: { $0.id == activityID && $0.sessionID == sessionID })
            else { return [] }
            return state.liveSubmissions.filter { $0.activityID == activityID }
        }
    }

    public func liveSubmissionCounts(_ scope: TenantScope, sessionID: String) async throws -> [String: [Int: Int]] {
        read { state in
            guard state.liveSessions[sessionID]?.stateID == scope.stateID else { return [:] }
            let activities = Set(state.liveActivities.filter { $0.sessionID == sessionID }.map(\.id))
            var people: [String: [Int: Set<String>]] = [:]
            for submission in state.liveSubmissions where activities.contains(submission.activityID) {
                people[submission.activityID, default: [:]][submission.round, default: []].insert(submission.participantID)
            }
            for idea in state.liveIdeas where activities.contains(idea.activityID) {
                people[idea.activityID, default: [:]][1, default: []].insert(idea.participantID)
            }
            return people.mapValues { $0.mapValues(\.count) }
        }
    }

    public func liveIdeas(_ scope: TenantScope, sessionID: String, activityID: String) async throws -> [LiveIdea] {
        read { state in
            guard state.liveSessions[sessionID]?.stateID == scope.stateID,
                state.liveActivities.contains(where: { $0.id == activityID && $0.sessionID == sessionID })
            else { return [] }
            return state.liveIdeas.filter { $0.activityID == activityID }
        }
    }

    public func updateLiveIdea(_ idea: LiveIdea, sessionID: String, scope: TenantScope, audit: AuditEvent) async throws -> LiveIdea {
        let now = clock()
        return try transaction { state in
            guard state.liveSessions[sessionID]?.stateID == scope.stateID,
                state.liveActivities.contains(where: { $0.id == idea.activityID && $0.sessionID == sessionID }),
                let index = state.liveIdeas.firstIndex(where: { $0.id == idea.id && $0.activityID == idea.activityID })
            else { throw StoreConflict.missing }
            if let target = idea.mergedInto, target != state.liveIdeas[index].mergedInto {
                guard target != idea.id, let into = state.liveIdeas.first(where: { $0.id == target && $0.activityID == idea.activityID }),
                    into.isVotable
                else { throw LiveRuleViolation.invalidMerge }
            }
            var changed = state.liveIdeas[index]
            changed.hidden = idea.hidden
            changed.mergedInto = idea.mergedInto
            changed.scenarioID = idea.scenarioID
            state.liveIdeas[index] = changed
            state.audit.append(audit)
            state.appendEvents([.draft(.ideaModerated, session: sessionID, audience: .everyone)], now: now)
            return changed
        }
    }

    public func liveEvents(_ scope: TenantScope, sessionID: String, after sequence: Int64, limit: Int) async throws -> [LiveEvent] {
        read { state in
            guard state.liveSessions[sessionID]?.stateID == scope.stateID else { return [] }
            return Array(state.liveEvents.filter { $0.sessionID == sessionID && $0.sequence > sequence }.prefix(limit))
        }
    }

    public func liveSession(code: String) async throws -> LiveSession? {
        read { state in state.liveSessions.values.first { $0.code == code && $0.status != .ended } }
    }

    public func joinLiveSession(_ participant: LiveParticipant, tokenHash: String, audit: AuditEvent) async throws -> LiveParticipant {
        let now = clock()
        return try transaction { state in
            guard let session = state.liveSessions[participant.sessionID] else { throw StoreConflict.missing }
            guard session.status == .running else { throw LiveRuleViolation.sessionNotRunning(session.status) }
            let count = state.liveParticipants.filter { $0.participant.sessionID == session.id }.count
            guard count < LiveLimits.participants else { throw LiveRuleViolation.full("participants") }
            var stored = participant
            stored.number = count + 1
            stored.status = .waiting
            state.liveParticipants.append((stored, tokenHash))
            state.audit.append(audit)
            state.appendEvents([.draft(.participantWaiting, session: session.id, audience: .facilitator, participant: stored.id)], now: now)
            return stored
        }
    }

    public func liveParticipant(tokenHash: String) async throws -> (LiveParticipant, LiveSession)? {
        read { state in
            guard let entry = state.liveParticipants.first(where: { $0.tokenHash == tokenHash }),
                let session = state.liveSessions[entry.participant.sessionID]
            else { return nil }
            return (entry.participant, session)
        }
    }

    public func liveActivities(_ pass: ParticipantPass) async throws -> [LiveActivity] {
        read { state in state.liveActivities.filter { $0.sessionID == pass.sessionID }.sorted { $0.position < $1.position } }
    }

    public func liveRounds(_ pass: ParticipantPass) async throws -> [LiveRound] {
        read { state in state.rounds(of: pass.sessionID) }
    }

    public func ownSubmissions(_ pass: ParticipantPass, activityID: String) async throws -> [LiveSubmission] {
        read { state in
            guard state.liveActivities.contains(where: { $0.id == activityID && $0.sessionID == pass.sessionID }) else { return [] }
            return state.liveSubmissions.filter { $0.activityID == activityID && $0.participantID == pass.participantID }
        }
    }

    public func liveIdeas(_ pass: ParticipantPass, activityID: String) async throws -> [LiveIdea] {
        read { state in
            guard state.liveActivities.contains(where: { $0.id == activityID && $0.sessionID == pass.sessionID }) else { return [] }
            return state.liveIdeas.filter { $0.activityID == activityID && ($0.isVotable || $0.participantID == pass.participantID) }
        }
    }

    public func submitLive(_ submission: LiveSubmission, pass: ParticipantPass, audit: AuditEvent) async throws {
        let now = clock()
        try transaction { state in
            try state.checkAnswer(pass, activityID: submission.activityID, round: submission.round)
            guard submission.participantID == pass.participantID else { throw StoreConflict.missing }
            state.liveSubmissions.removeAll {
                $0.activityID == submission.activityID && $0.round == submission.round && $0.participantID == submission.participantID
                    && $0.itemKey == submission.itemKey
            }
            state.liveSubmissions.append(submission)
            state.audit.append(audit)
            state.appendEvents([.draft(.submission, session: pass.sessionID, audience: .facilitator)], now: now)
        }
    }

    public func addLiveIdea(_ idea: LiveIdea, pass: ParticipantPass, audit: AuditEvent) async throws {
        let now = clock()
        try transaction { state in
            try state.checkAnswer(pass, activityID: idea.activityID, round: 1)
            guard idea.participantID == pass.participantID else { throw StoreConflict.missing }
            let board = state.liveIdeas.filter { $0.activityID == idea.activityID }
            guard board.count < LiveLimits.ideas, board.filter({ $0.participantID == idea.participantID }).count < LiveLimits.ideasPerParticipant
            else {
                throw LiveRuleViolation.full("ideas")
            }
            state.liveIdeas.append(idea)
            state.audit.append(audit)
            state.appendEvents([.draft(.ideaAdded, session: pass.sessionID, audience: .facilitator)], now: now)
        }
    }

    public func liveEvents(_ pass: ParticipantPass, after sequence: Int64, limit: Int) async throws -> [LiveEvent] {
        read { state in
            Array(
                state.liveEvents.filter { $0.sessionID == pass.sessionID && $0.sequence > sequence && $0.isHeard(by: pass.participantID) }.prefix(
                    limit))
        }
    }
}

extension InMemoryStorage {
    /// Every round of the session's activities.
    func rounds(of sessionID: String) -> [LiveRound] {
        let activities = Set(liveActivities.filter { $0.sessionID == sessionID }.map(\.id))
        return liveRounds.filter { activities.contains($0.activityID) }
    }

    /// Numbers and keeps events, as the outbox table does.
    mutating func appendEvents(_ events: [LiveEvent], now: Int64) {
        for event in events {
            var numbered = event
            numbered.sequence = (liveEvents.last?.sequence ?? 0) + 1
            numbered.createdAt = now
            liveEvents.append(numbered)
        }
    }

    /// ``LiveRuleViolation/checkAnswer(session:participant:round:)`` on the stored session, participant and round.
    func checkAnswer(_ pass: ParticipantPass, activityID: String, round number: Int) throws {
        guard let session = liveSessions[pass.sessionID],
            let participant = liveParticipants.first(where: { $0.participant.id == pass.participantID })?.participant,
            liveActivities.contains(where: { $0.id == activityID && $0.sessionID == pass.sessionID })
        else { throw StoreConflict.missing }
        let round = liveRounds.filter { $0.activityID == activityID }.max { $0.number < $1.number }
        try LiveRuleViolation.checkAnswer(session: session, participant: participant, round: round?.number == number ? round : nil)
    }
}
