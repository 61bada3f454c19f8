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
}
