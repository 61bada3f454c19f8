import CTTechCore
import CTTechServer
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Metrics record what the client got")
struct ObservabilityTests {
    @Test func aHandledNotFoundIsCountedAs404NotAs500() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let assessor = try await world.session(.assessor)
            // act: a state the assessor has no grant for, on a matched route
            let refused = try await client.send(.get, "/states/\(Identifier.make())/edit", session: assessor)
            let metrics = try await client.send(.get, "/metrics")
            // check
            #expect(refused.status == .notFound)
            #expect(
                metrics.text.contains(#"hb_requests{http_route="/states/{stateID}/edit",http_request_method="GET",http_response_status_code="404"}"#))
        }
    }
}
