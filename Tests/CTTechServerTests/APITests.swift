import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("JSON API: tokens, operations, audit")
struct APITests {
    @Test(arguments: TestDatabase.kinds)
    func bearerTokensAndCurrentUser(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let token = try await world.bearer(.focalPoint)
            let me = try await client.send(.get, "/api/v1/me", headers: [.authorization: "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect(me.text.contains(#""role":"focal-point""#))
            #expect(me.text.contains(world.home.id))
            #expect(try await client.send(.get, "/api/v1/me", headers: [.authorization: "Bearer ctt_wrong"]).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/me", headers: [.authorization: "Basic abc"]).status == .unauthorized)
            let states = try await client.send(.get, "/api/v1/states", headers: [.authorization: "Bearer \(token)"])
            #expect(states.text.contains("Republic of Valdoria"))
            #expect(!states.text.contains(TestWorld.foreignMarker))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func sessionCookieOnTheAPINeedsTheCSRFHeader(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let session = try await world.session(.administrator)
            let body = #"{"code":"NEW","name":"New fictional state","region":"caribbean"}"#
            #expect(try await client.send(.post, "/api/v1/states", session: session, json: body).status == .forbidden)
            let created = try await client.send(
                .post, "/api/v1/states", session: session, json: body, headers: [HTTPField.Name("X-CSRF-Token")!: session.csrf])
            #expect(created.status == .created)
            #expect(created.text.contains(#""defaultTlp":"AMBER""#))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func administratorManagesUsersAndGrants(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            // create an account with a first grant
            let created = try await client.send(
                .post, "/api/v1/users",
                json:
                    #"{"email":"new@valdoria.example","displayName":"Новый","password":"long enough password","role":"assessor","stateId":"\#(world.home.id)"}"#,
                headers: auth)
            #expect(created.status == .created)
            struct User: Decodable { var id: String; var grants: [Grant] }
            struct Grant: Decodable { var id: String; var role: String; var stateId: String? }
            let user = try JSONDecoder().decode(User.self, from: Data(buffer: created.body))
            #expect(user.grants.map(\.role) == ["assessor"])
            // duplicate e-mail, duplicate grant, administrator for one state: 400 with the field
            let again = try await client.send(
                .post, "/api/v1/users", json: #"{"email":"NEW@valdoria.example","displayName":"x","password":"long enough password"}"#, headers: auth)
            #expect(again.status == .badRequest)
            let dup = try await client.send(
                .post, "/api/v1/users/\(user.id)/grants", json: #"{"role":"assessor","stateId":"\#(world.home.id)"}"#, headers: auth)
            #expect(dup.status == .badRequest)
            let adminForState = try await client.send(
                .post, "/api/v1/users/\(user.id)/grants", json: #"{"role":"administrator","stateId":"\#(world.home.id)"}"#, headers: auth)
            #expect(adminForState.status == .badRequest)
            // grant, list, withdraw
            let grant = try await client.send(.post, "/api/v1/users/\(user.id)/grants", json: #"{"role":"programme-officer"}"#, headers: auth)
            #expect(grant.status == .created)
            let grantID = try JSONDecoder().decode(Grant.self, from: Data(buffer: grant.body)).id
            #expect(try await client.send(.delete, "/api/v1/users/\(user.id)/grants/\(grantID)", headers: auth).status == .noContent)
            #expect(try await client.send(.delete, "/api/v1/users/\(user.id)/grants/\(grantID)", headers: auth).status == .notFound)
            let grants = try await client.send(.get, "/api/v1/users/\(user.id)/grants", headers: auth)
            #expect(try JSONDecoder().decode([Grant].self, from: Data(buffer: grants.body)).map(\.role) == ["assessor"])
            // every change is in the audit log, newest first, chained
            let audit = try await client.send(.get, "/api/v1/audit?limit=3", headers: auth)
            struct Page: Decodable { var items: [Entry]; var nextBefore: Int64? }
            struct Entry: Decodable { var seq: Int64; var action: String }
            let page = try JSONDecoder().decode(Page.self, from: Data(buffer: audit.body))
            #expect(page.items.map(\.action) == ["grant.remove", "grant.add", "user.create"])
            #expect(page.nextBefore == page.items.last?.seq)
            guard case .intact = try await world.services.audit.verify() else {
                Issue.record("audit chain must be intact")
                return
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func focalPointReadsTheirStatesAuditOnly(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let own = try await client.send(.get, "/api/v1/audit?stateId=\(world.home.id)", headers: auth)
            #expect(own.status == .ok)
            #expect(try await client.send(.get, "/api/v1/audit", headers: auth).status == .forbidden)
            let session = try await world.session(.focalPoint)
            let page = try await client.send(.get, "/states/\(world.home.id)/audit", session: session)
            #expect(page.status == .ok)
            #expect(page.text.contains("state.create"))
            #expect(try await client.send(.get, "/audit", session: session).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func referenceDataThroughTheAPIAndThePage(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.donorViewer))"]
            let all = try await client.send(.get, "/api/v1/reference-data", headers: auth)
            #expect(all.text.contains(MethodVersion.defaultID))
            #expect(all.text.contains("AI, generative AI, deepfakes"))
            let checks = try await client.send(.get, "/api/v1/reference-data/human-rights-checks", headers: auth)
            #expect(checks.text.contains("Proportionality / least intrusive means"))
            let page = try await client.send(.get, "/reference/gender-checks", session: try await world.session(.donorViewer))
            #expect(page.text.contains("Gender-responsive budgeting"))
            #expect(page.text.contains("TLP:CLEAR"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func assessmentScoresStayPrivateUntilRevealInTheAPI(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: two assessors score the home scenario through the store
            let scope = { (role: Role) in SystemAuthority.tenant(world.home.id, actorID: world.user(role).id, permission: .scoreScenario) }
            for (role, intent) in [(Role.assessor, 2), (.focalPoint, 5)] {
                var fields = [
                    "intent": "\(intent)", "actorCapability": "4", "technologyAccessibility": "4", "opportunity": "3", "likelihoodLow": "0.01",
                    "likelihoodBest": "0.02", "likelihoodHigh": "0.04", "confidence": "high", "rationale": "Secret reasoning \(intent)",
                ]
                for d in ImpactDimension.allCases { fields["impact.\(d.rawValue)"] = "3" }
                let score = try ScoreDraft(fields: fields).validated(scenarioID: world.homeScenarioID, round: 1, assessorID: world.user(role).id)
                try await world.services.assessments.scoring.submitScore(
                    score, scope: scope(role),
                    audit: AuditEvent(
                        actorID: "t", actorLabel: "t", action: "score.submit", entityType: "scenario", entityID: "x", stateID: world.home.id))
            }
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.assessor))"]
            let base = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let list = try await client.send(.get, "/api/v1/states/\(world.home.id)/assessments", headers: auth)
            #expect(list.text.contains(#""round":1"#) && list.text.contains(#""roundStatus":"open""#) && list.text.contains(world.homeAssessmentID))
            // act and check: before the reveal the assessor sees only their own score, and the register is empty
            let before = try await client.send(.get, base + "/scores", headers: auth)
            #expect(before.status == .ok)
            #expect(before.text.contains("Secret reasoning 2") && !before.text.contains("Secret reasoning 5"))
            // (only the other national risk of the test world is ranked; no scenario enters before a reveal)
            let emptyRegister = try await client.send(.get, base + "/register", headers: auth)
            #expect(emptyRegister.status == .ok && !emptyRegister.text.contains(#""kind":"scenario""#))
            #expect(emptyRegister.text.contains(#""kind":"other-risk""#))
            let manage = SystemAuthority.tenant(world.home.id, permission: .manageAssessment)
            let event = AuditEvent(actorID: "t", actorLabel: "t", action: "round", entityType: "assessment", entityID: "x", stateID: world.home.id)
            try await world.services.assessments.scoring.advanceRound(manage, assessmentID: world.homeAssessmentID, to: .closed, audit: event)
            let closed = try await client.send(.get, base + "/scores", headers: auth)
            #expect(!closed.text.contains("Secret reasoning 5"))
            try await world.services.assessments.scoring.advanceRound(manage, assessmentID: world.homeAssessmentID, to: .revealed, audit: event)
            let after = try await client.send(.get, base + "/scores", headers: auth)
            #expect(after.text.contains("Secret reasoning 5") && after.text.contains(#""assessor":"Assessor "#))
            #expect(!after.text.contains(world.user(.focalPoint).id))
            let register = try await client.send(.get, base + "/register", headers: auth)
            #expect(register.status == .ok)
            #expect(register.text.contains(#""basisRound":1"#) && register.text.contains("Drone attack on a stadium"))
            #expect(register.text.contains(#""threatMedian":14"#))  // 2 × 4 = 8 and 5 × 4 = 20 → median 14
            let donor: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.donorViewer))"]
            #expect(try await client.send(.get, base + "/register", headers: donor).status == .forbidden)
        }
    }
}
