import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("The audit log does not carry assessment content to administrators without a grant")
struct AuditDisclosureFlowTests {
    @Test func aScenarioTitleReachesTheFocalPointsLogButNotTheAdministrators() async throws {
        try await withApp(.sqlite) { world, client in
            // setup: a focal point writes a scenario with a title nobody else should read
            let focal = try await world.session(.focalPoint)
            let title = "Kessel harbour drone swarm AUDIT-SECRET-4411"
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let written = try await client.send(
                .post, base + "/scenarios", session: focal,
                form: [
                    "_csrf": focal.csrf, "title": title, "narrative": "Fictional.", "actorType": "A3", "technology.T09": "on", "purpose.P7": "on",
                ])
            #expect(written.status == .seeOther)
            let admin = try await world.session(.administrator)
            let adminToken: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            // act
            let adminPages = [
                try await client.send(.get, "/audit", session: admin), try await client.send(.get, "/states/\(world.home.id)/audit", session: admin),
                try await client.send(.get, "/api/v1/audit", headers: adminToken),
                try await client.send(.get, "/api/v1/audit?stateId=\(world.home.id)", headers: adminToken),
            ]
            let focalPage = try await client.send(.get, "/states/\(world.home.id)/audit", session: focal)
            // check: the administrator sees that a scenario was created, never its title; the focal point sees the title
            for page in adminPages {
                #expect(page.status == .ok)
                #expect(page.text.contains("scenario.create"))
                #expect(!page.text.contains("AUDIT-SECRET-4411"))
            }
            #expect(focalPage.text.contains("AUDIT-SECRET-4411"))
        }
    }

    /// Issue 8, item 15: during a private round the focal point's audit view showed `score.submit` by named assessors.
    @Test func theAuditLogDoesNotSayWhoScored() async throws {
        try await withApp(.sqlite) { world, client in
            // setup: an assessor scores through the API
            let assessor = world.user(.assessor)
            let token: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.assessor))", .contentType: "application/json"]
            let base = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let facilitator: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.facilitator))", .contentType: "application/json"]
            let scenario = try await client.send(
                .post, base + "/scenarios",
                json: #"{"title":"Fictional scenario","narrative":"x","actorType":"A3","technologies":["T09"],"purposes":["P7"]}"#,
                headers: facilitator)
            #expect(scenario.status == .created)
            let id = try #require(scenario.text.firstMatch(of: /"id":"([0-9a-f-]{36})"/)?.1)
            let impact = ImpactDimension.allCases.map { #""\#($0.rawValue)":3"# }.joined(separator: ",")
            let score = try await client.send(
                .post, base + "/scenarios/\(id)/scores",
                json:
                    #"{"intent":4,"actorCapability":3,"technologyAccessibility":4,"opportunity":3,"likelihood":{"low":0.01,"best":0.05,"high":0.2},"impact":{\#(impact)},"confidence":"moderate","rationale":"Fictional."}"#,
                headers: token)
            #expect(score.status == .created)
            // act
            let focal = try await world.session(.focalPoint)
            let page = try await client.send(.get, "/states/\(world.home.id)/audit", session: focal)
            let api = try await client.send(
                .get, "/api/v1/audit?stateId=\(world.home.id)", headers: [.authorization: "Bearer \(try await world.bearer(.focalPoint))"])
            // check
            for answer in [page, api] {
                #expect(answer.status == .ok)
                #expect(answer.text.contains("score.submit"))
                #expect(answer.text.contains("an assessor (scoring is anonymous)"))
                #expect(!answer.text.contains(assessor.email) && !answer.text.contains(assessor.displayName))
                // nor a chain hash from which the submitter could be found by trying each assessor
                #expect(!answer.text.contains(#""hash""#))
            }
        }
    }
}
