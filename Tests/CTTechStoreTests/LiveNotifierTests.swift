import CTTechCore
import CTTechStore
import CTTechTestSupport
import Foundation
import Logging
import Testing

/// Issue 12: a session behind a load balancer — two instances on one PostgreSQL database. A reveal written by one
/// instance wakes the other (LISTEN/NOTIFY on `cttech_live`, delivered at commit), whose store then reads the reveal from
/// the shared outbox: the same event, under the same number, to the streams of both instances.
@Suite("Live sessions on two instances (PostgreSQL LISTEN/NOTIFY)")
struct LiveNotifierTests {
    /// Collects what a listener hears.
    actor Heard {
        var payloads: [String] = []
        func add(_ payload: String) { payloads.append(payload) }
    }

    @Test(arguments: TestDatabase.kinds)
    func aRevealOnOneInstanceReachesTheOther(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            guard kind == .postgres else {
                // SQLite is one process: nothing to listen to, and listening returns at once.
                let notifier = LiveNotifier(db)
                #expect(!notifier.isNeeded)
                await notifier.listen { _ in Issue.record("SQLite never notifies") }
                return
            }
            // setup: instance A is `db`; instance B has its own connections to the same database and schema
            let second = try Persistence(location: db.location, logger: Logger(label: "cttech-test-b"), connectionsPerEventLoop: 1)
            defer { Task { await second.shutdown() } }
            let heard = Heard()
            let listener = Task { await LiveNotifier(second).listen { payload in await heard.add(payload) } }
            defer { listener.cancel() }
            let state = Fixture.state()
            try await PartnerStateStore(db).create(state, by: Fixture.admin, audit: Fixture.event("state.create"))
            let scope = Fixture.scope(state, .runLiveSession)
            let actor = AuditActor(id: "facilitator", label: "facilitator")
            let storeA = LiveStore(db)
            let storeB = LiveStore(second)
            let session = LiveSession(
                id: Identifier.make(), stateID: state.id, assessmentID: nil, title: "Two instances", code: "TWNQ47", anonymity: .anonymous,
                askedAttributes: [], createdBy: "facilitator", createdAt: 1)
            try await storeA.addLiveSession(session, scope: scope, audit: Fixture.event("live.create", state: state.id))
            var running = session
            running.status = .running
            _ = try await storeA.updateLiveSession(
                running, expectedVersion: 1, scope: scope, audit: Fixture.event("live.start", state: state.id),
                events: [.draft(.sessionStarted, session: session.id, audience: .everyone)])
            let activity = LiveActivity(
                id: Identifier.make(), sessionID: session.id, kind: .survey, title: "Useful?", position: 1,
                items: [LiveItem(key: "i1", label: "Useful")],
                createdAt: 1)
            try await storeA.addLiveActivity(activity, scope: scope, audit: Fixture.event("live.activity", state: state.id))
            _ = try await storeA.openLiveRound(activityID: activity.id, sessionID: session.id, scope: scope, actor: actor)
            _ = try await storeA.advanceLiveRound(activityID: activity.id, sessionID: session.id, to: .closed, scope: scope, actor: actor)
            // Instance B is listening before the reveal: wait until it hears the earlier moves (its LISTEN is in place).
            for _ in 0..<100 where await heard.payloads.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            let before = try await storeB.liveEvents(scope, sessionID: session.id, after: 0, limit: 100).last?.sequence ?? 0

            // act: instance A reveals
            _ = try await storeA.advanceLiveRound(activityID: activity.id, sessionID: session.id, to: .revealed, scope: scope, actor: actor)

            // check: B is woken for this session (everyone hears a reveal) and reads the same event from the outbox
            var woken = false
            for _ in 0..<100 {
                let payloads = await heard.payloads
                let read = try await storeB.liveEvents(scope, sessionID: session.id, after: before, limit: 10)
                if payloads.contains(session.id + "|everyone") && read.contains(where: { $0.kind == .roundRevealed }) {
                    woken = true
                    break
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(woken, "instance B heard the reveal and read it")
            let onA = try await storeA.liveEvents(scope, sessionID: session.id, after: before, limit: 10)
            let onB = try await storeB.liveEvents(scope, sessionID: session.id, after: before, limit: 10)
            #expect(onA == onB && onA.map(\.kind) == [.roundRevealed], "the same event under the same number on both instances")
        }
    }
}
