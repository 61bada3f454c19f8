import CTTechCore
import CTTechDoubles
import Testing

/// A partner state's workspace with the live-session use cases wired to its in-memory repositories: a facilitator who runs
/// sessions, and phones that join them.
struct LiveWorkspace {
    let base = StateWorkspace()

    var repositories: InMemoryRepositories { base.repositories }
    var facilitation: LiveFacilitation {
        LiveFacilitation(live: repositories, assessments: repositories, scoring: repositories, reference: repositories)
    }
    var participation: LiveParticipation { LiveParticipation(live: repositories) }
    /// The facilitator's scope for running live sessions.
    var running: TenantScope { base.scope(base.facilitator, .runLiveSession) }
    var facilitator: AuditActor { base.facilitator.actor }

    /// What a phone keeps after joining: its participant, its device token and the pass the token proves.
    struct Phone: Sendable {
        let participant: LiveParticipant
        let token: String
        let pass: ParticipantPass
        var id: String { participant.id }
    }

    /// An assessment of the state with two scenarios (a drone attack and crypto financing).
    func assessmentWithScenarios() async throws -> (Assessment, [ThreatScenario]) {
        let assessment = try await base.openAssessment()
        let drone = try await base.writeScenario(in: assessment, title: "Drone attack on a festival crowd")
        let crypto = try await base.writeScenario(in: assessment, title: "Crypto financing of a cell")
        return (assessment, [drone, crypto])
    }

    /// A session in set-up, created by the facilitator.
    func createSession(
        title: String = "Regional workshop", assessment: Assessment? = nil, anonymity: LiveAnonymity = .pseudonymous, attributes: [String] = [],
        minimumGroupSize: Int? = nil
    ) async throws -> LiveSession {
        try await facilitation.create(
            LiveSessionDraft(
                title: title, assessmentID: assessment?.id, anonymity: anonymity.rawValue, attributes: attributes, minimumGroupSize: minimumGroupSize),
            by: facilitator, scope: running)
    }

    /// The session as the repositories hold it now.
    func stored(_ session: LiveSession) async throws -> LiveSession {
        try #require(try await repositories.liveSession(running, id: session.id))
    }

    /// Starts (or ends) the session at its stored version.
    @discardableResult
    func move(_ session: LiveSession, to target: LiveSession.Status) async throws -> LiveSession {
        let current = try await stored(session)
        return try await facilitation.move(current, to: target, expectedVersion: current.version, by: facilitator, scope: running)
    }

    /// A running session.
    func runningSession(assessment: Assessment? = nil, anonymity: LiveAnonymity = .pseudonymous) async throws -> LiveSession {
        try await move(try await createSession(assessment: assessment, anonymity: anonymity), to: .running)
    }

    /// A phone joins the session (it waits in the lobby).
    func join(_ session: LiveSession, _ fields: [String: String] = [:]) async throws -> Phone {
        let (participant, token) = try await participation.join(try await stored(session), with: LiveJoinDraft(fields: fields))
        let (pass, _, _) = try #require(try await participation.pass(token: token))
        return Phone(participant: participant, token: token, pass: pass)
    }

    /// The facilitator admits the phones from the lobby.
    @discardableResult
    func admit(_ phones: [Phone], in session: LiveSession) async throws -> Int {
        try await facilitation.admit(phones.map(\.id), .admitted, in: try await stored(session), by: facilitator, scope: running)
    }

    /// `count` phones joined and admitted.
    func admittedPhones(_ count: Int, in session: LiveSession) async throws -> [Phone] {
        var phones: [Phone] = []
        for _ in 0..<count { phones.append(try await join(session)) }
        try await admit(phones, in: session)
        return phones
    }

    /// An activity added by the facilitator.
    func addActivity(
        _ kind: LiveActivity.Kind, title: String? = nil, items: [String] = [], limit: Int? = nil, to session: LiveSession
    ) async throws -> LiveActivity {
        try await facilitation.addActivity(
            LiveActivityDraft(kind: kind.rawValue, title: title ?? "A \(kind.rawValue) activity", items: items, scenarios: [], limit: limit),
            to: try await stored(session), by: facilitator, scope: running)
    }

    /// Opens the activity's next round, or closes or reveals its latest one.
    @discardableResult
    func advance(_ activity: LiveActivity, in session: LiveSession, to target: ScoringRound.Status) async throws -> LiveRound {
        try await facilitation.advanceRound(activity, in: try await stored(session), to: target, by: facilitator, scope: running)
    }

    /// Closes and reveals the activity's open round.
    func closeAndReveal(_ activity: LiveActivity, in session: LiveSession) async throws {
        try await advance(activity, in: session, to: .closed)
        try await advance(activity, in: session, to: .revealed)
    }

    /// The activity's latest round as stored.
    func latestRound(of activity: LiveActivity, in session: LiveSession) async throws -> LiveRound? {
        try await repositories.liveRounds(running, sessionID: session.id).filter { $0.activityID == activity.id }.max { $0.number < $1.number }
    }

    /// The phone answers `item` of the activity's latest round with what the repositories hold now (participant, session,
    /// round), as the participant's page does; `round` replaces the stored round (a page read before the round moved on).
    func answer(
        _ fields: [String: String], as phone: Phone, to activity: LiveActivity, item: String = "", round: LiveRound? = nil
    ) async throws {
        let (pass, participant, session) = try #require(try await participation.pass(token: phone.token))
        let stored = try await repositories.liveRounds(pass).filter { $0.activityID == activity.id }.max { $0.number < $1.number }
        let current = try #require(round ?? stored)
        try await participation.answer(
            LiveAnswerDraft(fields: fields), to: activity, item: item, round: current, pass: pass, participant: participant, session: session)
    }

    /// Every event of the session the facilitator's screens hear.
    func facilitatorEvents(_ session: LiveSession, after sequence: Int64 = 0) async throws -> [LiveEvent] {
        try await repositories.liveEvents(running, sessionID: session.id, after: sequence, limit: 1_000)
    }

    /// Every event the phone hears.
    func events(of phone: Phone, after sequence: Int64 = 0) async throws -> [LiveEvent] {
        try await repositories.liveEvents(phone.pass, after: sequence, limit: 1_000)
    }
}
