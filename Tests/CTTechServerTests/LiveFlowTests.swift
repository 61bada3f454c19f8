import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 12 through the real router: a facilitator runs a ranking round while a participant joins from a "phone" (a
/// client holding only the device cookie), on both databases. Results stay hidden until the reveal — in pages and in the
/// event streams — the lobby admits, the device token rejoins, rounds cannot be skipped, and a stream resumes after
/// `Last-Event-ID`.
@Suite("Live session end to end (issue 12)")
struct LiveFlowTests {
    static let device = "__Host-cttech_live"
    static let login = "__Host-cttech_login"

    /// What a phone holds: its cookies and the CSRF token its forms carry.
    struct Phone {
        var cookies: [String: String] = [:]
        var csrf = ""
        var header: HTTPFields {
            var fields = HTTPFields()
            if !cookies.isEmpty { fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
            return fields
        }

        mutating func keep(_ response: TestResponse) {
            for name in [LiveFlowTests.device, LiveFlowTests.login] {
                if let cookie = response.setCookie(name) { cookies[name] = cookie.value }
            }
            if let token = response.hiddenField("_csrf") { csrf = token }
        }
    }

    func location(_ response: TestResponse) -> String { response.headers[.location] ?? "" }

    /// The facilitator opens a session "Drone workshop" from the sessions page; its control room's path and its id.
    func createSession(
        _ client: any TestClientProtocol, _ world: TestWorld, as facilitator: Session, assessment: String, anonymity: String
    ) async throws -> (path: String, id: String) {
        let response = try await client.send(
            .post, SiteURL.liveSessions(world.home.id).path, session: facilitator,
            form: ["_csrf": facilitator.csrf, "title": "Drone workshop", "assessment": assessment, "anonymity": anonymity])
        #expect(response.status == .seeOther)
        let path = location(response)
        return (path, String(path.split(separator: "/").last ?? ""))
    }

    @Test(arguments: TestDatabase.kinds)
    func aRoundRunsFromJoinToReveal(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let stateID = world.home.id
            let facilitator = try await world.session(.facilitator)
            // setup: a session with a ranking of the assessment's scenario, started
            let (sessionPath, sessionID) = try await createSession(
                client, world, as: facilitator, assessment: world.homeAssessmentID, anonymity: "pseudonymous")
            var response: TestResponse
            let scope = SystemAuthority.tenant(stateID, permission: .viewLiveSession)
            let session = try #require(try await world.services.live.liveSession(scope, id: sessionID))
            response = try await client.send(
                .post, SiteURL.liveActivities(stateID, session: sessionID).path, session: facilitator,
                form: ["_csrf": facilitator.csrf, "kind": "ranking", "title": "Which threat first?"])
            #expect(response.status == .seeOther)
            let activity = try #require(try await world.services.live.liveActivities(scope, sessionID: sessionID).first)
            let roundPath = SiteURL.liveRound(stateID, session: sessionID, activity: activity.id).path
            // A code typed before the start opens a page that says so; nobody can join yet.
            var phone = Phone()
            response = try await client.send(.get, SiteURL.joinSession(code: session.code).path)
            #expect(response.text.contains("The session has not started yet"))
            response = try await client.send(
                .post, SiteURL.liveStatus(stateID, session: sessionID).path, session: facilitator,
                form: ["_csrf": facilitator.csrf, "version": "1", "to": "running"])
            #expect(response.status == .seeOther)

            // act: the phone joins with the code in lower case
            response = try await client.send(.get, SiteURL.join.path + "?code=" + session.code.lowercased())
            #expect(location(response) == SiteURL.joinSession(code: session.code).path)
            response = try await client.send(.get, SiteURL.joinSession(code: session.code).path)
            phone.keep(response)
            response = try await client.send(
                .post, SiteURL.joinSession(code: session.code).path, form: ["_csrf": phone.csrf], headers: phone.header)
            #expect(response.status == .seeOther && location(response) == SiteURL.participate.path)
            phone.keep(response)
            let token = try #require(phone.cookies[Self.device])
            #expect(response.setCookie(Self.device)?.line.contains("HttpOnly") == true)
            response = try await client.send(.get, SiteURL.participate.path, headers: phone.header)
            #expect(response.text.contains("You are in the lobby"))
            let participant = try #require(try await world.services.live.liveParticipants(scope, sessionID: sessionID).first)
            #expect(response.text.contains(participant.checkCode) && !response.text.contains("Drone workshop"), "the lobby names no session")
            // Answering from the lobby is refused: the facilitator has not admitted the phone.
            phone.keep(response)

            // The facilitator sees the screen code and admits.
            response = try await client.send(.get, sessionPath, session: facilitator)
            #expect(response.text.contains("<strong dir=\"ltr\">\(participant.checkCode)</strong>"))
            response = try await client.send(
                .post, SiteURL.liveLobby(stateID, session: sessionID).path, session: facilitator,
                form: ["_csrf": facilitator.csrf, "participant.\(participant.id)": "on"])
            #expect(response.status == .seeOther)
            response = try await client.send(.post, roundPath, session: facilitator, form: ["_csrf": facilitator.csrf, "to": "open"])
            #expect(response.status == .seeOther)

            // The phone ranks the one scenario.
            response = try await client.send(.get, SiteURL.participate.path, headers: phone.header)
            phone.keep(response)
            #expect(response.text.contains("name=\"rank.\(world.homeScenarioID)\""))
            let answer = [
                "_csrf": phone.csrf, "activity": activity.id, "round": "1", "item": "", "rank.\(world.homeScenarioID)": "1",
            ]
            response = try await client.send(.post, SiteURL.participateAnswer.path, form: answer, headers: phone.header)
            #expect(response.status == .seeOther)

            // check: counts for the facilitator, no results anywhere before the reveal
            response = try await client.send(.get, sessionPath, session: facilitator)
            #expect(response.text.contains("1 of 1 answered") && !response.text.contains("Kendall"))
            let resultsPath = SiteURL.liveResults(stateID, session: sessionID, activity: activity.id).path
            response = try await client.send(.get, resultsPath, session: facilitator)
            #expect(response.text.contains("Round 1 is not revealed yet") && !response.text.contains("Mean rank"))
            response = try await client.send(.get, SiteURL.participate.path, headers: phone.header)
            #expect(response.text.contains("Submitted") && !response.text.contains("Mean rank"))
            response = try await client.send(.get, SiteURL.liveExport(stateID, session: sessionID, format: .json).path, session: facilitator)
            #expect(!response.text.contains("\"answers\":[{"), "an export made during the round holds no answer")
            let phoneEvents = try await client.send(.get, SiteURL.participateEvents.path, headers: phone.header).text
            let facilitatorEvents = try await client.send(.get, SiteURL.liveEvents(stateID, session: sessionID).path, session: facilitator).text
            #expect(
                facilitatorEvents.contains("\"kind\":\"submission\"") && !phoneEvents.contains("submission"), "answers are heard by facilitators only"
            )
            #expect(phoneEvents.contains("\"kind\":\"round.opened\"") && phoneEvents.contains("\"kind\":\"participant.admitted\""))
            #expect(!phoneEvents.contains("participant.waiting"), "who knocks is the facilitator's business")
            for events in [phoneEvents, facilitatorEvents] {
                #expect(!events.contains(world.homeScenarioID) && !events.contains("rank"), "no event carries an answer")
            }

            // Rounds are not skipped: round 2 cannot open before round 1 is revealed.
            response = try await client.send(.post, roundPath, session: facilitator, form: ["_csrf": facilitator.csrf, "to": "open"])
            #expect(response.status == .conflict && response.text.contains("Round 1 must be revealed before the next round opens"))
            // Closed: the phone's answer is refused and nothing changes.
            response = try await client.send(.post, roundPath, session: facilitator, form: ["_csrf": facilitator.csrf, "to": "closed"])
            #expect(response.status == .seeOther)
            response = try await client.send(.post, SiteURL.participateAnswer.path, form: answer, headers: phone.header)
            #expect(response.status == .conflict && response.text.contains("no longer open"))

            // The reveal: results for the facilitator; the phone's stream hears it.
            let lastBeforeReveal = try await world.services.live.latestEventSequence()
            response = try await client.send(.post, roundPath, session: facilitator, form: ["_csrf": facilitator.csrf, "to": "revealed"])
            #expect(response.status == .seeOther)
            response = try await client.send(.get, resultsPath, session: facilitator)
            #expect(response.text.contains("Mean rank") && response.text.contains("Round 1 · 1 participant answered"))
            var resume = phone.header
            resume[HTTPField.Name("Last-Event-ID")!] = String(lastBeforeReveal)
            let resumed = try await client.send(.get, SiteURL.participateEvents.path, headers: resume).text
            #expect(resumed.contains("id: \(lastBeforeReveal + 1)\ndata: {\"kind\":\"round.revealed\"}"), "a stream resumes after its last id")
            #expect(!resumed.contains("round.opened"), "nothing before the last id is sent again")

            // Workshop input: the revealed ranking joins the assessment's open round (a policy maker, who may watch the
            // session but not run it, cannot add it).
            #expect(response.text.contains("Workshop input to the assessment") && response.text.contains("Add to the assessment’s round 1"))
            let feedPath = SiteURL.liveFeed(stateID, session: sessionID, activity: activity.id).path
            let policyMaker = try await world.session(.policyMaker)
            response = try await client.send(.post, feedPath, session: policyMaker, form: ["_csrf": policyMaker.csrf, "round": "1"])
            #expect(response.status == .forbidden)
            response = try await client.send(.post, feedPath, session: facilitator, form: ["_csrf": facilitator.csrf, "round": "9"])
            #expect(response.status == .badRequest)
            response = try await client.send(.post, feedPath, session: facilitator, form: ["_csrf": facilitator.csrf, "round": "1"])
            #expect(response.status == .seeOther && location(response).hasSuffix("#workshop-input"))
            let assessmentScope = SystemAuthority.tenant(stateID, permission: .viewAssessment)
            let sources = try await world.services.assessments.scoring.workshopSources(assessmentScope, assessmentID: world.homeAssessmentID)
            #expect(sources.map(\.rankings) == [1] && sources.map(\.scores) == [0] && sources.map(\.round) == [1])
            response = try await client.send(.get, resultsPath, session: facilitator)
            #expect(response.text.contains("added to the assessment’s round 1"))

            // Rejoin: another browser tab with the same device cookie is the same participant; without it, the join page.
            response = try await client.send(.get, SiteURL.participate.path, headers: [.cookie: "\(Self.device)=\(token)"])
            #expect(response.status == .ok && response.text.contains("Participant 1"))
            response = try await client.send(.get, SiteURL.joinSession(code: session.code).path, headers: [.cookie: "\(Self.device)=\(token)"])
            #expect(location(response) == SiteURL.participate.path, "a device already in the session goes back to it")
            response = try await client.send(.get, SiteURL.participate.path)
            #expect(location(response) == SiteURL.join.path)
            #expect(try await world.services.live.liveParticipants(scope, sessionID: sessionID).count == 1, "rejoining adds nobody")

            // Audit: session events, the participant never named.
            let entries = try await world.services.audit.list(scope, page: PageRequest(limit: 200)).filter { $0.entityID == sessionID }
            #expect(
                Set(entries.map(\.action)).isSuperset(of: [
                    "live.create", "live.activity", "live.start", "live.join", "live.admit", "live.round_open",
                    "live.submit", "live.round_close", "live.round_reveal", "live.feed",
                ]))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func settingsChangeBeforeTheStartAndOnlyTheTitleAndAssessmentAfter(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let stateID = world.home.id
            let facilitator = try await world.session(.facilitator)
            let (sessionPath, sessionID) = try await createSession(client, world, as: facilitator, assessment: "", anonymity: "anonymous")
            let settingsPath = SiteURL.liveSettings(stateID, session: sessionID).path
            let scope = SystemAuthority.tenant(stateID, permission: .viewLiveSession)
            var response = try await client.send(.get, sessionPath, session: facilitator)
            #expect(response.text.contains("<summary>Settings</summary>") && response.text.contains("name=\"anonymity\" value=\"anonymous\" checked"))

            // Before the start: a bad smallest group is refused by its field, nothing changes; then everything may change.
            var form = [
                "_csrf": facilitator.csrf, "version": "1", "title": "Regional drone workshop", "assessment": world.homeAssessmentID,
                "anonymity": "pseudonymous", "attribute.sex": "on", "minimum-group": "1",
            ]
            response = try await client.send(.post, settingsPath, session: facilitator, form: form)
            #expect(response.status == .badRequest && response.text.contains("id=\"l-minimum-error\""))
            #expect(response.text.contains("<details class=\"settings\" open>") && response.text.contains("value=\"Regional drone workshop\""))
            #expect(try await world.services.live.liveSession(scope, id: sessionID)?.title == "Drone workshop")
            form["minimum-group"] = "4"
            response = try await client.send(.post, settingsPath, session: facilitator, form: form)
            #expect(response.status == .seeOther)
            var stored = try #require(try await world.services.live.liveSession(scope, id: sessionID))
            #expect(stored.title == "Regional drone workshop" && stored.anonymity == .pseudonymous && stored.minimumGroupSize == 4)
            #expect(stored.askedAttributes == [.sex] && stored.assessmentID == world.homeAssessmentID)

            // After the start: the fixed settings are said, sent back as they are; changing them is refused.
            response = try await client.send(
                .post, SiteURL.liveStatus(stateID, session: sessionID).path, session: facilitator,
                form: ["_csrf": facilitator.csrf, "version": String(stored.version), "to": "running"])
            stored = try #require(try await world.services.live.liveSession(scope, id: sessionID))
            response = try await client.send(.get, sessionPath, session: facilitator)
            #expect(response.text.contains("Fixed since the start: Pseudonymous; asked at join: Sex; smallest group shown: 4; assessment: "))
            #expect(response.text.contains("<input type=\"hidden\" name=\"attribute.sex\" value=\"on\">"))
            form["version"] = String(stored.version)
            form["anonymity"] = "named"
            response = try await client.send(.post, settingsPath, session: facilitator, form: form)
            #expect(response.status == .conflict && response.text.contains("fixed once the session has started"))
            form["anonymity"] = "pseudonymous"
            form["title"] = "Regional drone workshop, day 2"
            response = try await client.send(.post, settingsPath, session: facilitator, form: form)
            #expect(response.status == .seeOther)
            stored = try #require(try await world.services.live.liveSession(scope, id: sessionID))
            #expect(stored.title == "Regional drone workshop, day 2" && stored.anonymity == .pseudonymous)
            // A stale form (the version before) is refused rather than written over the newer settings.
            response = try await client.send(.post, settingsPath, session: facilitator, form: form)
            #expect(response.status == .conflict)
            let entries = try await world.services.audit.list(scope, page: PageRequest(limit: 200)).filter { $0.entityID == sessionID }
            #expect(entries.filter { $0.action == "live.update" }.count == 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aJoinCodeOpensNoRunningSessionAfterItEndsAndBadInputIsRefused(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let live = try #require(world.live[world.home.id])
            // An unknown code: the form again, 404, with a message.
            var response = try await client.send(.get, SiteURL.join.path + "?code=ZZZZZZ")
            #expect(response.status == .notFound && response.text.contains("No running session has this code"))
            // A phone answering for an activity it was not shown: refused, nothing stored.
            let phone: HTTPFields = [.cookie: "\(Self.device)=\(live.token)"]
            response = try await client.send(.get, SiteURL.participate.path, headers: phone)
            let csrf = response.hiddenField("_csrf") ?? ""
            let login = response.setCookie(Self.login)?.value ?? ""
            let cookies: HTTPFields = [.cookie: "\(Self.device)=\(live.token); \(Self.login)=\(login)"]
            response = try await client.send(
                .post, SiteURL.participateAnswer.path, form: ["_csrf": csrf, "activity": Identifier.make(), "round": "1", "idea": "x"],
                headers: cookies)
            #expect(response.status == .conflict)
            // An idea too long: the form again with the message by the field, the text kept.
            let long = String(repeating: "a", count: 281)
            response = try await client.send(
                .post, SiteURL.participateAnswer.path, form: ["_csrf": csrf, "activity": live.activity, "round": "1", "item": "", "idea": long],
                headers: cookies)
            #expect(response.status == .badRequest && response.text.contains("must be at most 280 characters") && response.text.contains(long))
            // Without the CSRF token: refused.
            response = try await client.send(
                .post, SiteURL.participateAnswer.path, form: ["activity": live.activity, "round": "1", "item": "", "idea": "x"], headers: cookies)
            #expect(response.status == .forbidden)
            let scope = SystemAuthority.tenant(world.home.id, permission: .viewLiveSession)
            #expect(try await world.services.live.liveIdeas(scope, sessionID: live.session, activityID: live.activity).count == 1)
            // An idea becomes a draft scenario: the assessment's scenario form, open and filled from it (escaped).
            let assessor = try await world.session(.assessor)
            response = try await client.send(
                .get, SiteURL.assessment(world.home.id, world.homeAssessmentID).path + "?from-idea=Drone%20registry%20%3Cb%3E", session: assessor)
            #expect(response.status == .ok && response.text.contains("value=\"Drone registry &lt;b&gt;\""))
            #expect(response.text.contains("<details open>"), "the folded scenario form is open")
            // Ended: the code opens nothing any more.
            let facilitator = try await world.session(.facilitator)
            let session = try #require(try await world.services.live.liveSession(scope, id: live.session))
            response = try await client.send(
                .post, SiteURL.liveStatus(world.home.id, session: live.session).path, session: facilitator,
                form: ["_csrf": facilitator.csrf, "version": String(session.version), "to": "ended"])
            #expect(response.status == .seeOther)
            response = try await client.send(.get, SiteURL.joinSession(code: live.code).path)
            #expect(response.status == .notFound)
            response = try await client.send(.get, SiteURL.participate.path, headers: phone)
            #expect(response.text.contains("The session has ended"))
        }
    }
}
