import CTTechCore
import CTTechServer
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Metrics record what the client got")
struct ObservabilityTests {
    @Test func aHandledNotFoundIsCountedAs404NotAs500() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let assessor = try await world.session(.assessor)
            // act: a state the assessor has no grant for, on a matched route
            let refused = try await client.send(.get, "/states/\(Identifier.make())/edit", session: assessor)
            let metrics = try await client.send(.get, "/metrics", headers: [.authorization: "Bearer \(TestWorld.metricsToken)"])
            // check
            #expect(refused.status == .notFound)
            #expect(
                metrics.text.contains(#"hb_requests{http_route="/states/{stateID}/edit",http_request_method="GET",http_response_status_code="404"}"#))
        }
    }

    @Test func anAPIBodyWithoutItsTypeIsRefusedWith415AndWritesNothing() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            let body = #"{"code":"ZZQ","name":"Republic of Nowhere","region":"other"}"#
            // act
            let untyped = try await client.send(.post, "/api/v1/states", headers: auth, body: ByteBuffer(string: body))
            let plain = try await client.send(
                .post, "/api/v1/states", headers: auth.merging([.contentType: "text/plain"]), body: ByteBuffer(string: body))
            // check
            #expect(untyped.status == .unsupportedMediaType && plain.status == .unsupportedMediaType)
            #expect(untyped.headers[.contentType] == "application/problem+json")
            let states = try await client.send(.get, "/api/v1/states", headers: auth)
            #expect(!states.text.contains("ZZQ"))
        }
    }

    @Test func anUpdateWithoutAProfileKeepsTheProfile() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))", .contentType: "application/json"]
            let path = "/api/v1/states/\(world.home.id)"
            // act: one update sends "profile": null, the next leaves it out
            let withNull = try await client.send(
                .put, path, headers: auth,
                body: ByteBuffer(
                    string: #"{"code":"VLD","name":"Republic of Valdoria","region":"other","defaultTlp":"AMBER","profile":null,"version":1}"#))
            let without = try await client.send(
                .put, path, headers: auth,
                body: ByteBuffer(string: #"{"code":"VLD","name":"Republic of Valdoria","region":"other","defaultTlp":"AMBER","version":2}"#))
            // check
            #expect(withNull.status == .ok && without.status == .ok)
            let scope = SystemAuthority.tenant(world.home.id, permission: .viewState)
            #expect(try await world.services.states.find(scope)?.profile == "Home profile.")
        }
    }
}
