import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Bad input, stale writes and international text")
struct InputAndConcurrencyTests {
    struct Problem: Decodable {
        struct Issue: Decodable { var field: String; var message: String }
        var title: String
        var status: Int
        var detail: String
        var errors: [Issue]?
    }

    func problem(_ response: TestResponse) throws -> Problem {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body))
    }

    /// Every API operation in openapi.yaml that takes a body, with bodies that are wrong in each way a client can get
    /// them wrong, sent by a user allowed to call it (administrator for the platform, focal point for assessments).
    @Test(arguments: TestDatabase.kinds)
    func badAPIBodiesGet400Or413AndWriteNothing(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let admin: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            let focal: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let user = world.user(.assessor).id
            let records = try #require(world.records[world.home.id])
            let capability = try #require(world.capability[world.home.id])
            let targets = try OpenAPIPaths.operationsWithBody().filter { [.post, .put].contains($0.0) }.map { method, template in
                (
                    method,
                    "/api/v1"
                        + template.replacingOccurrences(of: "{stateId}", with: world.home.id).replacingOccurrences(of: "{userId}", with: user)
                        .replacingOccurrences(of: "{assessmentId}", with: world.homeAssessmentID)
                        .replacingOccurrences(of: "{scenarioId}", with: world.homeScenarioID)
                        .replacingOccurrences(of: "{responseId}", with: records.response)
                        .replacingOccurrences(of: "{indicatorId}", with: records.indicator)
                        .replacingOccurrences(of: "{capabilityId}", with: capability.assessment).replacingOccurrences(of: "{area}", with: "F01")
                        .replacingOccurrences(of: "{itemId}", with: capability.item)
                        .replacingOccurrences(of: "{frameworkId}", with: CapabilityFramework.defaultID)
                )
            }
            #expect(targets.count >= 16)
            let auditHead = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq
            let bodies = [
                #"{"code": 5, "name": ["x"], "region": true, "email": 1, "role": 3, "version": "one", "isActive": "yes"}"#,
                #"{"#, "not json at all", "[]", "{}", #"{"code":"VLD","name":"x","region":"other","version":1}trailing"#,
            ]
            for (method, path) in targets {
                let national = ["/assessments", "/responses", "/capability-assessments", "/roadmap-items"]
                let auth = national.contains(where: path.contains) ? focal : admin
                for body in bodies {
                    let response = try await client.send(method, path, json: body, headers: auth)
                    #expect(response.status == .badRequest, "\(method) \(path) with \(body): \(response.status)")
                    #expect(try problem(response).status == 400)
                }
                var invalidUTF8 = ByteBuffer(string: #"{"code":"VLD","name":""#)
                invalidUTF8.writeBytes([0xC3, 0x28, 0xFF])
                invalidUTF8.writeString(#"","region":"other","version":1}"#)
                var headers = auth
                headers[.contentType] = "application/json"
                let broken = try await client.send(method, path, headers: headers, body: invalidUTF8)
                #expect(broken.status == .badRequest, "\(method) \(path) with invalid UTF-8: \(broken.status)")
                let huge = try await client.send(
                    method, path, headers: headers, body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024))
                // imports take files up to 16 MiB: 2 MiB of junk is read and refused as not JSON
                let tooLarge: HTTPResponse.Status = path.hasSuffix("/import") ? .badRequest : .contentTooLarge
                #expect(huge.status == tooLarge, "\(method) \(path) with 2 MiB: \(huge.status)")
                #expect(try problem(huge).status == Int(tooLarge.code))
            }
            // nothing was written by any of it
            #expect(try await world.services.states.list(visible: SystemAuthority.allStates).count == 2)
            #expect(try await world.services.accounts.count() == Role.allCases.count + 1)
            #expect(try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq == auditHead)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func oversizedAndInvalidFieldsAreNamed(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            let long = String(repeating: "Я", count: 10_000)
            // Values outside the spec's enums are refused while the body is read, with the field named…
            let region = try await client.send(
                .post, "/api/v1/states", json: #"{"code":"VLX","name":"X","region":"atlantis","defaultTlp":"AMBER"}"#, headers: auth)
            #expect(region.status == .badRequest)
            #expect(try problem(region).errors?.map(\.field) == ["region"])
            let emperor = try await client.send(
                .post, "/api/v1/users", json: #"{"email":"e@x.example","displayName":"x","password":"long enough password","role":"emperor"}"#,
                headers: auth)
            #expect(emperor.status == .badRequest)
            #expect(try problem(emperor).errors?.map(\.field) == ["role"])
            // …and every other problem is named at once by validation.
            let response = try await client.send(
                .post, "/api/v1/states",
                json: #"{"code":"TOOLONGCODE","name":"\#(long)","region":"other","defaultTlp":"AMBER","profile":"\#(long)"}"#,
                headers: auth)
            #expect(response.status == .badRequest)
            #expect(try problem(response).errors?.map(\.field) == ["code", "name", "profile"])
            let user = try await client.send(
                .post, "/api/v1/users", json: #"{"email":"not-an-email","displayName":"","password":"short"}"#, headers: auth)
            #expect(Set(try problem(user).errors?.map(\.field) ?? []) == ["email", "displayName", "password"])
            let limit = try await client.send(.get, "/api/v1/audit?limit=5000", headers: auth)
            #expect(limit.status == .badRequest)
            let wrongType = try await client.send(.get, "/api/v1/audit?limit=many", headers: auth)
            #expect(wrongType.status == .badRequest)
            let unknownKind = try await client.send(.get, "/api/v1/reference-data/planets", headers: auth)
            #expect([.badRequest, .notFound].contains(unknownKind.status))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func badFormsComeBackWithMessagesAndKeepInput(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let admin = try await world.session(.administrator)
            // missing and oversized fields: the form again, status 400, messages, the user's input kept
            let response = try await client.send(
                .post, "/admin/states", session: admin,
                form: [
                    "_csrf": admin.csrf, "code": "", "name": String(repeating: "x", count: 201), "region": "other", "defaultTLP": "AMBER",
                    "profile": "keep me",
                ])
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.text.contains("Code: is required"))
            #expect(response.text.contains("must be at most 200 characters"))
            #expect(response.text.contains(">keep me</textarea>"))
            // invalid UTF-8 and broken escapes in a form: a clear 400, never a crash
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie]
            let invalid = try await client.send(
                .post, "/admin/states", headers: headers, body: ByteBuffer(string: "_csrf=\(admin.csrf)&name=%C3%28%FF"))
            #expect(invalid.status == .badRequest)
            #expect(invalid.text.contains("not valid UTF-8"))
            let escape = try await client.send(.post, "/admin/states", headers: headers, body: ByteBuffer(string: "_csrf=\(admin.csrf)&name=%G1"))
            #expect(escape.status == .badRequest)
            let huge = try await client.send(
                .post, "/admin/states", headers: headers, body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024))
            #expect(huge.status == .contentTooLarge)
            headers[.contentType] = "text/plain"
            #expect(try await client.send(.post, "/admin/states", headers: headers, body: ByteBuffer(string: "x")).status == .unsupportedMediaType)
            #expect(try await world.services.states.list(visible: SystemAuthority.allStates).count == 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func arabicAndCyrillicNamesAreStoredAndShownEscaped(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let admin = try await world.session(.administrator)
            let created = try await client.send(
                .post, "/admin/states", session: admin,
                form: [
                    "_csrf": admin.csrf, "code": "ARB", "name": "جمهورية فالدوريا الجديدة", "region": "mena", "defaultTLP": "AMBER",
                    "profile": "Профиль <script>alert('x')</script> & more",
                ])
            #expect(created.status == .seeOther)
            let page = try await client.send(.get, try #require(created.headers[.location]), session: admin)
            #expect(page.text.contains("جمهورية فالدوريا الجديدة"))
            #expect(
                page.text.contains("Профиль &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                    || page.text.contains("Профиль &lt;script&gt;"))
            #expect(!page.text.contains("<script>alert"))
            let user = try await client.send(
                .post, "/admin/users", session: admin,
                form: ["_csrf": admin.csrf, "email": "leila@example.org", "displayName": "Лейла Арсланова", "password": "a long enough password"])
            #expect(user.status == .seeOther)
            let list = try await client.send(.get, "/admin/users", session: admin)
            #expect(list.text.contains("Лейла Арсланова"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func staleWebFormGets409WithTheFormAgain(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: two people open the same profile form (version 1)
            let alice = try await world.session(.focalPoint)
            let bob = try await world.session(.administrator)
            let path = "/states/\(world.home.id)/edit"
            #expect(try await client.send(.get, path, session: alice).hiddenField("version") == "1")
            let base = ["code": "VLD", "name": "Republic of Valdoria", "region": "other", "defaultTLP": "AMBER", "version": "1"]
            // act
            var aliceForm = base
            (aliceForm["_csrf"], aliceForm["profile"]) = (alice.csrf, "Alice's profile")
            var bobForm = base
            (bobForm["_csrf"], bobForm["profile"]) = (bob.csrf, "Bob's profile")
            let first = try await client.send(.post, path, session: alice, form: aliceForm)
            let second = try await client.send(.post, path, session: bob, form: bobForm)
            // check
            #expect(first.status == .seeOther)
            #expect(second.status == .conflict)
            #expect(second.text.contains("Someone saved this profile"))
            #expect(second.text.contains("Bob&#39;s profile") || second.text.contains("Bob's profile"))
            #expect(second.hiddenField("version") == "2")
            let scope = SystemAuthority.tenant(world.home.id, permission: .viewState)
            #expect(try await world.services.states.find(scope)?.profile == "Alice's profile")
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func staleAPIWritesGet409ProblemJSON(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let path = "/api/v1/states/\(world.home.id)"
            let body = #"{"code":"VLD","name":"Republic of Valdoria","region":"other","defaultTlp":"AMBER","profile":"%@","version":1}"#
            let first = try await client.send(.put, path, json: body.replacingOccurrences(of: "%@", with: "first"), headers: auth)
            #expect(first.status == .ok)
            #expect(first.text.contains(#""version":2"#))
            let second = try await client.send(.put, path, json: body.replacingOccurrences(of: "%@", with: "second"), headers: auth)
            #expect(second.status == .conflict)
            #expect(try problem(second).title == "Changed by someone else")
            // users carry a version too
            let admin: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            let userPath = "/api/v1/users/\(world.user(.assessor).id)"
            let userBody = #"{"email":"assessor@valdoria.example","displayName":"%@","isActive":true,"version":1}"#
            #expect(try await client.send(.put, userPath, json: userBody.replacingOccurrences(of: "%@", with: "A"), headers: admin).status == .ok)
            #expect(
                try await client.send(.put, userPath, json: userBody.replacingOccurrences(of: "%@", with: "B"), headers: admin).status == .conflict)
        }
    }
}
