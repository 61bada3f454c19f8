import CTTechAPI
import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue 12 through the JSON API: live sessions read with the web's permissions (counts of answers for those who run
/// sessions only, never an answer), results that stay hidden until the reveal and equal the results page's figures,
/// every revealed round of an assessment factor by factor, and the register at an earlier revealed round.
@Suite("Live sessions, round statistics and the register by round through the JSON API (issue 12)")
struct LiveAPITests: JSONAPITest {
    static let actor = AuditActor(id: "test", label: "test")

    static func facilitation(_ world: TestWorld) -> LiveFacilitation {
        LiveFacilitation(
            live: world.services.live, assessments: world.services.assessments.records, scoring: world.services.assessments.scoring,
            reference: world.services.reference)
    }

    /// The fields of a score whose intent is `intent`, actor capability and technology accessibility 4 (so the threat is
    /// 4 × intent), opportunity 3 and every impact dimension 3.
    static func scoreFields(intent: Int) -> [String: String] {
        var fields = [
            "intent": String(intent), "actorCapability": "4", "technologyAccessibility": "4", "opportunity": "3", "likelihoodLow": "0.01",
            "likelihoodBest": "0.02", "likelihoodHigh": "0.04", "confidence": "moderate", "rationale": "Reasoning \(intent)",
        ]
        for dimension in ImpactDimension.allCases { fields["impact.\(dimension.rawValue)"] = "3" }
        return fields
    }

    func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test(arguments: TestDatabase.kinds)
    func sessionsAreListedAndReadWithCountsOnlyForThoseWhoRunThem(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: the seeded session (idea board, entry round open, one participant admitted who wrote one idea) and a
            // second phone waiting in the lobby
            let seeded = try #require(world.live[world.home.id])
            let scope = SystemAuthority.tenant(world.home.id, permission: .runLiveSession)
            let session = try #require(try await world.services.live.liveSession(scope, id: seeded.session))
            let (waiting, _) = try await LiveParticipation(live: world.services.live).join(session, with: LiveJoinDraft(fields: ["sex": "male"]))
            let facilitator = try await auth(world, .facilitator)
            let maker = try await auth(world, .policyMaker)
            let base = "/api/v1/states/\(world.home.id)/live-sessions"

            // act: the list and the session as a facilitator and as a policy maker
            let list = try await client.send(.get, base, headers: facilitator)
            let asFacilitator = try await client.send(.get, base + "/" + seeded.session, headers: facilitator)
            let asMaker = try await client.send(.get, base + "/" + seeded.session, headers: maker)

            // check: the session as set up
            #expect(list.status == .ok)
            let sessions = try decode([Components.Schemas.LiveSession].self, list)
            #expect(sessions.map(\.id) == [seeded.session])
            let listed = try #require(sessions.first)
            #expect(listed.code == seeded.code && listed.title == "Workshop" && listed.stateId == world.home.id)
            #expect(listed.status == .running && listed.anonymity == .pseudonymous && listed.attributes == [.sex] && listed.minimumGroupSize == 2)
            #expect(listed.assessmentId == world.homeAssessmentID && listed.tlp == .amber && listed.startedAt != nil && listed.endedAt == nil)
            // the facilitator sees the board's open round with its one writer, and the lobby's counts
            let detail = try decode(Components.Schemas.LiveSessionDetail.self, asFacilitator)
            #expect(detail.session == listed)
            #expect(detail.participants.admitted == 1 && detail.participants.waiting == 1)
            let board = try #require(detail.activities.first)
            #expect(detail.activities.count == 1 && board.id == seeded.activity && board.kind == .ideas && board.limit == 2 && board.items.isEmpty)
            #expect(board.rounds.map(\.number) == [1] && board.rounds.first?.status == .open && board.rounds.first?.revealedAt == nil)
            #expect(board.rounds.first?.answered == 1)
            // a policy maker reads the same session without the counts of answers
            #expect(asMaker.status == .ok)
            let plain = try decode(Components.Schemas.LiveSessionDetail.self, asMaker)
            #expect(plain.activities.flatMap(\.rounds).allSatisfy { $0.answered == nil } && !asMaker.text.contains("\"answered\""))
            #expect(plain.session == detail.session && plain.participants == detail.participants)
            // never an answer, a participant or what they declared
            let participants = try await world.services.live.liveParticipants(scope, sessionID: seeded.session)
            for response in [asFacilitator, asMaker] {
                #expect(
                    !response.text.contains("Drone registry") && !response.text.contains(seeded.participant) && !response.text.contains(waiting.id))
                #expect(!response.text.contains("female") && !response.text.contains("\"male\""))
                for participant in participants { #expect(!response.text.contains("\"\(participant.checkCode)\"")) }
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aSessionOfAnotherStateOrNoneIsNotFoundAndViewingNeedsThePermission(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let foreign = try #require(world.live[world.foreign.id])
            let home = try #require(world.live[world.home.id])
            let facilitator = try await auth(world, .facilitator)
            let donor = try await auth(world, .donorViewer)
            let homeBase = "/api/v1/states/\(world.home.id)/live-sessions"
            let foreignBase = "/api/v1/states/\(world.foreign.id)/live-sessions"
            // act and check: the foreign session under the home state, under its own state, and ids that name nothing
            for suffix in ["", "/results", "/results.csv"] {
                for path in [homeBase + "/" + foreign.session, foreignBase + "/" + foreign.session, homeBase + "/" + Identifier.make()] {
                    let response = try await client.send(.get, path + suffix, headers: facilitator)
                    #expect(response.status == .notFound, "GET \(path + suffix): \(response.status)")
                    #expect(try problem(response).status == 404)
                    #expect(!response.text.contains(TestWorld.foreignMarker))
                }
                for junk in ["..", "%00", "x%20y", String(repeating: "a", count: 300)] {
                    let response = try await client.send(.get, homeBase + "/" + junk + suffix, headers: facilitator)
                    #expect(response.status == .notFound, "GET \(junk)\(suffix): \(response.status)")
                }
                // A donor viewer holds no grant to view live sessions: 403, as on the web.
                let refused = try await client.send(.get, homeBase + "/" + home.session + suffix, headers: donor)
                #expect(refused.status == .forbidden && refused.headers[.contentType] == "application/problem+json")
            }
            #expect(try await client.send(.get, foreignBase, headers: facilitator).status == .notFound)
            #expect(try await client.send(.get, homeBase, headers: donor).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func resultsStayHiddenUntilTheRevealThenEqualThePageAndTheDownload(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: a scoring session on the home scenario, three phones admitted, round 1 open and answered
            let scope = SystemAuthority.tenant(world.home.id, permission: .runLiveSession)
            let facilitation = Self.facilitation(world)
            let participation = LiveParticipation(live: world.services.live)
            var session = try await facilitation.create(
                LiveSessionDraft(
                    title: "Scoring workshop", assessmentID: world.homeAssessmentID, anonymity: "pseudonymous", attributes: ["sex"],
                    minimumGroupSize: 2), by: Self.actor, scope: scope)
            let activity = try await facilitation.addActivity(
                LiveActivityDraft(kind: "scoring", title: "Score the stadium attack", items: [], scenarios: [world.homeScenarioID], limit: nil),
                to: session, by: Self.actor, scope: scope)
            session = try await facilitation.move(session, to: .running, expectedVersion: session.version, by: Self.actor, scope: scope)
            var tokens: [String] = []
            for sex in ["female", "male", "female"] {
                let (participant, token) = try await participation.join(session, with: LiveJoinDraft(fields: ["sex": sex]))
                _ = try await facilitation.admit([participant.id], .admitted, in: session, by: Self.actor, scope: scope)
                tokens.append(token)
            }
            let round = try await facilitation.openRound(activity, in: session, by: Self.actor, scope: scope)
            for (token, intent) in zip(tokens, [2, 3, 5]) {
                let (pass, participant, current) = try #require(try await participation.pass(token: token))
                try await participation.answer(
                    LiveAnswerDraft(fields: Self.scoreFields(intent: intent)), to: activity, item: world.homeScenarioID, round: round, pass: pass,
                    participant: participant, session: current)
            }
            let facilitator = try await auth(world, .facilitator)
            let maker = try await auth(world, .policyMaker)
            let path = "/api/v1/states/\(world.home.id)/live-sessions/\(session.id)/results"
            let header = "activity,kind,round,item,figure,n,median,mean,minimum,maximum,q1,q3,iqr,agreement,kendall_w\r\n"

            // act and check: while the round is open, then closed, the results hold the activity but no round and no answer
            for status in [ScoringRound.Status.open, .closed] {
                if status == .closed { _ = try await facilitation.advanceRound(activity, in: session, to: .closed, by: Self.actor, scope: scope) }
                let hidden = try await client.send(.get, path, headers: facilitator)
                #expect(hidden.status == .ok && hidden.headers[.contentType] == "application/json")
                let document = try decode(Components.Schemas.LiveExport.self, hidden)
                #expect(document.activities.map(\.id) == [activity.id] && document.activities.allSatisfy(\.rounds.isEmpty), "round \(status)")
                #expect(!hidden.text.contains("Reasoning") && !hidden.text.contains("Participant 1"))
                let csv = try await client.send(.get, path + ".csv", headers: facilitator)
                #expect(csv.status == .ok && csv.text == header, "only the header while the round is \(status)")
            }

            // The reveal: the round with its figures and answers, for anyone who may view sessions.
            _ = try await facilitation.advanceRound(activity, in: session, to: .revealed, by: Self.actor, scope: scope)
            let shown = try await client.send(.get, path, headers: maker)
            #expect(shown.status == .ok)
            // the document has the spec's shape (required keys, no key the spec does not name)…
            let typed = try decode(Components.Schemas.LiveExport.self, shown)
            #expect(typed.sessionID == session.id && typed.anonymity == .pseudonymous && typed.minimumGroupSize == 2)
            let typedRound = try #require(typed.activities.first?.rounds.first)
            #expect(typedRound.round == 1 && typedRound.answers.count == 3)
            #expect(Set(typedRound.answers.compactMap(\.participant)) == ["Participant 1", "Participant 2", "Participant 3"])
            #expect(typedRound.answers.allSatisfy { $0.item == world.homeScenarioID && $0.answer.value.keys.sorted() == ["score"] })
            // …and its figures are the results page's
            let exported = try jsonAPITestDecoder.decode(LiveExport.self, from: Data(buffer: shown.body))
            let page = try await facilitation.results(of: activity, in: session, scope: scope)
            let exportedResults = try #require(exported.activities.first?.rounds.map(\.results))
            let (exportedItems, pageItems) = (exportedResults.flatMap(\.items), page.flatMap(\.items))
            #expect(page.count == 1 && exportedResults.map(\.round) == page.map(\.round) && exportedItems.count == pageItems.count)
            #expect(
                zip(exportedItems, pageItems).allSatisfy {
                    $0.factors == $1.factors && $0.summary == $1.summary && $0.values == $1.values && $0.texts.map(\.text) == $1.texts.map(\.text)
                })
            // A rationale's author is exported as the label the anonymity mode allows, never the participant's id.
            let authors = exportedItems.flatMap(\.texts).map(\.participantID)
            #expect(!authors.isEmpty && authors.allSatisfy { $0.hasPrefix("Participant ") })
            let intent = try #require(page.first?.items.first?.factors.first { $0.factor == .intent }?.summary)
            #expect(intent.count == 3 && intent.median == 3 && intent.lowerQuartile == 2.5 && intent.upperQuartile == 4)
            // A score's assessor id (the participant's id) is emptied, and no device token is anywhere.
            #expect(shown.text.components(separatedBy: "\"assessorID\":\"\"").count == 4)
            #expect(tokens.allSatisfy { !shown.text.contains($0) })
            // the facilitator's web download: the same document (a score's impact dimensions are written in the order their
            // dictionary happens to hold them, so the JSON bytes may differ), and the same CSV bytes
            let web = try await world.session(.facilitator)
            let download = try await client.send(.get, SiteURL.liveExport(world.home.id, session: session.id, format: .json).path, session: web)
            #expect(download.status == .ok)
            #expect(try jsonAPITestDecoder.decode(LiveExport.self, from: Data(buffer: download.body)) == exported)
            let csv = try await client.send(.get, path + ".csv", headers: maker)
            let webCSV = try await client.send(.get, SiteURL.liveExport(world.home.id, session: session.id, format: .csv).path, session: web)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8" && csv.body == webCSV.body)
            // intent 2, 3, 5: n 3, median 3, mean 10/3, range 2–5, quartiles 2.5 and 4 (type 7), IQR 1.5, no consensus
            #expect(csv.text.contains("\r\nScore the stadium attack,scoring,1,"))
            #expect(csv.text.contains(",intent,3,3,3.33333,2,5,2.5,4,1.5,no-consensus,\r\n"))
        }
    }

    /// Three account holders score the home scenario in round 1 (intent 2, 3 and 5) and again in round 2 (intent 4 each);
    /// actor capability and technology accessibility are 4, so the threat is 8, 12 and 20, then 16 three times.
    @Test(arguments: TestDatabase.kinds)
    func roundStatisticsAndTheRegisterByRoundCountRevealedRoundsOnly(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let assessors: [Role] = [.focalPoint, .assessor, .facilitator]
            func score(round: Int, intents: [Int]) async throws {
                for (role, intent) in zip(assessors, intents) {
                    let user = world.user(role).id
                    let score = try ScoreDraft(fields: Self.scoreFields(intent: intent)).validated(
                        scenarioID: world.homeScenarioID, round: round, assessorID: user)
                    try await world.services.assessments.scoring.submitScore(
                        score, scope: SystemAuthority.tenant(world.home.id, actorID: user, permission: .scoreScenario),
                        audit: AuditEvent(.scoreSubmit, by: Self.actor, entity: world.homeScenarioID, state: world.home.id))
                }
            }
            let manage = SystemAuthority.tenant(world.home.id, permission: .manageAssessment)
            func move(_ target: ScoringRound.Status) async throws {
                _ = try await world.services.assessments.scoring.advanceRound(
                    manage, assessmentID: world.homeAssessmentID, to: target,
                    audit: AuditEvent(
                        target == .open ? .roundOpen : target == .closed ? .roundClosed : .roundRevealed, by: Self.actor,
                        entity: world.homeAssessmentID, state: world.home.id))
            }
            let reader = try await auth(world, .policyMaker)
            let base = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            func statistics() async throws -> Components.Schemas.RoundStatistics {
                let response = try await client.send(.get, base + "/rounds", headers: reader)
                #expect(response.status == .ok)
                return try decode(Components.Schemas.RoundStatistics.self, response)
            }
            func register(_ query: String = "") async throws -> [String: Any] {
                let response = try await client.send(.get, base + "/register" + query, headers: reader)
                #expect(response.status == .ok, "register\(query)")
                return try json(response)
            }
            func scenarioEntries(_ register: [String: Any]) -> [[String: Any]] {
                (register["entries"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "scenario" }
            }

            // act and check: round 1 scored but open — nothing is summarised
            try await score(round: 1, intents: [2, 3, 5])
            var figures = try await statistics()
            #expect(figures.revealedThrough == 0 && figures.rows.isEmpty && figures.assessmentId == world.homeAssessmentID && figures.tlp == .amber)
            let emptyCSV = try await client.send(.get, base + "/rounds.csv", headers: reader)
            #expect(emptyCSV.status == .ok && emptyCSV.text.split(separator: "\r\n").count == 1, "only the header before a reveal")

            // round 1 revealed: one row, figures by hand
            try await move(.closed)
            try await move(.revealed)
            figures = try await statistics()
            #expect(figures.revealedThrough == 1 && figures.rows.map(\.round) == [1] && figures.rows.first?.scenarioId == world.homeScenarioID)
            let first = try #require(figures.rows.first)
            let intent = try #require(first.factors.first { $0.factor == .intent })
            // 2, 3, 5: median 3, mean 10/3, Q1 = 2 + 0.5 × 1 = 2.5, Q3 = 3 + 0.5 × 2 = 4, IQR 1.5 > 1: no consensus
            #expect(intent.n == 3 && intent.median == 3 && abs(intent.mean - 10.0 / 3.0) < 1e-9 && intent.minimum == 2 && intent.maximum == 5)
            #expect(intent.q1 == 2.5 && intent.q3 == 4 && intent.iqr == 1.5 && intent.agreement == .noConsensus)
            // threat 8, 12, 20: median 12, Q1 10, Q3 16, IQR 6
            let threat = try #require(first.factors.first { $0.factor == .threat })
            #expect(threat.n == 3 && threat.median == 12 && threat.q1 == 10 && threat.q3 == 16 && threat.iqr == 6 && threat.agreement == .noConsensus)
            // every score named the same value for the other factors: consensus
            let opportunity = try #require(first.factors.first { $0.factor == .opportunity })
            #expect(opportunity.median == 3 && opportunity.iqr == 0 && opportunity.agreement == .consensus)
            #expect(first.factors.first?.factor == .intent && first.factors.last?.factor == .threat && first.factors.count == 13)

            // round 2 open and scored: still only round 1, and the register at round 2 holds no scenario
            try await move(.open)
            try await score(round: 2, intents: [4, 4, 4])
            figures = try await statistics()
            #expect(figures.revealedThrough == 1 && figures.rows.map(\.round) == [1])
            let atOpenRound = try await register("?round=2")
            #expect(scenarioEntries(atOpenRound).isEmpty && atOpenRound["basisRound"] == nil, "never an open round's scores")
            #expect(scenarioEntries(try await register()).first?["threatMedian"] as? Double == 12)

            // round 2 revealed: both rounds, and the register at round 1 differs from the latest
            try await move(.closed)
            try await move(.revealed)
            figures = try await statistics()
            #expect(figures.revealedThrough == 2 && figures.rows.map(\.round) == [1, 2])
            let second = try #require(figures.rows.last?.factors.first { $0.factor == .intent })
            #expect(second.n == 3 && second.median == 4 && second.iqr == 0 && second.agreement == .consensus)
            let atRound1 = try await register("?round=1")
            let latest = try await register()
            #expect(atRound1["basisRound"] as? Int == 1 && latest["basisRound"] as? Int == 2)
            #expect(scenarioEntries(atRound1).first?["threatMedian"] as? Double == 12)
            #expect(scenarioEntries(latest).first?["threatMedian"] as? Double == 16)
            let csvAtRound1 = try await client.send(.get, base + "/register.csv?round=1", headers: reader)
            let csvLatest = try await client.send(.get, base + "/register.csv", headers: reader)
            #expect(csvAtRound1.status == .ok && csvLatest.status == .ok && csvAtRound1.text != csvLatest.text)
            #expect(csvAtRound1.text.contains(",12,") && csvLatest.text.contains(",16,"))
            let roundsCSV = try await client.send(.get, base + "/rounds.csv", headers: reader)
            #expect(roundsCSV.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                roundsCSV.text.contains(",1,intent,3,3,3.33333,2,5,2.5,4,1.5,no-consensus")
                    && roundsCSV.text.contains(",2,intent,3,4,4,4,4,4,4,0,consensus"))

            // A round that is no number, or outside 1–99, is a 400 that names the parameter.
            for query in ["?round=abc", "?round=0", "?round=100", "?round=1.5", "?round="] {
                for suffix in ["/register", "/register.csv"] {
                    let refused = try await client.send(.get, base + suffix + query, headers: reader)
                    #expect(refused.status == .badRequest, "\(suffix)\(query): \(refused.status)")
                    #expect(try fields(refused) == ["round"], "\(suffix)\(query)")
                }
            }
            // Viewing needs viewAssessment: a donor viewer is refused.
            let donor = try await auth(world, .donorViewer)
            for suffix in ["/rounds", "/rounds.csv"] {
                #expect(try await client.send(.get, base + suffix, headers: donor).status == .forbidden)
            }
        }
    }
}
