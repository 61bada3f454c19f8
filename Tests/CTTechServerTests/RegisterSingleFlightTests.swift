import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Register: one computation per revision, however many requests miss at once")
struct RegisterSingleFlightTests {
    @Test func concurrentMissesShareOneComputation() async throws {
        try await withApp(.sqlite) { world, client in
            // setup: a fresh revision nobody has asked the register of
            let viewer = try await world.session(.assessor)
            let url = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)/register.json"
            let before = await world.services.registers.computations()
            // act: 24 requests miss the cache at once
            let responses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String).self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        let r = try await client.send(.get, url, session: viewer); return (r.status, r.text)
                    }
                }
                var all: [(HTTPResponse.Status, String)] = []
                for try await response in group { all.append(response) }
                return all
            }
            // check: every request got the same register, computed once
            #expect(responses.count == 24)
            #expect(responses.allSatisfy { $0.0 == .ok })
            #expect(Set(responses.map(\.1)).count == 1)
            #expect(await world.services.registers.computations() == before + 1)
            // a change makes a new revision: the next request computes once more, and only once
            let focal = try await world.session(.focalPoint)
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let added = try await client.send(
                .post, base + "/agencies", session: focal, form: ["_csrf": focal.csrf, "name": "Coast guard", "kind": "other"])
            #expect(added.status == .seeOther)
            for _ in 0..<3 { #expect(try await client.send(.get, url, session: viewer).status == .ok) }
            #expect(await world.services.registers.computations() == before + 2)
        }
    }
}
