import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Invariant 4 on every form and every path parameter: malformed input is a 4xx with a message, never a 500, and
/// writes nothing. The routes come from the router's own table, so new forms are walked without touching this file.
@Suite("Malformed input on every route")
struct MalformedInputWalkTests {
    func path(_ template: String, _ world: TestWorld, id: String) -> String {
        template.replacingOccurrences(of: "{stateID}", with: world.home.id).replacingOccurrences(of: "{userID}", with: world.user(.assessor).id)
            .replacingOccurrences(of: "{grantID}", with: id).replacingOccurrences(of: "{kind}", with: "technologies")
            .replacingOccurrences(of: "{name}", with: "app.css").replacingOccurrences(of: "{assessmentID}", with: world.homeAssessmentID)
            .replacingOccurrences(of: "{scenarioID}", with: world.homeScenarioID)
            .replacingOccurrences(of: "{agencyID}", with: world.records[world.home.id]?.agency ?? "")
            .replacingOccurrences(of: "{riskID}", with: world.records[world.home.id]?.risk ?? "")
            .replacingOccurrences(of: "{evidenceID}", with: world.records[world.home.id]?.evidence ?? "")
    }

    @Test(arguments: TestDatabase.kinds)
    func everyFormRefusesMalformedBodies(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let auditBefore = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq
            for route in try buildRouter(services: world.services).routes where route.method == .post && route.path != "/logout" {
                let session = try await world.session(.administrator)
                let target = path(route.path, world, id: Identifier.make())
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: session.cookie]
                var invalid = ByteBuffer(string: "_csrf=\(session.csrf)&name=")
                invalid.writeBytes([0xC3, 0x28, 0xFF, 0xFE])
                let bad = try await client.send(.post, target, headers: headers, body: invalid)
                #expect(bad.status == .badRequest, "POST \(route.path) with invalid UTF-8: \(bad.status)")
                let huge = try await client.send(.post, target, headers: headers, body: ByteBuffer(repeating: 0x61, count: 1_100_000))
                // The import takes files up to 16 MiB only from those who may import into the state; the administrator may not
                // import into this unknown state, so 1.1 MB is too large there as everywhere else.
                #expect(huge.status == .contentTooLarge, "POST \(route.path) with 1.1 MB: \(huge.status)")
                // every field present and far too long: refused or ignored, never a crash and never saved
                let long = String(repeating: "Ж", count: 20_000)
                let fields = [
                    "_csrf": session.csrf, "code": long, "name": long, "region": long, "defaultTLP": long, "profile": long, "version": long,
                    "email": long, "displayName": long, "password": long, "role": long, "stateID": long, "current": long, "new": long,
                    "secret": long, "code2": long, "next": long,
                ]
                let oversized = try await client.send(.post, target, session: session, form: fields)
                #expect(oversized.status.code < 500, "POST \(route.path) with oversized fields: \(oversized.status)")
                #expect(oversized.status.code >= 300, "POST \(route.path) accepted oversized fields")
                headers[.contentType] = "application/json"
                let json = try await client.send(.post, target, headers: headers, body: ByteBuffer(string: "{}"))
                #expect(json.status == .unsupportedMediaType, "POST \(route.path) with JSON: \(json.status)")
            }
            let auditAfter = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq
            #expect(auditBefore == auditAfter, "nothing may be written by malformed input")
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func junkPathParametersAre404(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let session = try await world.session(.administrator)
            let token = try await world.bearer(.administrator)
            let junk = [
                "x", "..%2F..%2Fetc%2Fpasswd", String(repeating: "9", count: 5_000), "%00", "11111111-1111-4111-8111-111111111111", "'%20OR%201=1--",
            ]
            for value in junk {
                for template in ["/states/{v}", "/states/{v}/edit", "/states/{v}/audit", "/admin/users/{v}"] {
                    let response = try await client.send(.get, template.replacingOccurrences(of: "{v}", with: value), session: session)
                    #expect(response.status == .notFound, "GET \(template) with \(value.prefix(20)): \(response.status)")
                }
                for template in ["/api/v1/states/{v}", "/api/v1/users/{v}", "/api/v1/users/{v}/grants"] {
                    let response = try await client.send(
                        .get, template.replacingOccurrences(of: "{v}", with: value), headers: [.authorization: "Bearer \(token)"])
                    #expect([.notFound, .badRequest].contains(response.status), "GET \(template) with \(value.prefix(20)): \(response.status)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
        }
    }
}
