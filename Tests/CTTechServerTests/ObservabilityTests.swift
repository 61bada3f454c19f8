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

@Suite("What shared answers reveal during a private round, and to whom (issue 8, items 8 and 17)")
struct SharedAnswersTests {
    /// The register's ETag once followed the assessment's revision, which every private score bumps.
    @Test func theRegisterETagDoesNotMoveWhenSomeoneScoresPrivately() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let focal = try await world.session(.focalPoint)
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let before = try await client.send(.get, base + "/register.json", session: focal)
            let assessor = try await world.session(.assessor)
            var form = [
                "_csrf": assessor.csrf, "intent": "4", "actorCapability": "3", "technologyAccessibility": "3", "opportunity": "3",
                "likelihoodLow": "1 %", "likelihoodBest": "5 %", "likelihoodHigh": "20 %", "confidence": "low", "rationale": "Fictional.",
            ]
            for dimension in ImpactDimension.allCases { form["impact.\(dimension.rawValue)"] = "3" }
            // act
            let scored = try await client.send(.post, base + "/scenarios/\(world.homeScenarioID)/scores", session: assessor, form: form)
            let after = try await client.send(.get, base + "/register.json", session: focal)
            // check
            #expect(scored.status == .seeOther)
            #expect(before.headers[.eTag] != nil && before.headers[.eTag] == after.headers[.eTag])
            #expect(before.body == after.body)
        }
    }

    /// A signed-in user without the right to import cannot make the server buffer an import-sized body.
    @Test func anImportBodyIsLimitedBeforeThePermissionCheckForThoseWithoutTheRight() async throws {
        try await withApp(.sqlite) { world, client in
            let big = ByteBuffer(repeating: UInt8(ascii: "x"), count: 2 * 1024 * 1024)
            let path = "/api/v1/states/\(world.home.id)/assessments/import"
            let assessor = try await client.send(
                .post, path, headers: [.authorization: "Bearer \(try await world.bearer(.assessor))", .contentType: "application/json"], body: big)
            let focal = try await client.send(
                .post, path, headers: [.authorization: "Bearer \(try await world.bearer(.focalPoint))", .contentType: "application/json"], body: big)
            #expect(assessor.status == .contentTooLarge)
            #expect(focal.status == .badRequest)  // read whole, then refused as not a valid file
        }
    }

    /// The 403 and 404 pages keep the navigation and the signed-in state, with a way back.
    @Test func errorPagesKeepTheNavigation() async throws {
        try await withApp(.sqlite) { world, client in
            let assessor = try await world.session(.assessor)
            let refused = try await client.send(.get, "/states/\(world.home.id)/edit", session: assessor)
            let missing = try await client.send(.get, "/states/\(world.home.id)/assessments/\(Identifier.make())", session: assessor)
            for page in [refused, missing] {
                #expect([.forbidden, .notFound].contains(page.status))
                #expect(page.text.contains(world.user(.assessor).displayName))
                #expect(page.text.contains(">Partner states</a>") && page.text.contains("Back to your partner states"))
                #expect(page.text.contains(#"name="_csrf" value="\#(assessor.csrf)""#), "the log-out form works")
            }
        }
    }

    /// Issue 8, item 17: refused attempts leave a trace tied to the person; every tenth in ten minutes is audited.
    @Test func repeatedRefusalsAreAudited() async throws {
        try await withApp(.sqlite) { world, client in
            let assessor = try await world.session(.assessor)
            for _ in 0..<10 {
                #expect(try await client.send(.get, "/states/\(world.home.id)/edit", session: assessor).status == .forbidden)
            }
            let audit = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 10))
            let entry = try #require(audit.first { $0.action == "access.refused" })
            #expect(entry.actorID == world.user(.assessor).id && entry.details.contains("10 in 10 minutes"))
            #expect(audit.filter { $0.action == "access.refused" }.count == 1)
        }
    }
}
