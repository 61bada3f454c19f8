import CTTechCore
import Foundation
import SQLKit

/// Live workshop sessions (issue 12, ``LiveRepository``). Every query names the state (facilitator methods: the scope's;
/// participant methods: the pass's session and state). Every write runs in one transaction that locks the session row
/// (PostgreSQL: `FOR UPDATE`; SQLite: the single writer), reads what its Core check needs, calls the check, writes, appends
/// its audit entry and then its outbox events, numbered under the audit head's lock so that their order is the commit
/// order (M0012).
public struct LiveStore: LiveRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    // MARK: Rows

    struct SessionRow: Codable {
        var id: String
        var stateId: String
        var assessmentId: String?
        var title: String
        var code: String
        var anonymity: String
        var attributes: String
        var minimumGroup: Int
        var status: String
        var createdBy: String
        var createdAt: Int64
        var startedAt: Int64?
        var endedAt: Int64?
        var version: Int

        init(_ session: LiveSession) throws {
            id = session.id
            stateId = session.stateID
            assessmentId = session.assessmentID
            title = session.title
            code = session.code
            anonymity = session.anonymity.rawValue
            attributes = try LiveStore.json(session.askedAttributes)
            minimumGroup = session.minimumGroupSize
            status = session.status.rawValue
            createdBy = session.createdBy
            createdAt = session.createdAt
            startedAt = session.startedAt
            endedAt = session.endedAt
            version = session.version
        }

        func session() throws -> LiveSession {
            guard let anonymity = LiveAnonymity(rawValue: anonymity), let status = LiveSession.Status(rawValue: status) else {
                throw StoreError.corrupt("live session \(id) has an unknown anonymity or status")
            }
            return LiveSession(
                id: id, stateID: stateId, assessmentID: assessmentId, title: title, code: code, anonymity: anonymity,
                askedAttributes: try LiveStore.decode([LiveAttribute].self, attributes), minimumGroupSize: minimumGroup, status: status,
                createdBy: createdBy,
                createdAt: createdAt, startedAt: startedAt, endedAt: endedAt, version: version)
        }
    }

    struct ParticipantRow: Codable {
        var id: String
        var sessionId: String
        var stateId: String
        var number: Int
        var name: String?
        var checkCode: String
        var attributes: String
        var status: String
        var tokenHash: String
        var joinedAt: Int64
        var admittedAt: Int64?

        init(_ participant: LiveParticipant, stateID: String, tokenHash: String) throws {
            id = participant.id
            sessionId = participant.sessionID
            stateId = stateID
            number = participant.number
            name = participant.name
            checkCode = participant.checkCode
            attributes = try LiveStore.json(Dictionary(uniqueKeysWithValues: participant.attributes.values.map { ($0.key.rawValue, $0.value) }))
            status = participant.status.rawValue
            self.tokenHash = tokenHash
            joinedAt = participant.joinedAt
            admittedAt = participant.admittedAt
        }

        func participant() throws -> LiveParticipant {
            guard let status = LiveParticipant.Status(rawValue: status) else {
                throw StoreError.corrupt("live participant \(id) has an unknown status")
            }
            let declared = try LiveStore.decode([String: String].self, attributes)
            var values: [LiveAttribute: String] = [:]
            for (key, value) in declared { if let attribute = LiveAttribute(rawValue: key) { values[attribute] = value } }
            return LiveParticipant(
                id: id, sessionID: sessionId, number: number, name: name, checkCode: checkCode, attributes: LiveAttributes(values), status: status,
                joinedAt: joinedAt, admittedAt: admittedAt)
        }
    }

    struct ActivityRow: Codable {
        var id: String
        var sessionId: String
        var stateId: String
        var kind: String
        var title: String
        var position: Int
        var items: String
        var itemLimit: Int
        var createdAt: Int64

        init(_ activity: LiveActivity, stateID: String) throws {
            id = activity.id
            sessionId = activity.sessionID
            stateId = stateID
            kind = activity.kind.rawValue
            title = activity.title
            position = activity.position
            items = try LiveStore.json(activity.items)
            itemLimit = activity.limit
            createdAt = activity.createdAt
        }

        func activity() throws -> LiveActivity {
            guard let kind = LiveActivity.Kind(rawValue: kind) else { throw StoreError.corrupt("live activity \(id) has an unknown kind") }
            return LiveActivity(
                id: id, sessionID: sessionId, kind: kind, title: title, position: position, items: try LiveStore.decode([LiveItem].self, items),
                limit: itemLimit, createdAt: createdAt)
        }
    }

    struct RoundRow: Codable {
        var activityId: String
        var sessionId: String
        var stateId: String
        var number: Int
        var status: String
        var openedAt: Int64
        var revealedAt: Int64?

        func round() throws -> LiveRound {
            guard let status = ScoringRound.Status(rawValue: status) else {
                throw StoreError.corrupt("live round of \(activityId) has an unknown status")
            }
            return LiveRound(activityID: activityId, number: number, status: status, openedAt: openedAt, revealedAt: revealedAt)
        }
    }

    struct SubmissionRow: Codable {
        var activityId: String
        var round: Int
        var participantId: String
        var itemKey: String
        var sessionId: String
        var stateId: String
        var answer: String
        var submittedAt: Int64

        func submission() throws -> LiveSubmission {
            LiveSubmission(
                activityID: activityId, round: round, participantID: participantId, itemKey: itemKey,
                answer: try LiveStore.decode(LiveAnswer.self, answer),
                submittedAt: submittedAt)
        }
    }

    struct IdeaRow: Codable {
        var id: String
        var activityId: String
        var sessionId: String
        var stateId: String
        var participantId: String
        var text: String
        var hidden: Bool
        var mergedInto: String?
        var scenarioId: String?
        var createdAt: Int64

        func idea() -> LiveIdea {
            LiveIdea(
                id: id, activityID: activityId, participantID: participantId, text: text, hidden: hidden, mergedInto: mergedInto,
                scenarioID: scenarioId,
                createdAt: createdAt)
        }
    }

    struct EventRow: Codable {
        var seq: Int64
        var sessionId: String
        var stateId: String
        var kind: String
        var audience: String
        var participantId: String?
        var createdAt: Int64

        func event() throws -> LiveEvent {
            guard let kind = LiveEvent.Kind(rawValue: kind), let audience = LiveEvent.Audience(rawValue: audience) else {
                throw StoreError.corrupt("live event \(seq) has an unknown kind or audience")
            }
            return LiveEvent(sequence: seq, sessionID: sessionId, kind: kind, audience: audience, participantID: participantId, createdAt: createdAt)
        }
    }

    struct SequenceRow: Codable {
        var seq: Int64?
    }

    // MARK: Sessions

    public func liveSessions(_ scope: TenantScope) async throws -> [LiveSession] {
        try await persistence.sql.select().column("*").from("live_sessions").where("state_id", .equal, SQLBind(scope.stateID))
            .orderBy("created_at", .descending).orderBy("id", .descending).limit(LiveLimits.sessions)
            .all(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.session() }
    }

    public func liveSession(_ scope: TenantScope, id: String) async throws -> LiveSession? {
        try await Self.session(id: id, stateID: scope.stateID, on: persistence.sql)
    }

    public func addLiveSession(_ session: LiveSession, scope: TenantScope, audit: AuditEvent) async throws {
        guard session.stateID == scope.stateID else { throw StoreConflict.missing }
        let kind = persistence.kind
        let row = try SessionRow(session)
        try await persistence.write { tx in
            if try await Self.openSession(code: session.code, on: tx) != nil { throw StoreConflict.duplicate(field: "code") }
            try await tx.insert(into: "live_sessions").model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            try await Self.pruneEvents(before: session.createdAt - Self.eventRetention, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// How long the events of an ended session are kept: its screens have closed their streams long before.
    static let eventRetention: Int64 = 24 * 3600 * 1000

    /// Removes the outbox events of sessions that ended before `cutoff` (epoch milliseconds), so the outbox of a central
    /// server does not grow with every workshop ever run. The newest event is always kept: numbers are allocated as
    /// MAX + 1, and a stream's `Last-Event-ID` must never see a number again.
    static func pruneEvents(before cutoff: Int64, on tx: any SQLDatabase) async throws {
        try await tx.raw(
            """
            DELETE FROM live_events WHERE session_id IN (SELECT id FROM live_sessions WHERE status = 'ended' AND ended_at < \(bind: cutoff))
            AND seq < (SELECT MAX(seq) FROM live_events)
            """
        ).run()
    }

    public func updateLiveSession(
        _ session: LiveSession, expectedVersion: Int, scope: TenantScope, audit: AuditEvent, events: [LiveEvent]
    ) async throws -> LiveSession {
        let kind = persistence.kind
        return try await written(session.id, facilitatorsOnly: events.allSatisfy { $0.audience == .facilitator }) { tx in
            guard let stored = try await Self.lockedSession(session.id, stateID: scope.stateID, kind: kind, on: tx) else {
                throw StoreConflict.missing
            }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            try LiveRuleViolation.checkSettings(stored, session)
            if stored.status != session.status { try LiveRuleViolation.checkSessionMove(stored.status, to: session.status) }
            var changed = session
            changed.stateID = stored.stateID
            changed.code = stored.code
            changed.createdAt = stored.createdAt
            changed.createdBy = stored.createdBy
            changed.version = stored.version + 1
            let row = try SessionRow(changed)
            try await tx.update("live_sessions").set(
                "assessment_id", to: row.assessmentId.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null
            )
            .set("title", to: SQLBind(row.title)).set("anonymity", to: SQLBind(row.anonymity)).set("attributes", to: SQLBind(row.attributes))
            .set("minimum_group", to: SQLBind(row.minimumGroup)).set("status", to: SQLBind(row.status))
            .set("started_at", to: row.startedAt.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            .set("ended_at", to: row.endedAt.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null).set("version", to: SQLBind(row.version))
            .where("id", .equal, SQLBind(stored.id)).where("state_id", .equal, SQLBind(scope.stateID)).run()
            if changed.status == .ended {
                try await tx.update("live_rounds").set("status", to: SQLBind(ScoringRound.Status.closed.rawValue))
                    .where("session_id", .equal, SQLBind(stored.id)).where("state_id", .equal, SQLBind(scope.stateID))
                    .where("status", .equal, SQLBind(ScoringRound.Status.open.rawValue)).run()
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            try await Self.append(events, stateID: scope.stateID, on: tx)
            return changed
        }
    }

    // MARK: Participants

    public func liveParticipants(_ scope: TenantScope, sessionID: String) async throws -> [LiveParticipant] {
        try await persistence.sql.select().column("*").from("live_participants").where("state_id", .equal, SQLBind(scope.stateID))
            .where("session_id", .equal, SQLBind(sessionID)).orderBy("number").limit(LiveLimits.participants)
            .all(decoding: ParticipantRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.participant() }
    }

    public func setParticipantStatus(
        _ ids: [String], to status: LiveParticipant.Status, sessionID: String, scope: TenantScope, actor: AuditActor
    ) async throws -> Int {
        let kind = persistence.kind
        return try await written(sessionID, facilitatorsOnly: false) { tx in
            guard try await Self.lockedSession(sessionID, stateID: scope.stateID, kind: kind, on: tx) != nil else { throw StoreConflict.missing }
            let wanted = Set(ids)
            let participants = try await tx.select().column("*").from("live_participants").where("state_id", .equal, SQLBind(scope.stateID))
                .where("session_id", .equal, SQLBind(sessionID)).limit(LiveLimits.participants)
                .all(decoding: ParticipantRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                .filter { wanted.contains($0.id) && $0.status != status.rawValue }
            let now = epochMilliseconds()
            for row in participants {
                try await tx.update("live_participants").set("status", to: SQLBind(status.rawValue))
                    .set("admitted_at", to: status == .admitted ? SQLBind(now) as any SQLExpression : SQLLiteral.null)
                    .where("id", .equal, SQLBind(row.id)).where("state_id", .equal, SQLBind(scope.stateID)).run()
                try await AuditLogStore.append(
                    AuditEvent(
                        status == .admitted ? .liveAdmit : .liveRefuse, by: actor, entity: sessionID, state: scope.stateID, ["participant": row.id]),
                    on: tx, kind: kind)
                try await Self.append(
                    [
                        .draft(
                            status == .admitted ? .participantAdmitted : .participantRefused, session: sessionID, audience: .participant,
                            participant: row.id)
                    ],
                    stateID: scope.stateID, on: tx)
            }
            return participants.count
        }
    }

    // MARK: Activities and rounds

    public func liveActivities(_ scope: TenantScope, sessionID: String) async throws -> [LiveActivity] {
        try await Self.activities(sessionID: sessionID, stateID: scope.stateID, on: persistence.sql)
    }

    public func addLiveActivity(_ activity: LiveActivity, scope: TenantScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        let row = try ActivityRow(activity, stateID: scope.stateID)
        try await persistence.write { tx in
            guard let session = try await Self.lockedSession(activity.sessionID, stateID: scope.stateID, kind: kind, on: tx) else {
                throw StoreConflict.missing
            }
            guard session.status != .ended else { throw LiveRuleViolation.sessionNotRunning(.ended) }
            let existing = try await Self.activities(sessionID: activity.sessionID, stateID: scope.stateID, on: tx)
            guard existing.count < LiveLimits.activities else { throw LiveRuleViolation.full("activities") }
            try await tx.insert(into: "live_activities").model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func liveRounds(_ scope: TenantScope, sessionID: String) async throws -> [LiveRound] {
        try await Self.rounds(sessionID: sessionID, stateID: scope.stateID, on: persistence.sql)
    }

    public func openLiveRound(activityID: String, sessionID: String, scope: TenantScope, actor: AuditActor) async throws -> LiveRound {
        let kind = persistence.kind
        return try await written(sessionID, facilitatorsOnly: false) { tx in
            guard let session = try await Self.lockedSession(sessionID, stateID: scope.stateID, kind: kind, on: tx) else {
                throw StoreConflict.missing
            }
            let activities = try await Self.activities(sessionID: sessionID, stateID: scope.stateID, on: tx)
            guard let activity = activities.first(where: { $0.id == activityID }) else { throw StoreConflict.missing }
            let rounds = try await Self.rounds(sessionID: sessionID, stateID: scope.stateID, on: tx)
            let number = try LiveRuleViolation.checkOpen(activity, session: session, rounds: rounds, activities: activities)
            let round = LiveRound(activityID: activityID, number: number, status: .open, openedAt: epochMilliseconds())
            try await tx.insert(into: "live_rounds")
                .model(
                    RoundRow(
                        activityId: activityID, sessionId: sessionID, stateId: scope.stateID, number: number, status: round.status.rawValue,
                        openedAt: round.openedAt, revealedAt: nil), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
                ).run()
            try await AuditLogStore.append(
                AuditEvent(.liveRoundOpen, by: actor, entity: sessionID, state: scope.stateID, ["activity": activityID, "round": String(number)]),
                on: tx,
                kind: kind)
            try await Self.append([.draft(.roundOpened, session: sessionID, audience: .everyone)], stateID: scope.stateID, on: tx)
            return round
        }
    }

    public func advanceLiveRound(
        activityID: String, sessionID: String, to target: ScoringRound.Status, scope: TenantScope, actor: AuditActor
    ) async throws -> LiveRound {
        let kind = persistence.kind
        return try await written(sessionID, facilitatorsOnly: false) { tx in
            guard try await Self.lockedSession(sessionID, stateID: scope.stateID, kind: kind, on: tx) != nil,
                var round = try await Self.rounds(sessionID: sessionID, stateID: scope.stateID, on: tx).filter({ $0.activityID == activityID })
                    .max(by: { $0.number < $1.number })
            else { throw StoreConflict.missing }
            try LiveRuleViolation.checkAdvance(round, to: target)
            round.status = target
            if target == .revealed { round.revealedAt = epochMilliseconds() }
            try await tx.update("live_rounds").set("status", to: SQLBind(target.rawValue))
                .set("revealed_at", to: round.revealedAt.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .where("activity_id", .equal, SQLBind(activityID)).where("number", .equal, SQLBind(round.number))
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
            try await AuditLogStore.append(
                AuditEvent(
                    target == .revealed ? .liveRoundReveal : .liveRoundClose, by: actor, entity: sessionID, state: scope.stateID,
                    ["activity": activityID, "round": String(round.number)]), on: tx, kind: kind)
            try await Self.append(
                [.draft(target == .revealed ? .roundRevealed : .roundClosed, session: sessionID, audience: .everyone)], stateID: scope.stateID, on: tx
            )
            return round
        }
    }

    // MARK: Answers and ideas (facilitator)

    public func liveSubmissions(_ scope: TenantScope, sessionID: String, activityID: String) async throws -> [LiveSubmission] {
        try await persistence.sql.select().column("*").from("live_submissions").where("state_id", .equal, SQLBind(scope.stateID))
            .where("session_id", .equal, SQLBind(sessionID)).where("activity_id", .equal, SQLBind(activityID))
            .orderBy("round").orderBy("submitted_at").limit(LiveLimits.participants * LiveLimits.items * LiveLimits.rounds)
            .all(decoding: SubmissionRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.submission() }
    }

    struct CountRow: Codable {
        var activityId: String
        var round: Int
        var people: Int
    }

    public func liveSubmissionCounts(_ scope: TenantScope, sessionID: String) async throws -> [String: [Int: Int]] {
        let sql = persistence.sql
        let answers = try await sql.raw(
            """
            SELECT activity_id, round, COUNT(DISTINCT participant_id) AS people FROM live_submissions
            WHERE state_id = \(bind: scope.stateID) AND session_id = \(bind: sessionID) GROUP BY activity_id, round
            """
        ).all(decoding: CountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let ideas = try await sql.raw(
            """
            SELECT activity_id, 1 AS round, COUNT(DISTINCT participant_id) AS people FROM live_ideas
            WHERE state_id = \(bind: scope.stateID) AND session_id = \(bind: sessionID) GROUP BY activity_id
            """
        ).all(decoding: CountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var counts: [String: [Int: Int]] = [:]
        for row in answers + ideas { counts[row.activityId, default: [:]][row.round] = row.people }
        return counts
    }

    public func liveIdeas(_ scope: TenantScope, sessionID: String, activityID: String) async throws -> [LiveIdea] {
        try await Self.ideas(activityID: activityID, sessionID: sessionID, stateID: scope.stateID, on: persistence.sql)
    }

    public func updateLiveIdea(_ idea: LiveIdea, sessionID: String, scope: TenantScope, audit: AuditEvent) async throws -> LiveIdea {
        let kind = persistence.kind
        return try await written(sessionID, facilitatorsOnly: false) { tx in
            guard try await Self.lockedSession(sessionID, stateID: scope.stateID, kind: kind, on: tx) != nil else { throw StoreConflict.missing }
            let ideas = try await Self.ideas(activityID: idea.activityID, sessionID: sessionID, stateID: scope.stateID, on: tx)
            guard var stored = ideas.first(where: { $0.id == idea.id }) else { throw StoreConflict.missing }
            if let target = idea.mergedInto, target != stored.mergedInto {
                guard target != idea.id, let into = ideas.first(where: { $0.id == target }), into.isVotable else {
                    throw LiveRuleViolation.invalidMerge
                }
            }
            stored.hidden = idea.hidden
            stored.mergedInto = idea.mergedInto
            stored.scenarioID = idea.scenarioID
            try await tx.update("live_ideas").set("hidden", to: SQLBind(stored.hidden))
                .set("merged_into", to: stored.mergedInto.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .set("scenario_id", to: stored.scenarioID.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .where("id", .equal, SQLBind(stored.id)).where("state_id", .equal, SQLBind(scope.stateID)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            try await Self.append([.draft(.ideaModerated, session: sessionID, audience: .everyone)], stateID: scope.stateID, on: tx)
            return stored
        }
    }

    public func liveEvents(_ scope: TenantScope, sessionID: String, after sequence: Int64, limit: Int) async throws -> [LiveEvent] {
        try await persistence.sql.select().column("*").from("live_events").where("session_id", .equal, SQLBind(sessionID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("seq", .greaterThan, SQLBind(sequence)).orderBy("seq").limit(limit)
            .all(decoding: EventRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.event() }
    }

    // MARK: Participants' side

    public func liveSession(code: String) async throws -> LiveSession? {
        try await Self.openSession(code: code, on: persistence.sql)
    }

    public func joinLiveSession(_ participant: LiveParticipant, tokenHash: String, audit: AuditEvent) async throws -> LiveParticipant {
        let kind = persistence.kind
        return try await written(participant.sessionID, facilitatorsOnly: true) { tx in
            guard let stateID = try await Self.stateOf(session: participant.sessionID, on: tx),
                let session = try await Self.lockedSession(participant.sessionID, stateID: stateID, kind: kind, on: tx)
            else { throw StoreConflict.missing }
            guard session.status == .running else { throw LiveRuleViolation.sessionNotRunning(session.status) }
            let count =
                try await tx.raw(
                    "SELECT MAX(number) AS seq FROM live_participants WHERE session_id = \(bind: session.id) AND state_id = \(bind: stateID)"
                )
                .first(decoding: SequenceRow.self)?.seq ?? 0
            guard count < Int64(LiveLimits.participants) else { throw LiveRuleViolation.full("participants") }
            var stored = participant
            stored.number = Int(count) + 1
            stored.status = .waiting
            try await tx.insert(into: "live_participants")
                .model(
                    ParticipantRow(stored, stateID: stateID, tokenHash: tokenHash), keyEncodingStrategy: .convertToSnakeCase,
                    nilEncodingStrategy: .asNil
                )
                .run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            try await Self.append(
                [.draft(.participantWaiting, session: session.id, audience: .facilitator, participant: stored.id)], stateID: stateID, on: tx)
            return stored
        }
    }

    public func liveParticipant(tokenHash: String) async throws -> (LiveParticipant, LiveSession)? {
        let sql = persistence.sql
        guard
            let row = try await sql.select().column("*").from("live_participants").where("token_hash", .equal, SQLBind(tokenHash))
                .first(decoding: ParticipantRow.self, keyDecodingStrategy: .convertFromSnakeCase),
            let session = try await Self.session(id: row.sessionId, stateID: row.stateId, on: sql)
        else { return nil }
        return (try row.participant(), session)
    }

    public func liveActivities(_ pass: ParticipantPass) async throws -> [LiveActivity] {
        try await Self.activities(sessionID: pass.sessionID, stateID: pass.stateID, on: persistence.sql)
    }

    public func liveRounds(_ pass: ParticipantPass) async throws -> [LiveRound] {
        try await Self.rounds(sessionID: pass.sessionID, stateID: pass.stateID, on: persistence.sql)
    }

    public func ownSubmissions(_ pass: ParticipantPass, activityID: String) async throws -> [LiveSubmission] {
        try await persistence.sql.select().column("*").from("live_submissions").where("state_id", .equal, SQLBind(pass.stateID))
            .where("session_id", .equal, SQLBind(pass.sessionID)).where("activity_id", .equal, SQLBind(activityID))
            .where("participant_id", .equal, SQLBind(pass.participantID)).orderBy("round").limit(LiveLimits.items * LiveLimits.rounds)
            .all(decoding: SubmissionRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.submission() }
    }

    public func liveIdeas(_ pass: ParticipantPass, activityID: String) async throws -> [LiveIdea] {
        try await Self.ideas(activityID: activityID, sessionID: pass.sessionID, stateID: pass.stateID, on: persistence.sql).filter {
            $0.isVotable || $0.participantID == pass.participantID
        }
    }

    public func submitLive(_ submission: LiveSubmission, pass: ParticipantPass, audit: AuditEvent) async throws {
        guard submission.participantID == pass.participantID else { throw StoreConflict.missing }
        let kind = persistence.kind
        let row = SubmissionRow(
            activityId: submission.activityID, round: submission.round, participantId: submission.participantID, itemKey: submission.itemKey,
            sessionId: pass.sessionID, stateId: pass.stateID, answer: try Self.json(submission.answer), submittedAt: submission.submittedAt)
        try await written(pass.sessionID, facilitatorsOnly: true) { tx in
            try await Self.checkAnswer(pass, activityID: submission.activityID, round: submission.round, kind: kind, on: tx)
            try await tx.delete(from: "live_submissions").where("activity_id", .equal, SQLBind(row.activityId)).where(
                "round", .equal, SQLBind(row.round)
            )
            .where("participant_id", .equal, SQLBind(row.participantId)).where("item_key", .equal, SQLBind(row.itemKey))
            .where("state_id", .equal, SQLBind(pass.stateID)).run()
            try await tx.insert(into: "live_submissions").model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            try await Self.append([.draft(.submission, session: pass.sessionID, audience: .facilitator)], stateID: pass.stateID, on: tx)
        }
    }

    public func addLiveIdea(_ idea: LiveIdea, pass: ParticipantPass, audit: AuditEvent) async throws {
        guard idea.participantID == pass.participantID else { throw StoreConflict.missing }
        let kind = persistence.kind
        try await written(pass.sessionID, facilitatorsOnly: true) { tx in
            try await Self.checkAnswer(pass, activityID: idea.activityID, round: 1, kind: kind, on: tx)
            let board = try await Self.ideas(activityID: idea.activityID, sessionID: pass.sessionID, stateID: pass.stateID, on: tx)
            guard board.count < LiveLimits.ideas, board.filter({ $0.participantID == idea.participantID }).count < LiveLimits.ideasPerParticipant
            else {
                throw LiveRuleViolation.full("ideas")
            }
            try await tx.insert(into: "live_ideas")
                .model(
                    IdeaRow(
                        id: idea.id, activityId: idea.activityID, sessionId: pass.sessionID, stateId: pass.stateID, participantId: idea.participantID,
                        text: idea.text, hidden: false, mergedInto: nil, scenarioId: nil, createdAt: idea.createdAt),
                    keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
                ).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            try await Self.append([.draft(.ideaAdded, session: pass.sessionID, audience: .facilitator)], stateID: pass.stateID, on: tx)
        }
    }

    public func liveEvents(_ pass: ParticipantPass, after sequence: Int64, limit: Int) async throws -> [LiveEvent] {
        try await persistence.sql.raw(
            """
            SELECT * FROM live_events WHERE session_id = \(bind: pass.sessionID) AND state_id = \(bind: pass.stateID) AND seq > \(bind: sequence)
            AND (audience = 'everyone' OR (audience = 'participant' AND participant_id = \(bind: pass.participantID)))
            ORDER BY seq LIMIT \(bind: limit)
            """
        ).all(decoding: EventRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.event() }
    }

    /// The newest event number of the whole outbox (0 when empty): where a new stream starts.
    public func latestEventSequence() async throws -> Int64 {
        try await persistence.sql.raw("SELECT MAX(seq) AS seq FROM live_events").first(decoding: SequenceRow.self)?.seq ?? 0
    }

    // MARK: Helpers

    /// Runs a write that adds outbox events, then, on PostgreSQL, wakes the other instances' streams of the session
    /// (`NOTIFY` on ``LiveNotifier/channel``, payload `<session id>|facilitator` when only facilitators hear the events,
    /// else `<session id>|everyone`). The notification is sent after the commit, in its own statement: PostgreSQL
    /// serialises the commits of notifying transactions, so notifying inside the write would hold the session's row lock
    /// through that queue. A lost notification only delays a stream until its next keep-alive tick, when it reads the
    /// outbox anyway.
    func written<T: Sendable>(
        _ sessionID: String, facilitatorsOnly: Bool, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let value = try await persistence.write(body)
        if persistence.kind == .postgres {
            let payload = sessionID + (facilitatorsOnly ? "|facilitator" : "|everyone")
            try? await persistence.sql.raw("SELECT pg_notify(\(bind: LiveNotifier.channel), \(bind: payload))").run()
        }
        return value
    }

    static func session(id: String, stateID: String, on sql: any SQLDatabase) async throws -> LiveSession? {
        try await sql.select().column("*").from("live_sessions").where("id", .equal, SQLBind(id)).where("state_id", .equal, SQLBind(stateID))
            .first(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.session()
    }

    /// The session, its row locked until the transaction ends on PostgreSQL (SQLite has one writer at a time).
    static func lockedSession(_ id: String, stateID: String, kind: DatabaseKind, on tx: any SQLDatabase) async throws -> LiveSession? {
        guard kind == .postgres else { return try await session(id: id, stateID: stateID, on: tx) }
        return try await tx.raw("SELECT * FROM live_sessions WHERE id = \(bind: id) AND state_id = \(bind: stateID) FOR UPDATE")
            .first(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.session()
    }

    struct StateRow: Codable {
        var stateId: String
    }

    static func stateOf(session id: String, on sql: any SQLDatabase) async throws -> String? {
        try await sql.select().column("state_id").from("live_sessions").where("id", .equal, SQLBind(id))
            .first(decoding: StateRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.stateId
    }

    static func openSession(code: String, on sql: any SQLDatabase) async throws -> LiveSession? {
        try await sql.select().column("*").from("live_sessions").where("code", .equal, SQLBind(code))
            .where("status", .notEqual, SQLBind(LiveSession.Status.ended.rawValue))
            .first(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.session()
    }

    static func activities(sessionID: String, stateID: String, on sql: any SQLDatabase) async throws -> [LiveActivity] {
        try await sql.select().column("*").from("live_activities").where("state_id", .equal, SQLBind(stateID))
            .where("session_id", .equal, SQLBind(sessionID)).orderBy("position").limit(LiveLimits.activities)
            .all(decoding: ActivityRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.activity() }
    }

    static func rounds(sessionID: String, stateID: String, on sql: any SQLDatabase) async throws -> [LiveRound] {
        try await sql.select().column("*").from("live_rounds").where("state_id", .equal, SQLBind(stateID))
            .where("session_id", .equal, SQLBind(sessionID)).orderBy("opened_at").orderBy("number").limit(LiveLimits.activities * LiveLimits.rounds)
            .all(decoding: RoundRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.round() }
    }

    static func ideas(activityID: String, sessionID: String, stateID: String, on sql: any SQLDatabase) async throws -> [LiveIdea] {
        try await sql.select().column("*").from("live_ideas").where("state_id", .equal, SQLBind(stateID))
            .where("session_id", .equal, SQLBind(sessionID)).where("activity_id", .equal, SQLBind(activityID)).orderBy("created_at").orderBy("id")
            .limit(LiveLimits.ideas).all(decoding: IdeaRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { $0.idea() }
    }

    /// ``LiveRuleViolation/checkAnswer(session:participant:round:)`` on the stored (locked) session, participant and round.
    static func checkAnswer(_ pass: ParticipantPass, activityID: String, round number: Int, kind: DatabaseKind, on tx: any SQLDatabase) async throws {
        guard let session = try await lockedSession(pass.sessionID, stateID: pass.stateID, kind: kind, on: tx),
            let participant = try await tx.select().column("*").from("live_participants").where("id", .equal, SQLBind(pass.participantID))
                .where("session_id", .equal, SQLBind(pass.sessionID)).where("state_id", .equal, SQLBind(pass.stateID))
                .first(decoding: ParticipantRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.participant()
        else { throw StoreConflict.missing }
        let rounds = try await rounds(sessionID: pass.sessionID, stateID: pass.stateID, on: tx).filter { $0.activityID == activityID }
        if rounds.isEmpty {
            let activities = try await activities(sessionID: pass.sessionID, stateID: pass.stateID, on: tx)
            guard activities.contains(where: { $0.id == activityID }) else { throw StoreConflict.missing }
        }
        let latest = rounds.max { $0.number < $1.number }
        try LiveRuleViolation.checkAnswer(session: session, participant: participant, round: latest?.number == number ? latest : nil)
    }

    /// Appends events to the outbox. Call after the transaction's audit entry: the audit head is then locked (PostgreSQL)
    /// or the writer is alone (SQLite), so MAX + 1 is the commit order.
    static func append(_ events: [LiveEvent], stateID: String, on tx: any SQLDatabase) async throws {
        guard !events.isEmpty else { return }
        var next = (try await tx.raw("SELECT MAX(seq) AS seq FROM live_events").first(decoding: SequenceRow.self)?.seq ?? 0) + 1
        let now = epochMilliseconds()
        for event in events {
            try await tx.insert(into: "live_events")
                .model(
                    EventRow(
                        seq: next, sessionId: event.sessionID, stateId: stateID, kind: event.kind.rawValue, audience: event.audience.rawValue,
                        participantId: event.participantID, createdAt: now), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
                ).run()
            next += 1
        }
        // Other instances behind the load balancer wake on commit (PostgreSQL delivers a notification only then).
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
