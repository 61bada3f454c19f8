import CTTechAPI
import CTTechCore
import CTTechStore
import Foundation
import OpenAPIRuntime

/// Issue 12 through the JSON API: a state's live sessions, their activities and rounds. Read only, with the web's
/// permissions: ``Permission/viewLiveSession`` to read, and how many answered each round only for those who also hold
/// ``Permission/runLiveSession`` (on the web, the counts are the facilitator's). Nothing here carries an answer or a
/// participant: results come from the revealed rounds only, through `…/results` (``APIRawRoutes``).
extension APIHandler {
    // MARK: Access

    /// The session named in the path, found inside the state of the caller's viewing scope (404 otherwise: an unknown id,
    /// another state's session or a state the caller holds no grant for).
    private func liveSession(_ stateID: String, _ sessionID: String) async throws -> (LiveSession, TenantScope) {
        guard Identifier.isValid(stateID) else { throw AppError.notFound }
        let scope = try Authorizer.scope(try identity(), state: stateID, for: .viewLiveSession)
        guard Identifier.isValid(sessionID), let session = try await services.live.liveSession(scope, id: sessionID) else {
            throw AppError.notFound
        }
        return (session, scope)
    }

    /// The marking of the state's live sessions: its default TLP, as on the web's exports.
    private func liveMarking(_ scope: TenantScope) async throws -> Components.Schemas.Tlp {
        guard let state = try await services.states.find(scope) else { throw AppError.notFound }
        return .init(rawValue: state.defaultTLP.rawValue) ?? .amber
    }

    // MARK: Operations

    func listLiveSessions(_ input: Operations.ListLiveSessions.Input) async throws -> Operations.ListLiveSessions.Output {
        guard Identifier.isValid(input.path.stateId) else { throw AppError.notFound }
        let scope = try Authorizer.scope(try identity(), state: input.path.stateId, for: .viewLiveSession)
        let tlp = try await liveMarking(scope)
        return .ok(.init(body: .json(try await services.live.liveSessions(scope).map { Self.liveSessionSchema($0, tlp: tlp) })))
    }

    func getLiveSession(_ input: Operations.GetLiveSession.Input) async throws -> Operations.GetLiveSession.Output {
        let (session, scope) = try await liveSession(input.path.stateId, input.path.sessionId)
        let live = services.live
        let rounds = try await live.liveRounds(scope, sessionID: session.id)
        let participants = try await live.liveParticipants(scope, sessionID: session.id)
        // Counts of answers tell the room's progress to the facilitator; others get the rounds without them.
        let counts =
            Authorizer.allows(try identity(), state: scope.stateID, .runLiveSession)
            ? try await live.liveSubmissionCounts(scope, sessionID: session.id) : nil
        let activities = try await live.liveActivities(scope, sessionID: session.id).map { activity in
            Components.Schemas.LiveActivitySummary(
                id: activity.id, kind: .init(rawValue: activity.kind.rawValue) ?? .scoring, title: activity.title, position: activity.position,
                limit: activity.limit, items: activity.items.map { .init(key: $0.key, label: $0.label) },
                rounds: rounds.filter { $0.activityID == activity.id }.sorted { $0.number < $1.number }.map { round in
                    Components.Schemas.LiveRoundSummary(
                        number: round.number, status: .init(rawValue: round.status.rawValue) ?? .open, openedAt: Self.date(round.openedAt),
                        revealedAt: round.revealedAt.map(Self.date),
                        answered: counts.map { $0[activity.id]?[round.number] ?? 0 })
                })
        }
        let detail = Components.Schemas.LiveSessionDetail(
            session: Self.liveSessionSchema(session, tlp: try await liveMarking(scope)), activities: activities,
            participants: .init(
                admitted: participants.filter { $0.status == .admitted }.count, waiting: participants.filter { $0.status == .waiting }.count))
        return .ok(.init(body: .json(detail)))
    }

    // MARK: Conversions

    static func liveSessionSchema(_ session: LiveSession, tlp: Components.Schemas.Tlp) -> Components.Schemas.LiveSession {
        .init(
            id: session.id, stateId: session.stateID, assessmentId: session.assessmentID, title: session.title, code: session.code,
            status: .init(rawValue: session.status.rawValue) ?? .setup, anonymity: .init(rawValue: session.anonymity.rawValue) ?? .anonymous,
            attributes: session.askedAttributes.compactMap { .init(rawValue: $0.rawValue) }, minimumGroupSize: session.minimumGroupSize,
            createdAt: date(session.createdAt), startedAt: session.startedAt.map(date), endedAt: session.endedAt.map(date), version: session.version,
            tlp: tlp)
    }
}

// MARK: Every round of an assessment

extension APIHandler {
    /// Issue 12's "every round stays readable" for a threat assessment: the figures of every revealed round, as the round
    /// statistics page shows them (``RoundStatisticsLoader``); an open or closed round is never summarised.
    func getRoundStatistics(_ input: Operations.GetRoundStatistics.Input) async throws -> Operations.GetRoundStatistics.Output {
        let (assessment, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        let (statistics, revealed) = try await RoundStatisticsLoader(services).load(assessment, scope: scope)
        let rows = statistics.rows.map { row in
            Components.Schemas.RoundStatisticsRow(
                scenarioId: row.scenarioID, title: row.title, round: row.round,
                factors: row.factors.compactMap { factor -> Components.Schemas.FactorFigures? in
                    // Every factor code is in the spec's enum (ClearErrorsAPITests pairs them).
                    guard let code = Components.Schemas.ScoreFactorCode(rawValue: factor.factor.code),
                        let agreement = Components.Schemas.Agreement(rawValue: factor.agreement.rawValue)
                    else { return nil }
                    let s = factor.summary
                    return .init(
                        factor: code, n: s.count, median: s.median, mean: s.mean, minimum: s.minimum, maximum: s.maximum, q1: s.lowerQuartile,
                        q3: s.upperQuartile, iqr: s.interquartileRange, agreement: agreement)
                }, workshop: row.workshop)
        }
        let rankings = statistics.rankings.map { ranking in
            Components.Schemas.WorkshopRankingRound(
                round: ranking.round, rankings: ranking.summary.rankings, kendallW: ranking.summary.concordance,
                items: ranking.summary.items.map {
                    .init(scenarioId: $0.key, meanRank: $0.meanRank, medianRank: $0.medianRank, firstPlaces: $0.firstPlaces, rankedBy: $0.rankedBy)
                })
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        assessmentId: assessment.id, revealedThrough: revealed, rows: rows, rankings: rankings.isEmpty ? nil : rankings,
                        tlp: .init(rawValue: assessment.tlp.rawValue) ?? .amber))))
    }
}
