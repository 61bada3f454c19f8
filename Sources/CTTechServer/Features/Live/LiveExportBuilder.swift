import CTTechCore
import CTTechStore
import Foundation

/// A live session's results export (issue 12), built in one place for the web download (``LiveController``) and the API
/// (`GET /api/v1/…/live-sessions/{sessionId}/results` and `results.csv`, ``APIRawRoutes``), so that both give the same
/// document, encoded the same way. ``LiveExport`` keeps only the revealed rounds.
struct LiveExportBuilder: Sendable {
    let live: LiveStore
    let facilitation: LiveFacilitation

    init(live: LiveStore, facilitation: LiveFacilitation) {
        self.live = live
        self.facilitation = facilitation
    }

    init(_ services: AppServices) {
        self.init(live: services.live, facilitation: services.liveFacilitation)
    }

    /// The session's export: every activity, the results of its revealed rounds and their answers.
    func document(_ session: LiveSession, scope: TenantScope) async throws -> LiveExport {
        let activities = try await live.liveActivities(scope, sessionID: session.id)
        var results: [String: [LiveResults]] = [:]
        var submissions: [String: [LiveSubmission]] = [:]
        for activity in activities {
            results[activity.id] = try await facilitation.results(of: activity, in: session, scope: scope)
            submissions[activity.id] = try await live.liveSubmissions(scope, sessionID: session.id, activityID: activity.id)
        }
        return LiveExport(
            session: session, activities: activities, rounds: try await live.liveRounds(scope, sessionID: session.id), results: results,
            submissions: submissions, participants: try await live.liveParticipants(scope, sessionID: session.id))
    }

    /// The JSON document's bytes, keys sorted. (A score's impact dimensions are a dictionary with enum keys, which
    /// `JSONEncoder` writes as a list in the dictionary's own order: that list's order may differ between two exports.)
    static func json(_ document: LiveExport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// The download's file name: the state's marking and code, and the session's join code.
    static func fileName(state: PartnerState, session: LiveSession, extension suffix: String) -> String {
        "live-\(state.defaultTLP.rawValue.replacingOccurrences(of: "+", with: "-"))-\(state.code)-\(session.code).\(suffix)"
    }
}
