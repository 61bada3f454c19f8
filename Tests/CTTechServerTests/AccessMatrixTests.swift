import CTTechAPI
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

/// Invariant 1: every route × every role × a foreign state answers 403/404 (or, for routes open to every signed-in user,
/// answers without a byte of the foreign state's data). The route lists come from the router's own table and from
/// openapi.yaml, so a new route is walked without touching this file.
@Suite("Access matrix: tenant isolation on every route")
struct AccessMatrixTests {
    static let nonAdministrators = Role.allCases.filter { $0 != .administrator }

    /// A programme route whose path names a record of the foreign state (its event, person, request…). A knowledge product
    /// is programme-wide, the same for both states: its page opens (without the foreign state's events where it was
    /// presented: the marker check), like a listing.
    static func namesAForeignRecord(_ path: String) -> Bool { path.contains("{") && !path.contains("{productID}") }

    func webPath(_ template: String, world: TestWorld) -> String {
        let records = world.records[world.foreign.id]
        let capability = world.capability[world.foreign.id]
        let live = world.live[world.foreign.id]
        let programme = world.programme[world.foreign.id]
        let values: [(String, String)] = [
            ("{eventID}", programme?.event ?? ""), ("{personID}", programme?.person ?? ""), ("{requestID}", programme?.request ?? ""),
            ("{actionID}", programme?.action ?? ""), ("{practiceID}", programme?.practice ?? ""), ("{productID}", programme?.product ?? ""),
            ("{eventId}", programme?.event ?? ""), ("{requestId}", programme?.request ?? ""), ("{practiceId}", programme?.practice ?? ""),
            ("{actionId}", programme?.action ?? ""), ("{personId}", programme?.person ?? ""), ("{workKind}", "assessment"),
            ("{targetId}", world.foreignAssessmentID),
            ("{sessionID}", live?.session ?? ""), ("{sessionId}", live?.session ?? ""), ("{activityID}", live?.activity ?? ""),
            ("{ideaID}", live?.idea ?? ""), ("{code}", live?.code ?? ""),
            ("{stateID}", world.foreign.id), ("{userID}", world.foreignFocal.id), ("{grantID}", world.foreignGrantID), ("{kind}", "technologies"),
            ("{name}", "app.css"), ("{assessmentID}", world.foreignAssessmentID), ("{scenarioID}", world.foreignScenarioID),
            ("{scenarioId}", world.foreignScenarioID), ("{number}", "1"), ("{agencyID}", records?.agency ?? ""),
            ("{agencyId}", records?.agency ?? ""), ("{riskID}", records?.risk ?? ""), ("{riskId}", records?.risk ?? ""),
            ("{evidenceID}", records?.evidence ?? ""), ("{evidenceId}", records?.evidence ?? ""), ("{responseID}", records?.response ?? ""),
            ("{responseId}", records?.response ?? ""), ("{indicatorID}", records?.indicator ?? ""), ("{indicatorId}", records?.indicator ?? ""),
            ("{capabilityID}", capability?.assessment ?? ""), ("{capabilityId}", capability?.assessment ?? ""),
            ("{otherID}", capability?.validated ?? ""), ("{area}", "F01"), ("{itemID}", capability?.item ?? ""), ("{itemId}", capability?.item ?? ""),
            ("{frameworkID}", CapabilityFramework.defaultID), ("{frameworkId}", CapabilityFramework.defaultID),
        ]
        return values.reduce(template) { path, pair in path.replacingOccurrences(of: pair.0, with: pair.1) }
    }

    static let hostileForm = [
        "code": "HACK", "name": "Hacked", "region": "other", "defaultTLP": "CLEAR", "profile": "overwritten", "version": "1",
        "email": "intruder@example.org", "displayName": "Intruder", "password": "intruder-password", "role": "administrator", "isActive": "on",
        "current": "correct horse battery", "new": "another long password", "secret": String(repeating: "A", count: 32), "code2": "000000",
        "title": "Hostile", "period": "2025", "horizonYears": "2", "tlp": "CLEAR", "narrative": "x", "actorType": "A1", "technology.T01": "on",
        "purpose.P1": "on", "to": "closed", "intent": "5", "actorCapability": "5", "technologyAccessibility": "5", "opportunity": "5",
        "likelihoodLow": "0.1", "likelihoodBest": "0.2", "likelihoodHigh": "0.3", "confidence": "high", "type": "R01", "status": "withdrawn",
        "effect.1.factor": "likelihood", "effect.1.low": "100", "effect.1.best": "100", "effect.1.high": "100",
        "justification":
            "An intruder overrides every check of this response without any right to do so.", "check.H01.status": "met",
        "check.H01.reasoning": "x", "unit": "x", "baseline": "0", "baselineDate": "2025-01-01", "target": "1",
        "targetDate": "2026-01-01", "value": "9", "date": "2025-06-01", "evidence": "x", "reliability": "A",
        // steps 7–8: an assessment opened, an area answered, evidence, targets, a roadmap item, milestones, a framework
        "kind": "development", "conductedOn": "2025-01-01", "area.F01": "on", "area.F02": "on", "answer.E1.1.a": "fully",
        "confidence.E1.1.a": "high", "note.E1.1.a": "overwritten", "evidenceNumbers.E1.1.a": "1", "summary": "x", "source": "x",
        "credibility": "1", "target.E1": "5", "cost": "favourable", "prerequisites": "favourable", "readiness": "favourable",
        "description": "overwritten", "horizon": "short", "technology": "T09", "area": "F01", "enabler": "E1", "toStage": "5",
        "milestone.1.title": "Hostile milestone", "milestone.1.due": "2025-01-01", "done.0": "on", "readiness.legal-basis": "ready",
        "framework": #"{"id":"hostile-1","title":"Hostile","criteria":[]}"#,
        // issue 12: a live session's settings, a move, an activity, a lobby decision, an idea moderated
        "anonymity": "named", "minimum-group": "2", "items": "Hostile item", "hidden": "yes", "idea": "Hostile idea",
    ]

    @Test(arguments: TestDatabase.kinds)
    func everyWebRouteRefusesAForeignState(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let routes = try buildRouter(services: world.services).routes
            #expect(routes.count >= 25)
            for route in routes {
                for role in Self.nonAdministrators {
                    // setup: a fresh session each time, so a route like /logout cannot spoil the next request
                    let session = try await world.session(role)
                    var form = Self.hostileForm
                    form["_csrf"] = session.csrf
                    // act
                    let response = try await client.send(
                        route.method, webPath(route.path, world: world), session: session, form: route.method == .get ? nil : form)
                    // check
                    let label = "\(route.method) \(route.path) as \(role.rawValue)"
                    #expect(!response.text.contains(TestWorld.foreignMarker), "\(label) leaked the foreign state")
                    switch route.access {
                    case .state, .administrator:
                        #expect([.forbidden, .notFound].contains(response.status), "\(label) answered \(response.status)")
                    case .programme where Self.namesAForeignRecord(route.path):
                        // the foreign state's event or person: refused, or as absent as a missing one
                        #expect([.forbidden, .notFound].contains(response.status), "\(label) answered \(response.status)")
                    case .anonymous, .signedIn, .programme:
                        #expect(response.status.code < 500, "\(label) answered \(response.status)")
                    }
                }
            }
            try await expectForeignStateUntouched(world)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func everyProtectedWebRouteSendsStrangersToLogin(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            for route in try buildRouter(services: world.services).routes where route.access != .anonymous {
                let response = try await client.send(
                    route.method, webPath(route.path, world: world), form: route.method == .get ? nil : Self.hostileForm)
                // GET: redirect to the login page; POST without a session: refused by CSRF before anything else.
                #expect(
                    [.found, .seeOther, .unauthorized, .forbidden].contains(response.status), "\(route.method) \(route.path): \(response.status)")
                #expect(!response.text.contains(TestWorld.foreignMarker))
            }
        }
    }

    /// The walk above must not pass for the wrong reason (a path that never matches): the home state's users do get in.
    @Test(arguments: TestDatabase.kinds)
    func homeStateRoutesOpenForTheirUsers(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let routes = try buildRouter(services: world.services).routes
            for route in routes where route.method == .get {
                guard case .state(let permission) = route.access else { continue }
                for role in Self.nonAdministrators {
                    let path = route.path.replacingOccurrences(of: "{stateID}", with: world.home.id)
                        .replacingOccurrences(of: "{assessmentID}", with: world.homeAssessmentID)
                        .replacingOccurrences(of: "{scenarioID}", with: world.homeScenarioID)
                        .replacingOccurrences(of: "{number}", with: "1")
                        .replacingOccurrences(of: "{agencyID}", with: world.records[world.home.id]?.agency ?? "")
                        .replacingOccurrences(of: "{riskID}", with: world.records[world.home.id]?.risk ?? "")
                        .replacingOccurrences(of: "{responseID}", with: world.records[world.home.id]?.response ?? "")
                        .replacingOccurrences(of: "{capabilityID}", with: world.capability[world.home.id]?.assessment ?? "")
                        .replacingOccurrences(of: "{otherID}", with: world.capability[world.home.id]?.validated ?? "")
                        .replacingOccurrences(of: "{area}", with: "F01")
                        .replacingOccurrences(of: "{itemID}", with: world.capability[world.home.id]?.item ?? "")
                        .replacingOccurrences(of: "{sessionID}", with: world.live[world.home.id]?.session ?? "")
                        .replacingOccurrences(of: "{activityID}", with: world.live[world.home.id]?.activity ?? "")
                        .replacingOccurrences(of: "{practiceID}", with: world.programme[world.home.id]?.practice ?? "")
                    let response = try await client.send(.get, path, session: try await world.session(role))
                    // The form that opens a capability assessment is registered for those who view capability and checks the
                    // finer permission inside: without `?kind=validated` it opens a self-assessment, which needs writeCapability.
                    // Every other route's registered permission is the whole story.
                    let needed = route.path == SiteURL.capabilityNew("", validated: false).pattern ? Permission.writeCapability : permission
                    let allowed = needed.stateRoles.contains(role)
                    #expect(response.status == (allowed ? .ok : .forbidden), "GET \(route.path) as \(role.rawValue): \(response.status)")
                }
            }
            // Programme routes (issue 13): open to the roles whose home-state grant carries the permission, with the home
            // state's event and person.
            for route in routes where route.method == .get {
                guard case .programme(let permission) = route.access else { continue }
                for role in Self.nonAdministrators {
                    let path = route.path.replacingOccurrences(of: "{eventID}", with: world.programme[world.home.id]?.event ?? "")
                        .replacingOccurrences(of: "{personID}", with: world.programme[world.home.id]?.person ?? "")
                        .replacingOccurrences(of: "{requestID}", with: world.programme[world.home.id]?.request ?? "")
                        .replacingOccurrences(of: "{actionID}", with: world.programme[world.home.id]?.action ?? "")
                        .replacingOccurrences(of: "{productID}", with: world.programme[world.home.id]?.product ?? "")
                        .replacingOccurrences(of: "{stateID}", with: world.home.id)
                    let response = try await client.send(.get, path, session: try await world.session(role))
                    let allowed = permission.stateRoles.contains(role)
                    #expect(response.status == (allowed ? .ok : .forbidden), "GET \(route.path) as \(role.rawValue): \(response.status)")
                }
            }
            let admin = try await world.session(.administrator)
            for route in routes where route.method == .get && route.access == .administrator {
                let path = route.path.replacingOccurrences(of: "{userID}", with: world.foreignFocal.id)
                #expect(try await client.send(.get, path, session: admin).status == .ok, "GET \(route.path) as administrator")
            }
        }
    }

    /// Operations every signed-in user may call; they must still never return another state's data.
    static let openToEverySignedInUser: Set<String> = [
        "GET /me", "GET /states", "GET /reference-data", "GET /reference-data/{kind}", "GET /capability-frameworks",
        "GET /capability-frameworks/{frameworkId}",
    ]

    /// One body that decodes as every operation's input, so each request reaches the access check (the generated layer
    /// answers 400 to a body of the wrong shape before any handler runs).
    static func apiBody(_ template: String, _ world: TestWorld) -> String {
        // `to` and `kind` are enums of different schemas: the value each operation's body can hold.
        let to =
            template.hasSuffix("/round")
            ? "closed"
            : template.hasSuffix("/responses/{responseId}/status") ? "withdrawn" : template.hasPrefix("/programme/requests") ? "declined" : "draft"
        let kinds = [
            "/reviews": "gender", "/capability-assessments": "self", "/practices": "case", "/comments": "comment", "/links": "assessment",
            "/programme/events": "training",
        ]
        let kind =
            kinds.first { template.hasSuffix($0.key) }?.value ?? (template.contains("/roadmap-items") ? "development" : "other")
        let status =
            template.hasSuffix("/roadmap-items/{itemId}/status") ? "dropped" : template.hasPrefix("/programme/action-items") ? "done" : "drafted"
        let role = template.hasSuffix("/links") ? "run" : "administrator"
        return """
            {"code":"HACK","name":"Hacked","region":"other","defaultTlp":"CLEAR","profile":"x","version":1,"email":"intruder@example.org",
            "displayName":"Intruder","password":"intruder-password","isActive":true,"role":"\(role)","stateId":"\(world.foreign.id)",
            "title":"Hostile","period":"2025","to":"\(to)","narrative":"x","actorType":"A1",
            "technologies":["T01"],"purposes":["P1"],"intent":5,"actorCapability":5,"technologyAccessibility":5,"opportunity":5,
            "likelihood":{"low":0.1,"best":0.2,"high":0.3},"impact":{"low":1,"best":2,"high":3},"confidence":"low",
            "kind":"\(kind)","conductedOn":"2026-01-01","horizon":"short","targets":[],
            "cells":[],"technology":"T01","stage":"observed","trend":"rising","subject":"technology","ref":"T01","summary":"x","source":"x",
            "reliability":"A","credibility":1,"family":"x","type":"R01","tlp":"CLEAR","status":"\(status)",
            "effects":[{"factor":"likelihood","low":100,"best":100,"high":100}],
            "answers":\(template.hasSuffix("/areas/{area}/answers") ? "[]" : #"[{"code":"G03","status":"met","reasoning":"x"}]"#),
            "justification":"An intruder overrides every check of this response without any right to do so.",
            "level":"output","unit":"x","direction":"increase","baseline":0,"baselineDate":"2025-01-01","target":1,
            "targetDate":"2026-01-01","value":9,"date":"2025-06-01","evidence":"x","body":"x","scope":"all","askedBy":"x","topics":["T01"],
            "receivedOn":"2026-01-01","day":"2026-01-01","csv":"name,state\\nIntruder,HACK","consentPurpose":"x","consentMethod":"x",
            "consentDate":"2026-01-01","retainUntil":"2030-01-01","days":["2026-01-01"],"targetId":"\(world.foreignAssessmentID)",
            "keepId":"\(world.programme[world.foreign.id]?.person ?? "")","otherId":"\(world.programme[world.foreign.id]?.person ?? "")",
            "stateIds":["\(world.foreign.id)"],"city":"x","start":"2026-01-01","year":2026,"languages":["en"],"madeOn":"2026-01-01",
            "eventId":"\(world.programme[world.foreign.id]?.event ?? "")","items":[{"action":"x","ownerAgency":"x","due":"2026-01-01"}]}
            """
    }

    @Test(arguments: TestDatabase.kinds)
    func everyAPIOperationRefusesAForeignState(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let operations = try OpenAPIPaths.operations()
            #expect(operations.count >= 15)
            for role in Self.nonAdministrators {
                let token = try await world.bearer(role)
                for (method, template) in operations {
                    let path =
                        "/api/v1"
                        + webPath(template, world: world).replacingOccurrences(of: "{stateId}", with: world.foreign.id)
                        .replacingOccurrences(of: "{userId}", with: world.foreignFocal.id).replacingOccurrences(
                            of: "{grantId}", with: world.foreignGrantID)
                    let response = try await client.send(
                        method, path, json: [.post, .put].contains(method) ? Self.apiBody(template, world) : nil,
                        headers: [.authorization: "Bearer \(token)"])
                    let label = "\(method) \(template) as \(role.rawValue)"
                    #expect(!response.text.contains(TestWorld.foreignMarker), "\(label) leaked the foreign state")
                    try Self.expectAPIRefusal(response, to: "\(method) \(template)", in: nil, label)
                }
                // the audit log of the foreign state, asked for by id
                let audit = try await client.send(.get, "/api/v1/audit?stateId=\(world.foreign.id)", headers: [.authorization: "Bearer \(token)"])
                #expect([.forbidden, .notFound].contains(audit.status))
            }
            try await expectForeignStateUntouched(world)
        }
    }

    /// The web walk in the five other languages (issue 9). To keep the suite fast, each language walks every route as one
    /// role (a different role per language) rather than as all of them: the refusal and its page do not depend on which
    /// role is refused, and the English walk above covers every role.
    @Test(arguments: TestDatabase.kinds)
    func everyWebRouteRefusesAForeignStateInEveryLanguage(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let routes = try buildRouter(services: world.services).routes
            for (index, language) in SpokenRefusal.languages.enumerated() {
                let role = Self.nonAdministrators[index % Self.nonAdministrators.count]
                for route in routes {
                    let session = try await world.session(role)
                    var form = Self.hostileForm
                    form["_csrf"] = session.csrf
                    let response = try await client.send(
                        route.method, webPath(route.path, world: world), session: session, form: route.method == .get ? nil : form,
                        headers: SpokenRefusal.headers(language, by: SpokenRefusal.asking(index)))
                    let label = "\(route.method) \(route.path) as \(role.rawValue) in \(language.rawValue)"
                    #expect(!response.text.contains(TestWorld.foreignMarker), "\(label) leaked the foreign state")
                    switch route.access {
                    case .state, .administrator:
                        #expect([.forbidden, .notFound].contains(response.status), "\(label) answered \(response.status)")
                        SpokenRefusal.expectPage(response, in: language, label)
                    case .programme where Self.namesAForeignRecord(route.path):
                        #expect([.forbidden, .notFound].contains(response.status), "\(label) answered \(response.status)")
                        SpokenRefusal.expectPage(response, in: language, label)
                    case .anonymous, .signedIn, .programme:
                        #expect(response.status.code < 500, "\(label) answered \(response.status)")
                    }
                }
            }
            try await expectForeignStateUntouched(world)
        }
    }

    /// Strangers in the five other languages: a refused post (no session, so no CSRF token) says so in the language the
    /// browser asks for. Each route is walked in one language, the languages taking turns.
    @Test(arguments: TestDatabase.kinds)
    func strangersAreRefusedInTheirLanguage(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let routes = try buildRouter(services: world.services).routes.filter { $0.access != .anonymous }
            for (index, route) in routes.enumerated() {
                let language = SpokenRefusal.languages[index % SpokenRefusal.languages.count]
                let response = try await client.send(
                    route.method, webPath(route.path, world: world), form: route.method == .get ? nil : Self.hostileForm,
                    headers: SpokenRefusal.headers(language, by: SpokenRefusal.asking(index / SpokenRefusal.languages.count)))
                let label = "\(route.method) \(route.path) in \(language.rawValue)"
                #expect([.found, .seeOther, .unauthorized, .forbidden].contains(response.status), "\(label): \(response.status)")
                #expect(!response.text.contains(TestWorld.foreignMarker))
                if response.status == .forbidden { SpokenRefusal.expectPage(response, in: language, label) }
            }
        }
    }

    /// The API walk in the five other languages (`Accept-Language`): each language walks every operation as one role, a
    /// different role per language (the English walk above covers every role).
    @Test(arguments: TestDatabase.kinds)
    func everyAPIOperationRefusesAForeignStateInEveryLanguage(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let operations = try OpenAPIPaths.operations()
            for (index, language) in SpokenRefusal.languages.enumerated() {
                let role = Self.nonAdministrators[(index + 2) % Self.nonAdministrators.count]
                let token = try await world.bearer(role)
                for (method, template) in operations {
                    let path =
                        "/api/v1"
                        + webPath(template, world: world).replacingOccurrences(of: "{stateId}", with: world.foreign.id)
                        .replacingOccurrences(of: "{userId}", with: world.foreignFocal.id).replacingOccurrences(
                            of: "{grantId}", with: world.foreignGrantID)
                    var headers = SpokenRefusal.headers(language)
                    headers[.authorization] = "Bearer \(token)"
                    let response = try await client.send(
                        method, path, json: [.post, .put].contains(method) ? Self.apiBody(template, world) : nil, headers: headers)
                    let label = "\(method) \(template) as \(role.rawValue) in \(language.rawValue)"
                    #expect(!response.text.contains(TestWorld.foreignMarker), "\(label) leaked the foreign state")
                    try Self.expectAPIRefusal(response, to: "\(method) \(template)", in: language, label)
                }
            }
            try await expectForeignStateUntouched(world)
        }
    }

    /// What an API operation answers a caller who names a foreign state: an operation open to every signed-in user
    /// answers; the programme's listings and exports (issue 13) answer the caller's own scope or refuse, never with the
    /// foreign state's records (the walks check the marker); everything else is refused with a problem, spoken in
    /// `language` when one was asked for.
    static func expectAPIRefusal(_ response: TestResponse, to operation: String, in language: Language?, _ label: String) throws {
        let template = String(operation.drop { $0 != " " }.dropFirst())
        if openToEverySignedInUser.contains(operation) {
            #expect(response.status == .ok, "\(label): \(response.status)")
            return
        }
        let listing = template.hasPrefix("/programme") && !template.contains("{")
        if listing {
            #expect(response.status.code < 500, "\(label): \(response.status)")
            if response.status.code < 400 { return }
        } else {
            #expect([.forbidden, .notFound].contains(response.status), "\(label): \(response.status)")
        }
        if let language {
            try SpokenRefusal.expectProblem(response, in: language, label)
        } else {
            #expect(response.headers[.contentType] == "application/problem+json", "\(label) must answer problem+json")
        }
    }

    func expectForeignStateUntouched(_ world: TestWorld) async throws {
        let scope = SystemAuthority.tenant(world.foreign.id, permission: .viewState)
        #expect(try await world.services.states.find(scope) == world.foreign)
        #expect(try await world.services.accounts.grants(userID: world.foreignFocal.id).map(\.id) == [world.foreignGrantID])
        #expect(try await world.services.accounts.account(email: "intruder@example.org") == nil)
        for role in Self.nonAdministrators {
            #expect(try await world.services.accounts.grants(userID: world.user(role).id).count == 1)
        }
        let assessments = try await world.services.assessments.records.list(scope)
        #expect(assessments.map(\.id) == [world.foreignAssessmentID])
        // the foreign state's programme: its one event, its one participant, who attended the first day only
        let programme = SystemAuthority.programme(permission: .manageProgramme)
        let foreignProgramme = try #require(world.programme[world.foreign.id])
        let registrations = try await world.services.programme.programmeRegistrations(programme, eventID: foreignProgramme.event)
        #expect(registrations.map(\.1.id) == [foreignProgramme.person] && registrations.first?.0.attended == [CalendarDate("2024-04-01")!])
        #expect(try await world.services.programme.programmeEvents(programme, year: nil).filter { $0.stateIDs.contains(world.foreign.id) }.count == 1)
        let requests = try await world.services.followUps.assistanceRequests(programme).filter { $0.stateID == world.foreign.id }
        #expect(requests.map(\.id) == [foreignProgramme.request] && requests.first?.status == .received)
        let recommendations = try await world.services.followUps.recommendations(programme).filter { $0.stateID == world.foreign.id }
        #expect(recommendations.count == 1 && recommendations.first?.items.map(\.status) == [.open])
        #expect(
            try await world.services.assessments.scoring.scenarios(scope, assessmentID: world.foreignAssessmentID).map(\.id) == [
                world.foreignScenarioID
            ])
        #expect(
            try await world.services.assessments.scoring.currentRound(scope, assessmentID: world.foreignAssessmentID)
                == ScoringRound(number: 1, status: .open))
        #expect(
            try await world.services.assessments.scoring.scoresForRegister(scope, assessmentID: world.foreignAssessmentID, throughRound: 1).isEmpty)
        let records = try #require(world.records[world.foreign.id])
        let risks = try await world.services.assessments.risks.otherRisks(scope, assessmentID: world.foreignAssessmentID)
        #expect(risks.map(\.id) == [records.risk] && risks.first?.title.hasSuffix(TestWorld.foreignMarker) == true)
        let agencies = try await world.services.assessments.institutions.agencies(scope, assessmentID: world.foreignAssessmentID)
        #expect(agencies.map(\.id) == [records.agency] && agencies.first?.name.hasSuffix(TestWorld.foreignMarker) == true)
        #expect(
            try await world.services.assessments.evidence.evidence(scope, assessmentID: world.foreignAssessmentID, about: nil).map(\.id) == [
                records.evidence
            ])
        let found = try await world.services.assessments.records.find(scope, id: world.foreignAssessmentID)
        #expect(found?.status == .draft)
        let responses = try await world.services.policy.responses(scope)
        #expect(responses.map(\.id) == [records.response])
        #expect(
            responses.first?.status == .drafted && responses.first?.version == 1 && responses.first?.title.hasSuffix(TestWorld.foreignMarker) == true)
        #expect(try await world.services.policy.reviews(scope, responseID: records.response).isEmpty)
        #expect(try await world.services.policy.overrides(scope, responseID: records.response).isEmpty)
        let indicators = try await world.services.policy.indicators(scope, responseID: records.response)
        #expect(indicators.map(\.id) == [records.indicator] && indicators.first?.actuals.isEmpty == true)
        // steps 7–8: the assessments, their answers, evidence and targets, the roadmap and its reviews as seeded
        let capability = try #require(world.capability[world.foreign.id])
        let store = world.services.capability
        let capabilityAssessments = try await store.capabilityAssessments(scope)
        #expect(Set(capabilityAssessments.map(\.id)) == [capability.assessment, capability.validated])
        let assessment = try #require(capabilityAssessments.first { $0.id == capability.assessment })
        #expect(assessment.version == capability.version && assessment.title.hasSuffix(TestWorld.foreignMarker))
        #expect(capabilityAssessments.first { $0.id == capability.validated }?.version == 1)
        let answers = try await store.criterionRecords(scope, assessmentID: capability.assessment)
        #expect(answers.map(\.criterion).sorted() == TestWorld.seededAnswers.map(\.criterion).sorted())
        #expect(answers.allSatisfy { $0.note.hasSuffix(TestWorld.foreignMarker) && $0.answeredBy == "test" })
        #expect(try await store.criterionRecords(scope, assessmentID: capability.validated).isEmpty)
        #expect(try await store.capabilityEvidence(scope, assessmentID: capability.assessment).map(\.id) == [capability.evidence])
        #expect(try await store.capabilityEvidence(scope, assessmentID: capability.validated).isEmpty)
        let targets = try await store.capabilityTargets(scope, assessmentID: capability.assessment)
        #expect(targets.map { "\($0.area) \($0.enabler) \($0.stage)" } == ["F01 E1 3", "F02 E1 2"])
        let items = try await store.roadmapItems(scope)
        #expect(Set(items.map(\.id)) == [capability.prerequisite, capability.item])
        #expect(items.allSatisfy { $0.status == .proposed && $0.version == 1 && $0.title.hasSuffix(TestWorld.foreignMarker) })
        #expect(items.first { $0.id == capability.item }?.milestones.map(\.done) == [false])
        #expect(items.first { $0.id == capability.item }?.prerequisites == [capability.prerequisite])
        #expect(try await store.roadmapReviews(scope, itemID: capability.item).isEmpty)
        #expect(try await store.framework(id: "hostile-1") == nil, "no framework was published")
        // issue 12: the live session as seeded — running, one admitted participant, the idea board's entry round open with
        // its one idea shown, no other activity
        let live = try #require(world.live[world.foreign.id])
        let liveScope = SystemAuthority.tenant(world.foreign.id, permission: .viewLiveSession)
        let session = try await world.services.live.liveSession(liveScope, id: live.session)
        #expect(session?.status == .running && session?.anonymity == .pseudonymous && session?.title.hasSuffix(TestWorld.foreignMarker) == true)
        // Anyone with the code may knock (the walk's anonymous posts to the join route do): they wait in the lobby, and only
        // the seeded participant is in.
        let participants = try await world.services.live.liveParticipants(liveScope, sessionID: live.session)
        #expect(participants.filter { $0.status == .admitted }.map(\.id) == [live.participant])
        #expect(participants.allSatisfy { $0.id == live.participant || $0.status == .waiting })
        #expect(try await world.services.live.liveActivities(liveScope, sessionID: live.session).map(\.id) == [live.activity])
        #expect(try await world.services.live.liveRounds(liveScope, sessionID: live.session).map(\.status) == [.open])
        let ideas = try await world.services.live.liveIdeas(liveScope, sessionID: live.session, activityID: live.activity)
        #expect(ideas.map(\.id) == [live.idea] && ideas.allSatisfy { !$0.hidden && $0.mergedInto == nil })
    }
}

/// The operations listed in openapi.yaml, read from the document the server ships.
enum OpenAPIPaths {
    static func operations() throws -> [(HTTPRequest.Method, String)] {
        try described().map { ($0.method, $0.path) }
    }

    /// The operations that take a request body (a bodiless call, such as a withdrawal, has no body to get wrong).
    static func operationsWithBody() throws -> [(HTTPRequest.Method, String)] {
        try described().filter(\.hasBody).map { ($0.method, $0.path) }
    }

    private static func described() throws -> [(method: HTTPRequest.Method, path: String, hasBody: Bool)] {
        guard let url = APISpec.url else { throw CocoaError(.fileNoSuchFile) }
        var result: [(method: HTTPRequest.Method, path: String, hasBody: Bool)] = []
        var currentPath: String?
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                currentPath = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("components:") {
                currentPath = nil
            } else if let path = currentPath, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let word = line.trimmingCharacters(in: .whitespaces).dropLast()
                if let method = HTTPRequest.Method(word.uppercased()), ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(method.rawValue) {
                    result.append((method, path, false))
                }
            } else if currentPath != nil, line.hasPrefix("      requestBody:"), !result.isEmpty {
                result[result.count - 1].hasBody = true
            }
        }
        return result
    }
}

/// A refusal in another language (issue 9): the languages walked besides English, the headers that ask for one, and the
/// checks that an error page or a problem is in it. The walks reuse their English expectations (status, no foreign data)
/// and add these.
enum SpokenRefusal {
    static let languages: [Language] = Language.allCases.filter { $0 != .english }

    /// How a request asks for its language: the browser's `Accept-Language`, or the switcher's cookie (which wins over
    /// a browser asking for English).
    enum Asking { case acceptLanguage, cookie }

    static func headers(_ language: Language, by asking: Asking = .acceptLanguage) -> HTTPFields {
        switch asking {
        case .acceptLanguage: [.acceptLanguage: "\(language.rawValue)-XX, \(language.rawValue);q=0.9, en;q=0.1"]
        case .cookie: [.acceptLanguage: "en", .cookie: "cttech_lang=\(language.rawValue)"]
        }
    }

    /// The languages take turns at the two ways of asking.
    static func asking(_ index: Int) -> Asking { index.isMultiple(of: 2) ? .cookie : .acceptLanguage }

    /// The titles a refusal with this status may carry (catalog keys).
    static func titleKeys(_ status: HTTPResponse.Status) -> [String] {
        switch status.code {
        case 400: ["error.title.bad-request", "error.title.invalid"]
        case 401: ["error.title.unauthenticated"]
        case 403: ["error.title.forbidden", "error.title.csrf"]
        case 404: ["error.title.not-found"]
        case 405: ["error.title.method-not-allowed"]
        case 409: ["error.title.conflict", "error.title.refused"]
        case 413: ["error.title.payload-too-large"]
        case 415: ["error.title.unsupported-media-type"]
        case 429: ["error.title.too-many-requests"]
        default: []
        }
    }

    /// The key of the catalog message `text` is, in `language` (placeholders match any value), if any is.
    static func key(of text: String, in language: Language, prefixes: [String] = ["error.", "errors.", "validation."]) -> String? {
        guard let english = Localizer.catalogs[.english] else { return nil }
        for key in english.messages.keys.sorted() where prefixes.contains(where: { key.hasPrefix($0) }) {
            guard case .text(let template)? = Localizer.catalogs[language]?.messages[key] ?? english.messages[key] else { continue }
            if matches(text, template) { return key }
        }
        return nil
    }

    /// Whether `text` is `template` with its placeholders filled by some values: the literal pieces in order.
    static func matches(_ text: String, _ template: String) -> Bool {
        var pieces: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pieces.append(String(rest[..<open]))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(String(rest))
        guard pieces.count > 1 else { return text == template }
        guard let first = pieces.first, let last = pieces.last, text.hasPrefix(first), text.hasSuffix(last),
            text.count >= first.count + last.count + pieces.count - 1
        else { return false }
        var remaining = text.dropFirst(first.count).dropLast(last.count)
        for piece in pieces.dropFirst().dropLast() {
            guard let found = remaining.range(of: piece) else { return false }
            remaining = remaining[found.upperBound...]
        }
        return true
    }

    /// A detail from the layers below (`errors.*`, ours) must be written in `language`'s own catalog, not fall back to
    /// English; the shared titles and details (`error.*`) must be what the localizer says for that language.
    static func expectInLanguage(_ text: String, _ language: Language, _ label: String) {
        guard let key = key(of: text, in: language) else {
            Issue.record("\(label): \"\(text)\" is no catalog message in \(language)")
            return
        }
        if key.hasPrefix("errors.") || key.hasPrefix("validation.") {
            #expect(Localizer.catalogs[language]?.messages[key] != nil, "\(label): \(key) is not in the \(language) catalog")
        }
    }

    static func unescaped(_ html: Substring) -> String {
        var text = String(html)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&apos;", "'"), ("&amp;", "&")]
        {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// An HTML error page in `language`: `<html lang dir>`, its title the status's in that language, its detail a
    /// catalog message of that language.
    static func expectPage(_ response: TestResponse, in language: Language, _ label: String) {
        let html = response.text
        #expect(html.contains("<html lang=\"\(language.rawValue)\" dir=\"\(language.direction)\">"), "\(label): page not in \(language)")
        guard let h1 = html.range(of: "<h1>"), let end = html[h1.upperBound...].range(of: "</h1>") else {
            Issue.record("\(label): no error page (\(response.status))")
            return
        }
        let title = unescaped(html[h1.upperBound..<end.lowerBound])
        let titles = titleKeys(response.status).map { Localizer(language)($0) }
        #expect(titles.contains(title), "\(label): title \"\(title)\" is not the \(response.status.code) title in \(language)")
        let after = html[end.upperBound...]
        if let open = after.range(of: "<p>"), let close = after[open.upperBound...].range(of: "</p>") {
            expectInLanguage(unescaped(after[open.upperBound..<close.lowerBound]), language, label)
        }
    }

    struct Problem: Decodable {
        struct Issue: Decodable { var field: String; var message: String }
        var title: String
        var status: Int
        var detail: String
        var errors: [Issue]?
    }

    /// A problem+json in `language`: `Content-Language`, its title the status's in that language, its detail and each
    /// field problem catalog messages of that language (field names as they are).
    static func expectProblem(_ response: TestResponse, in language: Language, _ label: String) throws {
        #expect(response.headers[.contentType] == "application/problem+json", "\(label) must answer problem+json")
        #expect(response.headers[.contentLanguage] == language.rawValue, "\(label): Content-Language")
        let problem = try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body))
        #expect(problem.status == Int(response.status.code))
        let titles = titleKeys(response.status).map { Localizer(language)($0) }
        #expect(titles.contains(problem.title), "\(label): title \"\(problem.title)\" is not the \(response.status.code) title in \(language)")
        if problem.errors == nil { expectInLanguage(problem.detail, language, label) }
        for issue in problem.errors ?? [] { expectInLanguage(issue.message, language, "\(label) \(issue.field)") }
    }
}
