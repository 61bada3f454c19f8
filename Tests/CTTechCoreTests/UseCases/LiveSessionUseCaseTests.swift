import CTTechCore
import CTTechDoubles
import Foundation
import Testing

@Suite("Live workshop sessions: lobby, rounds, events and the idea board (issue 12)")
struct LiveSessionUseCaseTests {
    // MARK: Creating and joining

    @Test func aNewSessionHasAJoinCodeAndAnAuditEntry() async throws {
        // setup
        let workspace = LiveWorkspace()
        let (assessment, _) = try await workspace.assessmentWithScenarios()

        // act
        let session = try await workspace.createSession(assessment: assessment, anonymity: .named, attributes: ["sex", "age-band"])

        // check
        #expect(session.status == .setup && session.version == 1 && session.stateID == workspace.base.state.id)
        #expect(session.assessmentID == assessment.id && session.anonymity == .named && session.askedAttributes == [.sex, .ageBand])
        #expect(session.minimumGroupSize == 5 && session.createdBy == workspace.base.facilitator.userID)
        // Six characters of the join-code alphabet, stored as typed codes normalise.
        #expect(session.code.count == 6 && JoinCode.normalised(session.code) == session.code)
        #expect(session.code.allSatisfy { JoinCode.alphabet.contains($0) })
        let entry = try #require(workspace.repositories.audit.last)
        #expect(entry.action == "live.create" && entry.entityID == session.id && entry.stateID == workspace.base.state.id)
        #expect(entry.details == ["title": "Regional workshop", "anonymity": "named"] && entry.actorID == workspace.base.facilitator.userID)
        #expect(try await workspace.stored(session) == session)
        // The code opens the session typed in lower case with a dash.
        let lower = session.code.lowercased()
        #expect(try await workspace.participation.session(code: "\(lower.prefix(3))-\(lower.dropFirst(3))") == session)
        #expect(try await workspace.participation.session(code: "OOOOOO") == nil)
    }

    @Test func aSessionAboutAnotherStatesAssessmentIsRefused() async throws {
        // setup
        let workspace = LiveWorkspace()
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.facilitation.create(
                LiveSessionDraft(title: "Workshop", assessmentID: "not-ours", anonymity: "anonymous", attributes: [], minimumGroupSize: nil),
                by: workspace.facilitator, scope: workspace.running)
        }

        // check
        #expect(failure?.issues.map(\.key) == ["live.validation.unknown-assessment"])
        #expect(try await workspace.repositories.liveSessions(workspace.running).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func nobodyJoinsBeforeTheStart() async throws {
        // setup
        let workspace = LiveWorkspace()
        let session = try await workspace.createSession()
        let entries = workspace.repositories.audit.count

        // act and check: the use case refuses, and so does the repository when a page still shows the session running
        await #expect(throws: LiveRuleViolation.sessionNotRunning(.setup)) {
            try await workspace.participation.join(session, with: LiveJoinDraft(fields: [:]))
        }
        var stale = session
        stale.status = .running
        await #expect(throws: LiveRuleViolation.sessionNotRunning(.setup)) {
            try await workspace.participation.join(stale, with: LiveJoinDraft(fields: [:]))
        }
        #expect(try await workspace.repositories.liveParticipants(workspace.running, sessionID: session.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aParticipantWaitsInTheLobbyAndAnswersOnceAdmitted() async throws {
        // setup
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let survey = try await workspace.addActivity(.survey, items: ["The workshop was useful"], to: session)

        // act: two phones join; the round opens while both wait
        let phone = try await workspace.join(session)
        let other = try await workspace.join(session)
        try await workspace.advance(survey, in: session, to: .open)

        // check: they wait, numbered in order of joining; the facilitator heard them arrive, they did not
        #expect(phone.participant.status == .waiting && phone.participant.number == 1 && other.participant.number == 2)
        let waiting = try await workspace.facilitatorEvents(session).filter { $0.kind == .participantWaiting }
        #expect(waiting.compactMap(\.participantID) == [phone.id, other.id] && waiting.allSatisfy { $0.audience == .facilitator })
        #expect(try await workspace.events(of: phone).allSatisfy { $0.kind != .participantWaiting })

        // act and check: no answer from the lobby, neither through the use case nor past it with a forged "admitted" copy
        await #expect(throws: LiveRuleViolation.notAdmitted) {
            try await workspace.answer(["rating": "4"], as: phone, to: survey, item: "i1")
        }
        var forged = phone.participant
        forged.status = .admitted
        let round = try #require(try await workspace.latestRound(of: survey, in: session))
        let current = try await workspace.stored(session)
        await #expect(throws: LiveRuleViolation.notAdmitted) {
            try await workspace.participation.answer(
                LiveAnswerDraft(fields: ["rating": "4"]), to: survey, item: "i1", round: round, pass: phone.pass, participant: forged,
                session: current)
        }
        #expect(try await workspace.repositories.liveSubmissions(workspace.running, sessionID: session.id, activityID: survey.id).isEmpty)

        // act: the facilitator admits the first phone (twice: the second time changes nothing)
        #expect(try await workspace.admit([phone], in: session) == 1)
        #expect(try await workspace.admit([phone], in: session) == 0)
        try await workspace.answer(["rating": "4", "comment": "Good pace"], as: phone, to: survey, item: "i1")

        // check: the admission is heard by that phone only; the answer is stored and audited under the pseudonym
        let admitted = try await workspace.events(of: phone).filter { $0.kind == .participantAdmitted }
        #expect(admitted.count == 1 && admitted.first?.participantID == phone.id && admitted.first?.audience == .participant)
        #expect(try await workspace.events(of: other).allSatisfy { $0.kind != .participantAdmitted })
        let stored = try await workspace.repositories.liveSubmissions(workspace.running, sessionID: session.id, activityID: survey.id)
        #expect(stored.map(\.answer) == [.rating(4, comment: "Good pace")] && stored.map(\.participantID) == [phone.id])
        let entry = try #require(workspace.repositories.audit.last)
        #expect(entry.action == "live.submit" && entry.actorID == "participant:\(phone.id)" && entry.actorLabel == "participant 1")
        #expect(entry.details == ["activity": survey.id, "round": "1"])
        // The phone's screen shows the open round and its own answer.
        let (pass, participant, running) = try #require(try await workspace.participation.pass(token: phone.token))
        let screen = try await workspace.participation.screen(pass, participant: participant, session: running)
        #expect(screen.activity?.id == survey.id && screen.round?.number == 1 && screen.ownAnswers == stored)
    }

    @Test func theDeviceTokenRejoinsTheSameParticipant() async throws {
        // setup
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let phone = try await workspace.join(session)
        let second = try await workspace.join(session)

        // act
        let rejoined = try #require(try await workspace.participation.pass(token: phone.token))

        // check
        #expect(rejoined.0 == phone.pass && rejoined.1 == phone.participant && rejoined.2.id == session.id)
        #expect(rejoined.0.sessionID == session.id && rejoined.0.stateID == workspace.base.state.id && rejoined.0.participantID == phone.id)
        #expect(second.token != phone.token && second.id != phone.id && second.participant.number == 2)
        #expect(try await workspace.participation.pass(token: "not-a-token") == nil)
        #expect(try await workspace.participation.pass(token: "") == nil)
        #expect(try await workspace.participation.pass(token: phone.token + String(repeating: "x", count: 128)) == nil)
    }

    // MARK: Settings

    @Test func anonymityAndAttributesAreFixedOnceTheSessionStarts() async throws {
        // setup
        let workspace = LiveWorkspace()
        let session = try await workspace.createSession(anonymity: .pseudonymous, attributes: ["sex"])
        func draft(title: String = "Regional workshop", anonymity: String, attributes: [String] = ["sex"]) -> LiveSessionDraft {
            LiveSessionDraft(title: title, assessmentID: nil, anonymity: anonymity, attributes: attributes, minimumGroupSize: nil)
        }

        // act: before the start, anything may change
        let named = try await workspace.facilitation.update(
            session, with: draft(anonymity: "named"), expectedVersion: 1, by: workspace.facilitator, scope: workspace.running)
        let started = try await workspace.move(named, to: .running)

        // check
        #expect(named.anonymity == .named && named.version == 2 && started.version == 3 && started.startedAt != nil)
        await #expect(throws: LiveRuleViolation.settingsFixed) {
            try await workspace.facilitation.update(
                started, with: draft(anonymity: "anonymous"), expectedVersion: 3, by: workspace.facilitator, scope: workspace.running)
        }
        await #expect(throws: LiveRuleViolation.settingsFixed) {
            try await workspace.facilitation.update(
                started, with: draft(anonymity: "named", attributes: ["sex", "agency-type"]), expectedVersion: 3, by: workspace.facilitator,
                scope: workspace.running)
        }
        let renamed = try await workspace.facilitation.update(
            started, with: draft(title: "Afternoon workshop", anonymity: "named"), expectedVersion: 3, by: workspace.facilitator,
            scope: workspace.running)
        #expect(renamed.title == "Afternoon workshop" && renamed.anonymity == .named && renamed.version == 4 && renamed.code == session.code)
        #expect(try await workspace.stored(session) == renamed)
        // A page read before the rename is stale.
        await #expect(throws: StoreConflict.staleVersion(current: 4)) {
            try await workspace.facilitation.update(
                started, with: draft(title: "Evening", anonymity: "named"), expectedVersion: 3, by: workspace.facilitator, scope: workspace.running)
        }
        // Sessions move setup → running → ended only.
        await #expect(throws: LiveRuleViolation.sessionTransition(from: .running, to: .running)) {
            try await workspace.move(renamed, to: .running)
        }
    }

    /// LiveFacilitation.update: "anonymity, attributes and minimum group (the last three only before the start)". Lowering
    /// the minimum group once people have joined and declared their attributes would show groups they were told stay hidden.
    @Test func theMinimumGroupIsFixedOnceTheSessionStarts() async throws {
        // setup
        let workspace = LiveWorkspace()
        let started = try await workspace.move(try await workspace.createSession(anonymity: .anonymous, attributes: ["sex"]), to: .running)

        // act and check
        await #expect(throws: LiveRuleViolation.settingsFixed) {
            try await workspace.facilitation.update(
                started,
                with: LiveSessionDraft(title: started.title, assessmentID: nil, anonymity: "anonymous", attributes: ["sex"], minimumGroupSize: 2),
                expectedVersion: started.version, by: workspace.facilitator, scope: workspace.running)
        }
        #expect(try await workspace.stored(started).minimumGroupSize == 5)
    }

    // MARK: Rounds

    @Test func roundsRunInOrderAndResultsStayHiddenUntilRevealed() async throws {
        // setup
        let workspace = LiveWorkspace()
        let (assessment, scenarios) = try await workspace.assessmentWithScenarios()
        let session = try await workspace.runningSession(assessment: assessment)
        let scoring = try await workspace.addActivity(.scoring, to: session)
        let phones = try await workspace.admittedPhones(2, in: session)
        let drone = scenarios[0].id

        // act: round 1 opens; it cannot be skipped
        let first = try await workspace.advance(scoring, in: session, to: .open)
        await #expect(throws: LiveRuleViolation.previousRoundNotRevealed(1)) {
            try await workspace.advance(scoring, in: session, to: .open)
        }
        // ScoreDraft.mock: threat 4 × min(3, 5) = 12; with intent 2: 2 × 3 = 6.
        var lower = ScoreDraft.mock.fields
        lower["intent"] = "2"
        try await workspace.answer(ScoreDraft.mock.fields, as: phones[0], to: scoring, item: drone)
        try await workspace.answer(lower, as: phones[1], to: scoring, item: drone)
        let hiddenWhileOpen = try await workspace.facilitation.results(of: scoring, in: session, scope: workspace.running)
        try await workspace.advance(scoring, in: session, to: .closed)

        // check: closed means no more answers (a fresh page and a stale one alike), and still nothing to see
        #expect(scoring.items.map(\.key) == scenarios.map(\.id))
        #expect(first.number == 1 && first.status == .open)
        #expect(hiddenWhileOpen.isEmpty)
        await #expect(throws: LiveRuleViolation.roundNotOpen) {
            try await workspace.answer(ScoreDraft.mock.fields, as: phones[0], to: scoring, item: drone)
        }
        await #expect(throws: LiveRuleViolation.roundNotOpen) {
            try await workspace.answer(ScoreDraft.mock.fields, as: phones[0], to: scoring, item: drone, round: first)
        }
        #expect(try await workspace.facilitation.results(of: scoring, in: session, scope: workspace.running).isEmpty)
        await #expect(throws: LiveRuleViolation.previousRoundNotRevealed(1)) {
            try await workspace.advance(scoring, in: session, to: .open)
        }
        #expect(try await workspace.repositories.liveSubmissionCounts(workspace.running, sessionID: session.id) == [scoring.id: [1: 2]])

        // act: reveal, then round 2
        let revealed = try await workspace.advance(scoring, in: session, to: .revealed)
        let results = try await workspace.facilitation.results(of: scoring, in: session, scope: workspace.running)
        let second = try await workspace.advance(scoring, in: session, to: .open)

        // check: threats 6 and 12 → median 9; the other scenario has no answer
        #expect(revealed.status == .revealed && revealed.revealedAt != nil)
        #expect(results.map(\.round) == [1] && results.first?.participants == 2)
        let item = try #require(results.first?.items.first { $0.key == drone })
        #expect(item.count == 2 && item.values == [6, 12] && item.summary?.median == 9)
        #expect(item.texts.map(\.text) == ["Seized drones show the capability.", "Seized drones show the capability."])
        #expect(results.first?.items.first { $0.key == scenarios[1].id }?.count == 0)
        #expect(second.number == 2 && second.status == .open)
        #expect(try await workspace.facilitation.results(of: scoring, in: session, scope: workspace.running).map(\.round) == [1])
        let actions = workspace.repositories.audit.suffix(3).map(\.action)
        #expect(actions == ["live.round_close", "live.round_reveal", "live.round_open"])
    }

    @Test func aSecondAnswerReplacesTheFirst() async throws {
        // setup
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let grid = try await workspace.addActivity(.grid, items: ["Digital forensics"], to: session)
        let phone = try #require(try await workspace.admittedPhones(1, in: session).first)
        try await workspace.advance(grid, in: session, to: .open)

        // act
        try await workspace.answer(["level": "2"], as: phone, to: grid, item: "i1")
        try await workspace.answer(["level": "3"], as: phone, to: grid, item: "i1")

        // check
        let stored = try await workspace.repositories.liveSubmissions(workspace.running, sessionID: session.id, activityID: grid.id)
        #expect(stored.map(\.answer) == [.level(3)])
        #expect(try await workspace.repositories.ownSubmissions(phone.pass, activityID: grid.id).map(\.answer) == [.level(3)])
        #expect(try await workspace.facilitatorEvents(session).filter { $0.kind == .submission }.count == 2)
    }

    // MARK: Events

    @Test func aParticipantsStreamHasNoFacilitatorEventAndNoEventCarriesAnAnswer() async throws {
        // setup: two phones join, one is admitted and answers with a comment, an idea board collects an idea
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let survey = try await workspace.addActivity(.survey, items: ["The workshop was useful"], to: session)
        let board = try await workspace.addActivity(.ideas, to: session)
        let phone = try await workspace.join(session)
        let waiting = try await workspace.join(session)
        try await workspace.admit([phone], in: session)
        try await workspace.advance(survey, in: session, to: .open)
        try await workspace.answer(["rating": "5", "comment": "Confidential remark"], as: phone, to: survey, item: "i1")
        try await workspace.closeAndReveal(survey, in: session)
        try await workspace.advance(board, in: session, to: .open)
        try await workspace.answer(["idea": "Register drone sellers"], as: phone, to: board)

        // act
        let all = try await workspace.facilitatorEvents(session)
        let heard = try await workspace.events(of: phone)
        let heardWhileWaiting = try await workspace.events(of: waiting)

        // check: the facilitator hears arrivals, answers and ideas; the phones hear none of them
        let facilitatorOnly: Set<LiveEvent.Kind> = [.participantWaiting, .submission, .ideaAdded]
        #expect(Set(all.map(\.kind)).isSuperset(of: facilitatorOnly))
        for (events, id) in [(heard, phone.id), (heardWhileWaiting, waiting.id)] {
            #expect(!events.isEmpty)
            #expect(events.allSatisfy { !facilitatorOnly.contains($0.kind) })
            #expect(events.allSatisfy { $0.audience == .everyone || ($0.audience == .participant && $0.participantID == id) })
        }
        #expect(heard.map(\.kind) == [.sessionStarted, .participantAdmitted, .roundOpened, .roundClosed, .roundRevealed, .roundOpened])
        #expect(heardWhileWaiting.map(\.kind) == [.sessionStarted, .roundOpened, .roundClosed, .roundRevealed, .roundOpened])
        // An event is its kind, audience, addressee, sequence and time: nothing of an answer.
        let encoder = JSONEncoder()
        for event in all {
            let json = try encoder.encode(event)
            let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            #expect(Set(object.keys).isSubset(of: ["sequence", "sessionID", "kind", "audience", "participantID", "createdAt"]))
            let text = String(decoding: json, as: UTF8.self)
            #expect(!text.contains("Confidential") && !text.contains("drone sellers"))
        }
    }

    @Test func aDroppedStreamResumesAfterTheLastEventSeen() async throws {
        // setup: a session with a few events
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let survey = try await workspace.addActivity(.survey, items: ["Useful"], to: session)
        let phone = try #require(try await workspace.admittedPhones(1, in: session).first)
        try await workspace.advance(survey, in: session, to: .open)
        try await workspace.answer(["rating": "3"], as: phone, to: survey, item: "i1")
        try await workspace.closeAndReveal(survey, in: session)
        let all = try await workspace.facilitatorEvents(session)
        let heard = try await workspace.events(of: phone)

        // act and check: sequences rise; a stream that saw up to the third event gets the rest, and no more than asked
        #expect(all.count == 7 && zip(all, all.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
        #expect(try await workspace.facilitatorEvents(session, after: all[2].sequence) == Array(all.dropFirst(3)))
        #expect(try await workspace.repositories.liveEvents(workspace.running, sessionID: session.id, after: 0, limit: 2) == Array(all.prefix(2)))
        #expect(try await workspace.facilitatorEvents(session, after: all[6].sequence).isEmpty)
        #expect(try await workspace.events(of: phone, after: heard[1].sequence) == Array(heard.dropFirst(2)))
        #expect(try await workspace.repositories.liveEvents(phone.pass, after: 0, limit: 1) == [heard[0]])
    }

    @Test func endingTheSessionClosesItsOpenRound() async throws {
        // setup
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let survey = try await workspace.addActivity(.survey, items: ["Useful"], to: session)
        let phone = try #require(try await workspace.admittedPhones(1, in: session).first)
        try await workspace.advance(survey, in: session, to: .open)

        // act
        let ended = try await workspace.move(session, to: .ended)

        // check
        #expect(ended.status == .ended && ended.endedAt != nil)
        #expect(try await workspace.latestRound(of: survey, in: session)?.status == .closed)
        await #expect(throws: LiveRuleViolation.sessionNotRunning(.ended)) {
            try await workspace.answer(["rating": "3"], as: phone, to: survey, item: "i1")
        }
        await #expect(throws: LiveRuleViolation.sessionNotRunning(.ended)) {
            try await workspace.addActivity(.survey, items: ["Again"], to: session)
        }
        #expect(try await workspace.events(of: phone).last?.kind == .sessionEnded)
        #expect(try await workspace.participation.session(code: session.code) == nil)
        #expect(workspace.repositories.audit.last?.action == "live.end")
    }

    // MARK: Idea board

    @Test func theIdeaBoardTakesIdeasModerationAndVotes() async throws {
        // setup
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let board = try await workspace.addActivity(.ideas, limit: 2, to: session)
        let phones = try await workspace.admittedPhones(3, in: session)
        try await workspace.advance(board, in: session, to: .open)

        // act: silent entry
        try await workspace.answer(["idea": "Register drone sellers"], as: phones[0], to: board)
        try await workspace.answer(["idea": "A register of drone sellers"], as: phones[1], to: board)
        try await workspace.answer(["idea": "Something rude"], as: phones[2], to: board)
        try await workspace.answer(["idea": "Cyber patrols"], as: phones[0], to: board)
        let entered = try await workspace.repositories.liveIdeas(workspace.running, sessionID: session.id, activityID: board.id)

        // check
        #expect(board.limit == 2 && board.items.isEmpty)
        #expect(entered.map(\.text) == ["Register drone sellers", "A register of drone sellers", "Something rude", "Cyber patrols"])
        #expect(entered.map(\.participantID) == [phones[0].id, phones[1].id, phones[2].id, phones[0].id])
        #expect(try await workspace.repositories.liveSubmissionCounts(workspace.running, sessionID: session.id) == [board.id: [1: 3]])
        let (registry, duplicate, rude, patrols) = (entered[0], entered[1], entered[2], entered[3])

        // act: moderation
        let current = try await workspace.stored(session)
        let hidden = try await workspace.facilitation.moderate(rude, hidden: true, in: current, by: workspace.facilitator, scope: workspace.running)
        let merged = try await workspace.facilitation.moderate(
            duplicate, mergeInto: registry.id, in: current, by: workspace.facilitator, scope: workspace.running)

        // check: hidden and merged; no merge into itself, a hidden idea or a merged one
        #expect(hidden.hidden && hidden.mergedInto == nil && merged.mergedInto == registry.id && !merged.hidden)
        #expect(workspace.repositories.audit.last?.details == ["idea": duplicate.id, "merged_into": registry.id])
        for (idea, target) in [(registry, registry.id), (patrols, rude.id), (patrols, duplicate.id), (registry, "no-such-idea")] {
            await #expect(throws: LiveRuleViolation.invalidMerge) {
                try await workspace.facilitation.moderate(idea, mergeInto: target, in: current, by: workspace.facilitator, scope: workspace.running)
            }
        }

        // act: votes in round 2
        try await workspace.closeAndReveal(board, in: session)
        try await workspace.advance(board, in: session, to: .open)
        let seenByRudeWriter = try await workspace.repositories.liveIdeas(phones[2].pass, activityID: board.id)
        try await workspace.answer(["vote.\(registry.id)": "on", "vote.\(patrols.id)": "on"], as: phones[0], to: board)
        let votesForHidden = await #expect(throws: ValidationFailure.self) {
            try await workspace.answer(["vote.\(rude.id)": "on"], as: phones[1], to: board)
        }
        let votesForMerged = await #expect(throws: ValidationFailure.self) {
            try await workspace.answer(["vote.\(duplicate.id)": "on"], as: phones[2], to: board)
        }
        try await workspace.answer(["vote.\(registry.id)": "on"], as: phones[1], to: board)
        try await workspace.answer(["vote.\(registry.id)": "on", "vote.\(patrols.id)": "on"], as: phones[2], to: board)
        try await workspace.closeAndReveal(board, in: session)
        let results = try await workspace.facilitation.results(of: board, in: session, scope: workspace.running)
        let revealedBoard = try await workspace.stored(session)
        let lateMerge = await #expect(throws: LiveRuleViolation.self) {
            try await workspace.facilitation.moderate(
                patrols, mergeInto: registry.id, in: revealedBoard, by: workspace.facilitator, scope: workspace.running)
        }

        // check: a participant sees the votable ideas and their own; votes counted for votable ideas only; once the votes
        // are revealed the board is final
        #expect(lateMerge == .moderationClosed)
        #expect(
            try await workspace.repositories.liveIdeas(workspace.running, sessionID: session.id, activityID: board.id).first {
                $0.id == patrols.id
            }?.mergedInto == nil)
        #expect(seenByRudeWriter.map(\.id) == [registry.id, rude.id, patrols.id])
        #expect(votesForHidden?.issues.map(\.key) == ["live.validation.unknown-idea"])
        #expect(votesForMerged?.issues.map(\.key) == ["live.validation.unknown-idea"])
        #expect(results.map(\.round) == [1, 2])
        // Round 1: no votes yet; round 2: registry 3 (with one merged into it), patrols 2.
        #expect(results[0].ideas.map(\.votes) == [0, 0])
        #expect(results[1].ideas.map(\.ideaID) == [registry.id, patrols.id])
        #expect(results[1].ideas.map(\.votes) == [3, 2] && results[1].ideas.map(\.merged) == [1, 0] && results[1].participants == 3)
    }

    // MARK: Boundaries

    @Test func aPassActsOnItsOwnSessionOnly() async throws {
        // setup: two running sessions, a phone admitted to each, a round open in the second
        let workspace = LiveWorkspace()
        let first = try await workspace.runningSession()
        let second = try await workspace.runningSession()
        let phone = try #require(try await workspace.admittedPhones(1, in: first).first)
        let stranger = try #require(try await workspace.admittedPhones(1, in: second).first)
        let survey = try await workspace.addActivity(.survey, items: ["Useful"], to: second)
        let round = try await workspace.advance(survey, in: second, to: .open)
        let (pass, participant, own) = try #require(try await workspace.participation.pass(token: phone.token))

        // act and check: the first session's pass cannot answer the second session's activity
        await #expect(throws: StoreConflict.missing) {
            try await workspace.participation.answer(
                LiveAnswerDraft(fields: ["rating": "5"]), to: survey, item: "i1", round: round, pass: pass, participant: participant, session: own)
        }
        #expect(try await workspace.repositories.liveSubmissions(workspace.running, sessionID: second.id, activityID: survey.id).isEmpty)
        #expect(try await workspace.repositories.liveActivities(pass).isEmpty)
        #expect(try await workspace.repositories.liveRounds(pass).isEmpty)
        #expect(try await workspace.repositories.ownSubmissions(pass, activityID: survey.id).isEmpty)
        // The other session's phone answers it.
        try await workspace.answer(["rating": "5"], as: stranger, to: survey, item: "i1")
        #expect(try await workspace.repositories.liveSubmissions(workspace.running, sessionID: second.id, activityID: survey.id).count == 1)
    }

    @Test func anotherStatesFacilitatorSeesNothing() async throws {
        // setup
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let other = workspace.repositories.seedPartnerState(code: "NRV", name: "Norvania")
        let foreign = SystemAuthority.tenant(other.id, actorID: workspace.base.facilitator.userID, permission: .runLiveSession)

        // act and check
        #expect(try await workspace.repositories.liveSessions(foreign).isEmpty)
        #expect(try await workspace.repositories.liveSession(foreign, id: session.id) == nil)
        await #expect(throws: StoreConflict.missing) {
            try await workspace.facilitation.move(session, to: .ended, expectedVersion: session.version, by: workspace.facilitator, scope: foreign)
        }
        #expect(try await workspace.stored(session).status == .running)
    }
}

@Suite("A storage failure in a live session reaches the caller and nothing is written")
struct LiveSessionUseCaseStorageFailureTests {
    /// One live-session use case with one of its repositories failing; the others are the workspace's in-memory ones.
    enum Call: String, CaseIterable, Sendable {
        case create, createReadingAssessments, start, join, rejoin, answer, addScenarioActivity, results, moderate

        var failingMethod: String {
            switch self {
            case .create: "addLiveSession(_:scope:audit:)"
            case .createReadingAssessments: "list(_:)"
            case .start: "updateLiveSession(_:expectedVersion:scope:audit:events:)"
            case .join: "joinLiveSession(_:tokenHash:audit:)"
            case .rejoin: "liveParticipant(tokenHash:)"
            case .answer: "submitLive(_:pass:audit:)"
            case .addScenarioActivity: "scenarios(_:assessmentID:)"
            case .results: "liveRounds(_:sessionID:)"
            case .moderate: "liveRounds(_:sessionID:)"
            }
        }
    }

    struct Stage {
        let setup: LiveSession
        let running: LiveSession
        let phone: LiveWorkspace.Phone
        let survey: LiveActivity
        let round: LiveRound
    }

    func makeStage(_ workspace: LiveWorkspace) async throws -> Stage {
        let (assessment, _) = try await workspace.assessmentWithScenarios()
        let setup = try await workspace.createSession(title: "Not started", assessment: assessment)
        let running = try await workspace.runningSession(assessment: assessment)
        let survey = try await workspace.addActivity(.survey, items: ["Useful"], to: running)
        let phone = try #require(try await workspace.admittedPhones(1, in: running).first)
        let round = try await workspace.advance(survey, in: running, to: .open)
        return Stage(setup: setup, running: try await workspace.stored(running), phone: phone, survey: survey, round: round)
    }

    func perform(_ call: Call, in workspace: LiveWorkspace, _ stage: Stage) async throws {
        let failing = FailingRepositories()
        let memory = workspace.repositories
        let (actor, scope) = (workspace.facilitator, workspace.running)
        switch call {
        case .create:
            _ = try await LiveFacilitation(live: failing, assessments: memory, scoring: memory, reference: memory).create(
                LiveSessionDraft(title: "T", assessmentID: nil, anonymity: "anonymous", attributes: [], minimumGroupSize: nil), by: actor,
                scope: scope)
        case .createReadingAssessments:
            _ = try await LiveFacilitation(live: memory, assessments: failing, scoring: memory, reference: memory).create(
                LiveSessionDraft(title: "T", assessmentID: nil, anonymity: "anonymous", attributes: [], minimumGroupSize: nil), by: actor,
                scope: scope)
        case .start:
            _ = try await LiveFacilitation(live: failing, assessments: memory, scoring: memory, reference: memory).move(
                stage.setup, to: .running, expectedVersion: stage.setup.version, by: actor, scope: scope)
        case .join:
            _ = try await LiveParticipation(live: failing).join(stage.running, with: LiveJoinDraft(fields: [:]))
        case .rejoin:
            _ = try await LiveParticipation(live: failing).pass(token: stage.phone.token)
        case .answer:
            var participant = stage.phone.participant
            participant.status = .admitted
            try await LiveParticipation(live: failing).answer(
                LiveAnswerDraft(fields: ["rating": "4"]), to: stage.survey, item: "i1", round: stage.round, pass: stage.phone.pass,
                participant: participant, session: stage.running)
        case .addScenarioActivity:
            _ = try await LiveFacilitation(live: memory, assessments: memory, scoring: failing, reference: memory).addActivity(
                LiveActivityDraft(kind: "scoring", title: "Score", items: [], scenarios: [], limit: nil), to: stage.running, by: actor, scope: scope)
        case .results:
            _ = try await LiveFacilitation(live: failing, assessments: memory, scoring: memory, reference: memory).results(
                of: stage.survey, in: stage.running, scope: scope)
        case .moderate:
            let idea = LiveIdea(id: "idea", activityID: stage.survey.id, participantID: stage.phone.id, text: "Idea", createdAt: 1)
            _ = try await LiveFacilitation(live: failing, assessments: memory, scoring: memory, reference: memory).moderate(
                idea, mergeInto: "other", in: stage.running, by: actor, scope: scope)
        }
    }

    @Test(arguments: Call.allCases)
    func theFailureIsPassedOnAndNothingIsWritten(_ call: Call) async throws {
        // setup
        let workspace = LiveWorkspace()
        let stage = try await makeStage(workspace)
        let entries = workspace.repositories.audit.count
        let events = try await workspace.facilitatorEvents(stage.running)
        let sessions = try await workspace.repositories.liveSessions(workspace.running)

        // act
        let failure = await #expect(throws: FailingRepositories.Failure.self) {
            try await perform(call, in: workspace, stage)
        }

        // check
        #expect(failure?.method == call.failingMethod)
        #expect(workspace.repositories.audit.count == entries)
        #expect(try await workspace.repositories.liveSessions(workspace.running) == sessions)
        #expect(try await workspace.facilitatorEvents(stage.running) == events)
        #expect(try await workspace.repositories.liveParticipants(workspace.running, sessionID: stage.running.id).count == 1)
        #expect(try await workspace.repositories.liveActivities(workspace.running, sessionID: stage.running.id) == [stage.survey])
        #expect(
            try await workspace.repositories.liveSubmissions(workspace.running, sessionID: stage.running.id, activityID: stage.survey.id).isEmpty)
    }
}
