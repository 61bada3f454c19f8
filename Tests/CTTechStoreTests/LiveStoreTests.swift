import CTTechCore
import CTTechTestSupport
import Foundation
import Testing

@testable import CTTechStore

@Suite("Live sessions in the store: round trip, tenancy, join codes, the outbox, concurrency (issue 12)")
struct LiveStoreTests {
    struct Setup {
        let store: LiveStore
        let state: PartnerState
        let foreign: PartnerState
        var scope: TenantScope { Fixture.scope(state, .runLiveSession) }
        var foreignScope: TenantScope { Fixture.scope(foreign, .runLiveSession) }
        var participation: LiveParticipation { LiveParticipation(live: store) }
        let facilitator = AuditActor(id: "facilitator", label: "facilitator@valdoria.example")

        func audit(_ action: String, _ entity: String = "session") -> AuditEvent { Fixture.event(action, entity: entity, state: state.id) }

        func session(code: String = JoinCode.make(), title: String = "Regional workshop") -> LiveSession {
            LiveSession(
                id: Identifier.make(), stateID: state.id, assessmentID: "assessment-1", title: title, code: code, anonymity: .named,
                askedAttributes: [.sex, .agencyType], minimumGroupSize: 4, createdBy: "facilitator", createdAt: 1_767_225_600_000)
        }

        /// Adds a session and starts it; returns it as stored.
        func runningSession(code: String = JoinCode.make()) async throws -> LiveSession {
            let created = session(code: code)
            try await store.addLiveSession(created, scope: scope, audit: audit("live.create", created.id))
            var started = created
            started.status = .running
            started.startedAt = created.createdAt + 1
            return try await store.updateLiveSession(
                started, expectedVersion: 1, scope: scope, audit: audit("live.start", created.id),
                events: [.draft(.sessionStarted, session: created.id, audience: .everyone)])
        }

        /// A participant joins through the use case (its token hashed as in production) and gets its pass.
        func join(_ session: LiveSession, _ fields: [String: String] = [:]) async throws -> (LiveParticipant, ParticipantPass) {
            // The session is named: a name unless the test gives one.
            let (participant, token) = try await participation.join(session, with: LiveJoinDraft(fields: ["name": "Delegate"].merging(fields) { $1 }))
            let (pass, _, _) = try #require(try await participation.pass(token: token))
            return (participant, pass)
        }

        func activity(
            _ kind: LiveActivity.Kind, in session: LiveSession, position: Int, items: [LiveItem], limit: Int = 0
        ) async throws
            -> LiveActivity
        {
            let activity = LiveActivity(
                id: Identifier.make(), sessionID: session.id, kind: kind, title: "\(kind.rawValue) activity", position: position, items: items,
                limit: limit, createdAt: 1_767_225_600_000 + Int64(position))
            try await store.addLiveActivity(activity, scope: scope, audit: audit("live.activity", session.id))
            return activity
        }

        func submit(_ answer: LiveAnswer, to activity: LiveActivity, item: String = "", round: Int = 1, pass: ParticipantPass) async throws {
            try await store.submitLive(
                LiveSubmission(
                    activityID: activity.id, round: round, participantID: pass.participantID, itemKey: item, answer: answer,
                    submittedAt: epochMilliseconds()),
                pass: pass, audit: audit("live.submit", pass.sessionID))
        }
    }

    func setup(_ db: Persistence) async throws -> Setup {
        let state = Fixture.state()
        let foreign = Fixture.state(code: "NRV", name: "Kingdom of Norvania")
        for s in [state, foreign] { try await PartnerStateStore(db).create(s, by: Fixture.admin, audit: Fixture.event("state.create")) }
        return Setup(store: LiveStore(db), state: state, foreign: foreign)
    }

    func items(_ labels: [String]) -> [LiveItem] { labels.enumerated().map { LiveItem(key: "i\($0.offset + 1)", label: $0.element) } }

    @Test(arguments: TestDatabase.kinds)
    func aWholeSessionIsStoredAndReadBack(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let s = try await setup(db)
            let created = s.session(code: "ACDEFG")

            // act: the session, then it starts
            try await s.store.addLiveSession(created, scope: s.scope, audit: s.audit("live.create", created.id))
            let readBack = try await s.store.liveSession(s.scope, id: created.id)
            let session = try await s.runningSession(code: "X7K9P3")

            // check
            #expect(readBack == created)
            #expect(try await s.store.liveSession(code: "ACDEFG") == created)
            #expect(session.status == .running && session.version == 2 && session.startedAt == created.createdAt + 1)
            #expect(try await s.store.liveSessions(s.scope).map(\.id).sorted() == [created.id, session.id].sorted())

            // act: three participants join, two are admitted
            let amina = try await s.join(session, ["name": "Amina", "sex": "female", "agency-type": "law-enforcement"])
            let boris = try await s.join(session, ["name": "Boris", "agency-type": "justice"])
            let chen = try await s.join(session, ["name": "Chen"])
            let changed = try await s.store.setParticipantStatus(
                [amina.0.id, boris.0.id, "someone-else"], to: .admitted, sessionID: session.id, scope: s.scope, actor: s.facilitator)

            // check: in order of joining, numbered 1…3, attributes kept; a token opens its own participant
            let participants = try await s.store.liveParticipants(s.scope, sessionID: session.id)
            #expect(changed == 2)
            #expect(participants.map(\.id) == [amina.0.id, boris.0.id, chen.0.id] && participants.map(\.number) == [1, 2, 3])
            #expect(participants.map(\.name) == ["Amina", "Boris", "Chen"])
            #expect(participants[0].attributes == LiveAttributes([.sex: "female", .agencyType: "law-enforcement"]))
            #expect(participants[1].attributes == LiveAttributes([.agencyType: "justice"]) && participants[2].attributes == LiveAttributes())
            #expect(participants.map(\.status) == [.admitted, .admitted, .waiting])
            #expect(participants[0].admittedAt != nil && participants[2].admittedAt == nil)
            #expect(participants[0].checkCode == amina.0.checkCode && participants[0].joinedAt == amina.0.joinedAt)
            #expect(try await s.store.liveParticipant(tokenHash: Identifier.sha256Hex("not-a-token")) == nil)
            #expect(amina.1.sessionID == session.id && amina.1.stateID == s.state.id && amina.1.participantID == amina.0.id)

            // act: a quiz and an idea board; the quiz's round 1 with answers, one answered twice
            let quiz = try await s.activity(
                .quiz, in: session, position: 1,
                items: [
                    LiveItem(key: "i1", label: "Qui régule les drones ? – “Aviation”", options: ["Police", "Aviation authority"], correctOption: 1),
                    LiveItem(key: "i2", label: "Line\tand | pipe", options: ["A", "B", "C"], correctOption: 0),
                ])
            let board = try await s.activity(.ideas, in: session, position: 2, items: [], limit: 3)
            let opened = try await s.store.openLiveRound(activityID: quiz.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            try await s.submit(.choice(1), to: quiz, item: "i1", pass: amina.1)
            try await s.submit(.choice(0), to: quiz, item: "i1", pass: amina.1)
            try await s.submit(.choice(1), to: quiz, item: "i1", pass: boris.1)
            try await s.submit(.choice(2), to: quiz, item: "i2", pass: boris.1)

            // check: activities in order with their items; the second answer replaced the first
            #expect(try await s.store.liveActivities(s.scope, sessionID: session.id) == [quiz, board])
            #expect(try await s.store.liveActivities(amina.1) == [quiz, board])
            #expect(opened.number == 1 && opened.status == .open)
            let submissions = try await s.store.liveSubmissions(s.scope, sessionID: session.id, activityID: quiz.id)
            #expect(submissions.count == 3)
            #expect(submissions.filter { $0.participantID == amina.0.id }.map(\.answer) == [.choice(0)])
            #expect(Set(submissions.filter { $0.participantID == boris.0.id }.map(\.itemKey)) == ["i1", "i2"])
            #expect(try await s.store.ownSubmissions(amina.1, activityID: quiz.id).map(\.answer) == [.choice(0)])
            #expect(try await s.store.liveSubmissionCounts(s.scope, sessionID: session.id) == [quiz.id: [1: 2]])

            // act: reveal the quiz round, open the board; two ideas, one merged into the other, then hidden and shown again
            _ = try await s.store.advanceLiveRound(activityID: quiz.id, sessionID: session.id, to: .closed, scope: s.scope, actor: s.facilitator)
            let revealed = try await s.store.advanceLiveRound(
                activityID: quiz.id, sessionID: session.id, to: .revealed, scope: s.scope, actor: s.facilitator)
            _ = try await s.store.openLiveRound(activityID: board.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            let first = LiveIdea(
                id: Identifier.make(), activityID: board.id, participantID: amina.0.id, text: "Register drone sellers", createdAt: 10)
            let second = LiveIdea(id: Identifier.make(), activityID: board.id, participantID: boris.0.id, text: "A drone register", createdAt: 11)
            try await s.store.addLiveIdea(first, pass: amina.1, audit: s.audit("live.idea"))
            try await s.store.addLiveIdea(second, pass: boris.1, audit: s.audit("live.idea"))
            var merging = second
            merging.mergedInto = first.id
            let merged = try await s.store.updateLiveIdea(merging, sessionID: session.id, scope: s.scope, audit: s.audit("live.idea_moderate"))
            var hiding = first
            hiding.hidden = true
            _ = try await s.store.updateLiveIdea(hiding, sessionID: session.id, scope: s.scope, audit: s.audit("live.idea_moderate"))

            // check
            let rounds = try await s.store.liveRounds(s.scope, sessionID: session.id)
            #expect(rounds.map(\.activityID) == [quiz.id, board.id] && rounds.map(\.status) == [.revealed, .open])
            #expect(rounds[0].revealedAt == revealed.revealedAt && revealed.revealedAt != nil && rounds[1].revealedAt == nil)
            #expect(try await s.store.liveRounds(amina.1) == rounds)
            #expect(merged.mergedInto == first.id)
            let ideas = try await s.store.liveIdeas(s.scope, sessionID: session.id, activityID: board.id)
            #expect(ideas.map(\.id) == [first.id, second.id] && ideas.map(\.hidden) == [true, false])
            #expect(ideas.map(\.mergedInto) == [nil, first.id] && ideas.map(\.text) == ["Register drone sellers", "A drone register"])
            // A participant sees votable ideas and their own: Amina her hidden one, Boris his merged one, Chen none.
            #expect(try await s.store.liveIdeas(amina.1, activityID: board.id).map(\.id) == [first.id])
            #expect(try await s.store.liveIdeas(boris.1, activityID: board.id).map(\.id) == [second.id])
            #expect(try await s.store.liveIdeas(chen.1, activityID: board.id).isEmpty)
            #expect(try await s.store.liveSubmissionCounts(s.scope, sessionID: session.id) == [quiz.id: [1: 2], board.id: [1: 2]])
            guard case .intact = try await AuditLogStore(db).verify() else {
                Issue.record("the audit chain must stay intact")
                return
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func everyKindOfAnswerSurvivesTheRoundTrip(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: the store takes any answer to any item; one grid with an item per kind of answer
            let s = try await setup(db)
            let session = try await s.runningSession()
            let (participant, pass) = try await s.join(session)
            try await s.store.setParticipantStatus([participant.id], to: .admitted, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            let answers: [LiveAnswer] = [
                .score(
                    ScenarioScore(
                        scenarioID: "i1", round: 1, assessorID: participant.id, intent: 4, actorCapability: 3, technologyAccessibility: 5,
                        opportunity: 2, likelihood: try UncertainEstimate(low: 0.01, best: 0.05, high: 0.2, within: 0...1),
                        impact: [.fatalities: 4, .humanRights: 2], confidence: .moderate, rationale: "Seized drones – “evidence”.")),
                .ranking(["a": 1, "b": 1, "c": 3]), .placement(likelihood: 50, impact: 0), .allocation(["i1": 60, "i2": 40]), .votes(["x", "y"]),
                .level(5), .choice(0), .rating(4, comment: "Bien, merci"),
            ]
            let grid = try await s.activity(.grid, in: session, position: 1, items: items(answers.indices.map { "Item \($0)" }))
            _ = try await s.store.openLiveRound(activityID: grid.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)

            // act
            for (index, answer) in answers.enumerated() { try await s.submit(answer, to: grid, item: "i\(index + 1)", pass: pass) }

            // check
            let stored = try await s.store.liveSubmissions(s.scope, sessionID: session.id, activityID: grid.id)
            #expect(stored.count == answers.count)
            for (index, answer) in answers.enumerated() {
                #expect(stored.first { $0.itemKey == "i\(index + 1)" }?.answer == answer)
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anotherStatesScopeSeesNothingAndWritesNothing(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: a running session with an admitted participant, an idea board in its open round with an idea
            let s = try await setup(db)
            let session = try await s.runningSession()
            let (participant, pass) = try await s.join(session)
            try await s.store.setParticipantStatus([participant.id], to: .admitted, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            let board = try await s.activity(.ideas, in: session, position: 1, items: [], limit: 3)
            _ = try await s.store.openLiveRound(activityID: board.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            let idea = LiveIdea(id: Identifier.make(), activityID: board.id, participantID: participant.id, text: "An idea", createdAt: 1)
            try await s.store.addLiveIdea(idea, pass: pass, audit: s.audit("live.idea"))
            let foreign = s.foreignScope

            // act and check: reads
            #expect(try await s.store.liveSessions(foreign).isEmpty)
            #expect(try await s.store.liveSession(foreign, id: session.id) == nil)
            #expect(try await s.store.liveParticipants(foreign, sessionID: session.id).isEmpty)
            #expect(try await s.store.liveActivities(foreign, sessionID: session.id).isEmpty)
            #expect(try await s.store.liveRounds(foreign, sessionID: session.id).isEmpty)
            #expect(try await s.store.liveIdeas(foreign, sessionID: session.id, activityID: board.id).isEmpty)
            #expect(try await s.store.liveSubmissionCounts(foreign, sessionID: session.id).isEmpty)
            #expect(try await s.store.liveEvents(foreign, sessionID: session.id, after: 0, limit: 100).isEmpty)

            // act and check: writes
            var ended = session
            ended.status = .ended
            await #expect(throws: StoreConflict.missing) {
                try await s.store.updateLiveSession(ended, expectedVersion: session.version, scope: foreign, audit: s.audit("live.end"), events: [])
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.store.setParticipantStatus([participant.id], to: .refused, sessionID: session.id, scope: foreign, actor: s.facilitator)
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.store.addLiveActivity(
                    LiveActivity(
                        id: Identifier.make(), sessionID: session.id, kind: .survey, title: "S", position: 2, items: items(["x"]), createdAt: 1),
                    scope: foreign, audit: s.audit("live.activity"))
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.store.advanceLiveRound(activityID: board.id, sessionID: session.id, to: .closed, scope: foreign, actor: s.facilitator)
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.store.openLiveRound(activityID: board.id, sessionID: session.id, scope: foreign, actor: s.facilitator)
            }
            var hidden = idea
            hidden.hidden = true
            await #expect(throws: StoreConflict.missing) {
                try await s.store.updateLiveIdea(hidden, sessionID: session.id, scope: foreign, audit: s.audit("live.idea_moderate"))
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.store.addLiveSession(s.session(), scope: foreign, audit: s.audit("live.create"))
            }
            #expect(try await s.store.liveSession(s.scope, id: session.id) == session)
            #expect(try await s.store.liveParticipants(s.scope, sessionID: session.id).map(\.status) == [.admitted])
            #expect(try await s.store.liveRounds(s.scope, sessionID: session.id).map(\.status) == [.open])
            #expect(try await s.store.liveIdeas(s.scope, sessionID: session.id, activityID: board.id) == [idea])
            #expect(try await s.store.liveSessions(s.scope).count == 1)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aJoinCodeIsUniqueAmongSessionsThatHaveNotEnded(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let s = try await setup(db)
            let first = try await s.runningSession(code: "ACDEFG")
            let foreignStore = Setup(store: s.store, state: s.foreign, foreign: s.state)

            // act and check: the code is taken, in any state
            await #expect(throws: StoreConflict.duplicate(field: "code")) {
                try await s.store.addLiveSession(s.session(code: "ACDEFG"), scope: s.scope, audit: s.audit("live.create"))
            }
            await #expect(throws: StoreConflict.duplicate(field: "code")) {
                try await s.store.addLiveSession(foreignStore.session(code: "ACDEFG"), scope: foreignStore.scope, audit: s.audit("live.create"))
            }
            #expect(try await s.store.liveSessions(s.scope).count == 1)
            #expect(try await s.store.liveSessions(s.foreignScope).isEmpty)

            // act: a page read at version 1 is stale; the session ends at version 2
            var ended = first
            ended.status = .ended
            ended.endedAt = first.createdAt + 2
            await #expect(throws: StoreConflict.staleVersion(current: 2)) {
                try await s.store.updateLiveSession(ended, expectedVersion: 1, scope: s.scope, audit: s.audit("live.end"), events: [])
            }
            let stored = try await s.store.updateLiveSession(ended, expectedVersion: 2, scope: s.scope, audit: s.audit("live.end"), events: [])
            let again = foreignStore.session(code: "ACDEFG")
            try await s.store.addLiveSession(again, scope: foreignStore.scope, audit: s.audit("live.create"))

            // check: once ended, the code opens the new session
            #expect(stored.status == .ended && stored.version == 3)
            #expect(try await s.store.liveSession(code: "ACDEFG") == again)
            #expect(try await s.store.liveSession(s.scope, id: first.id)?.status == .ended)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theEventsOfASessionEndedADayAgoArePrunedButTheNewestNumberIsKept(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: an old session, started and ended long ago, and a running one; the old one also has the newest event
            let s = try await setup(db)
            let running = try await s.runningSession()
            let old = try await s.runningSession()
            var ended = old
            ended.status = .ended
            ended.endedAt = old.createdAt + 1
            _ = try await s.store.updateLiveSession(
                ended, expectedVersion: 2, scope: s.scope, audit: s.audit("live.end", old.id),
                events: [.draft(.sessionEnded, session: old.id, audience: .everyone)])
            let newest = try await s.store.latestEventSequence()

            // act: a session opened more than a day after the old one ended
            var later = s.session()
            later.createdAt = old.createdAt + 1 + 24 * 3600 * 1000 + 1
            try await s.store.addLiveSession(later, scope: s.scope, audit: s.audit("live.create", later.id))

            // check: the old session keeps only the newest event (numbers never go back); the running one keeps all
            #expect(try await s.store.liveEvents(s.scope, sessionID: old.id, after: 0, limit: 100).map(\.sequence) == [newest])
            #expect(try await s.store.liveEvents(s.scope, sessionID: running.id, after: 0, limit: 100).count == 1)
            #expect(try await s.store.latestEventSequence() == newest)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func settingsAreFixedAndRoundsFollowTheRulesInTheTransaction(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let s = try await setup(db)
            let session = try await s.runningSession()
            let (participant, pass) = try await s.join(session)
            let survey = try await s.activity(.survey, in: session, position: 1, items: items(["Useful"]))
            let grid = try await s.activity(.grid, in: session, position: 2, items: items(["Forensics"]))

            // act and check: the anonymity is fixed; a waiting participant cannot answer; rounds go in order, one at a time
            var anonymous = session
            anonymous.anonymity = .anonymous
            await #expect(throws: LiveRuleViolation.settingsFixed) {
                try await s.store.updateLiveSession(
                    anonymous, expectedVersion: session.version, scope: s.scope, audit: s.audit("live.update"), events: [])
            }
            await #expect(throws: LiveRuleViolation.notAdmitted) {
                try await s.submit(.rating(5, comment: ""), to: survey, item: "i1", pass: pass)
            }
            try await s.store.setParticipantStatus([participant.id], to: .admitted, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            await #expect(throws: LiveRuleViolation.roundNotOpen) {
                try await s.submit(.rating(5, comment: ""), to: survey, item: "i1", pass: pass)
            }
            _ = try await s.store.openLiveRound(activityID: survey.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            await #expect(throws: LiveRuleViolation.anotherRoundRunning(activity: "survey activity")) {
                try await s.store.openLiveRound(activityID: grid.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            }
            await #expect(throws: LiveRuleViolation.roundTransition(from: .open, to: .revealed)) {
                try await s.store.advanceLiveRound(activityID: survey.id, sessionID: session.id, to: .revealed, scope: s.scope, actor: s.facilitator)
            }
            await #expect(throws: LiveRuleViolation.roundNotOpen) {
                try await s.submit(.rating(5, comment: ""), to: survey, item: "i1", round: 2, pass: pass)
            }
            try await s.submit(.rating(5, comment: ""), to: survey, item: "i1", pass: pass)
            // Ending the session closes the open round.
            var ended = session
            ended.status = .ended
            _ = try await s.store.updateLiveSession(
                ended, expectedVersion: session.version, scope: s.scope, audit: s.audit("live.end"),
                events: [.draft(.sessionEnded, session: session.id, audience: .everyone)])
            #expect(try await s.store.liveRounds(s.scope, sessionID: session.id).map(\.status) == [.closed])
            await #expect(throws: LiveRuleViolation.sessionNotRunning(.ended)) {
                try await s.submit(.rating(4, comment: ""), to: survey, item: "i1", pass: pass)
            }
            #expect(
                try await s.store.liveSubmissions(s.scope, sessionID: session.id, activityID: survey.id).map(\.answer) == [.rating(5, comment: "")])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theOutboxNumbersEventsInOrderAndFiltersThemPerParticipant(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: two sessions, two participants in the first
            let s = try await setup(db)
            let session = try await s.runningSession()
            let (first, firstPass) = try await s.join(session)
            let other = try await s.runningSession()
            let (second, secondPass) = try await s.join(session)
            try await s.store.setParticipantStatus([first.id, second.id], to: .admitted, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            let survey = try await s.activity(.survey, in: session, position: 1, items: items(["Useful"]))
            _ = try await s.store.openLiveRound(activityID: survey.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            try await s.submit(.rating(5, comment: "Confidential"), to: survey, item: "i1", pass: firstPass)

            // act
            let all = try await s.store.liveEvents(s.scope, sessionID: session.id, after: 0, limit: 100)
            let heardByFirst = try await s.store.liveEvents(firstPass, after: 0, limit: 100)
            let heardBySecond = try await s.store.liveEvents(secondPass, after: 0, limit: 100)

            // check: the facilitator hears everything of the session, in rising order, and nothing of the other session
            #expect(
                all.map(\.kind) == [
                    .sessionStarted, .participantWaiting, .participantWaiting, .participantAdmitted, .participantAdmitted, .roundOpened, .submission,
                ])
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.sequence < $1.sequence } && all.allSatisfy { $0.sessionID == session.id })
            #expect(all.filter { $0.kind == .participantWaiting }.compactMap(\.participantID) == [first.id, second.id])
            #expect(all.filter { $0.kind == .participantAdmitted }.allSatisfy { $0.audience == .participant })
            let otherEvents = try await s.store.liveEvents(s.scope, sessionID: other.id, after: 0, limit: 100)
            #expect(otherEvents.map(\.kind) == [.sessionStarted])
            // The participant filter runs in SQL: each hears the session's "everyone" events and their own admission only.
            #expect(heardByFirst.map(\.kind) == [.sessionStarted, .participantAdmitted, .roundOpened])
            #expect(heardByFirst.compactMap(\.participantID) == [first.id] && heardBySecond.compactMap(\.participantID) == [second.id])
            #expect(heardByFirst == all.filter { $0.isHeard(by: first.id) } && heardBySecond == all.filter { $0.isHeard(by: second.id) })
            // Resume after the last event seen, and the limit.
            #expect(try await s.store.liveEvents(s.scope, sessionID: session.id, after: all[3].sequence, limit: 100) == Array(all.dropFirst(4)))
            #expect(try await s.store.liveEvents(s.scope, sessionID: session.id, after: 0, limit: 2) == Array(all.prefix(2)))
            #expect(try await s.store.liveEvents(firstPass, after: heardByFirst[0].sequence, limit: 1) == [heardByFirst[1]])
            #expect(try await s.store.latestEventSequence() == all.last?.sequence)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func concurrentJoinsAndAnswersAllLandWithTheirOwnEvents(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: eight phones join at once, all admitted; a survey round is open. Writes to one session queue on its row
            // lock, so on PostgreSQL the test keeps the queue short enough for the small test pool's 30 s wait when CI runs
            // every suite at once (the rule under test is the same for any number).
            let n = 8
            let s = try await setup(db)
            let session = try await s.runningSession()
            let phones = try await withThrowingTaskGroup(of: (LiveParticipant, ParticipantPass).self) { group in
                for _ in 0..<n { group.addTask { try await s.join(session) } }
                return try await group.reduce(into: [(LiveParticipant, ParticipantPass)]()) { $0.append($1) }
            }
            try await s.store.setParticipantStatus(phones.map(\.0.id), to: .admitted, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            let survey = try await s.activity(.survey, in: session, position: 1, items: items(["Useful"]))
            _ = try await s.store.openLiveRound(activityID: survey.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)
            let before = try await s.store.latestEventSequence()

            // act
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, phone) in phones.enumerated() {
                    group.addTask { try await s.submit(.rating(index % 5 + 1, comment: ""), to: survey, item: "i1", pass: phone.1) }
                }
                try await group.waitForAll()
            }

            // check: numbered 1…n whatever the order of arrival; every answer stored, each with its own event
            let participants = try await s.store.liveParticipants(s.scope, sessionID: session.id)
            #expect(participants.map(\.number) == Array(1...n) && Set(participants.map(\.id)) == Set(phones.map(\.0.id)))
            let stored = try await s.store.liveSubmissions(s.scope, sessionID: session.id, activityID: survey.id)
            #expect(stored.count == n && Set(stored.map(\.participantID)).count == n)
            #expect(try await s.store.liveSubmissionCounts(s.scope, sessionID: session.id) == [survey.id: [1: n]])
            let events = try await s.store.liveEvents(s.scope, sessionID: session.id, after: before, limit: 100)
            #expect(events.count == n && events.allSatisfy { $0.kind == .submission })
            #expect(events.map(\.sequence) == Array((before + 1)...(before + Int64(n))))
            guard case .intact = try await AuditLogStore(db).verify() else {
                Issue.record("the audit chain must stay intact")
                return
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func eightConcurrentOpeningsOpenOneRound(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let s = try await setup(db)
            let session = try await s.runningSession()
            let grid = try await s.activity(.grid, in: session, position: 1, items: items(["Forensics"]))

            // act: eight facilitator screens press "open" at once
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await s.store.openLiveRound(activityID: grid.id, sessionID: session.id, scope: s.scope, actor: s.facilitator)
                            return true
                        } catch LiveRuleViolation.previousRoundNotRevealed(1) {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }

            // check
            #expect(outcomes.filter { $0 }.count == 1)
            let rounds = try await s.store.liveRounds(s.scope, sessionID: session.id)
            #expect(rounds.map(\.number) == [1] && rounds.map(\.status) == [.open])
            let opened = try await s.store.liveEvents(s.scope, sessionID: session.id, after: 0, limit: 100).filter { $0.kind == .roundOpened }
            #expect(opened.count == 1)
        }
    }
}
