import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Testing

@Suite("Log in, sessions, CSRF, lockout, TOTP, headers")
struct AuthenticationTests {
    /// Fetches the login form: the double-submit cookie and the token the form carries.
    func loginForm(_ client: any TestClientProtocol, cookie: String? = nil) async throws -> (cookie: String, csrf: String) {
        let page = try await client.send(.get, "/login", headers: cookie.map { [.cookie: $0] } ?? [:])
        let login = try #require(page.setCookie("__Host-cttech_login"))
        return ("__Host-cttech_login=\(login.value)", try #require(page.hiddenField("_csrf")))
    }

    func logIn(
        _ client: any TestClientProtocol, _ email: String, _ password: String = TestWorld.password, extraCookie: String? = nil
    ) async throws
        -> TestResponse
    {
        let form = try await loginForm(client)
        let cookies = [form.cookie, extraCookie].compactMap { $0 }.joined(separator: "; ")
        return try await client.send(
            .post, "/login", form: ["_csrf": form.csrf, "email": email, "password": password], headers: [.cookie: cookies])
    }

    @Test(arguments: TestDatabase.kinds)
    func loginIssuesAHardenedSessionCookie(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // act
            let response = try await logIn(client, world.user(.assessor).email)
            // check
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/home")
            let cookie = try #require(response.setCookie("__Host-cttech_session"))
            for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] { #expect(cookie.line.contains(attribute)) }
            #expect(!cookie.line.contains("Domain"))
            let home = try await client.send(.get, "/home", headers: [.cookie: "__Host-cttech_session=\(cookie.value)"])
            #expect(home.status == .ok)
            #expect(home.text.contains("Republic of Valdoria"))
            #expect(home.text.contains("Ва́лдория"))
        }
    }

    @Test func loginNeverRedirectsToAnotherHost() async throws {
        try await withApp(.sqlite) { world, client in
            for next in ["/\t/evil.example/phish", "//evil.example", "/\\evil.example", "/states"] {
                // setup
                let form = try await loginForm(client)
                // act
                let response = try await client.send(
                    .post, "/login", form: ["_csrf": form.csrf, "email": world.user(.assessor).email, "password": TestWorld.password, "next": next],
                    headers: [.cookie: form.cookie])
                // check
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == (next == "/states" ? "/states" : "/home"), "next = \(next.debugDescription)")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func sessionFixationIsImpossible(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: the attacker plants a session of their own (a real one) in the victim's browser
            let planted = try await world.session(.donorViewer)
            // act: the victim logs in with the planted cookie present
            let response = try await logIn(client, world.user(.focalPoint).email, extraCookie: planted.cookie)
            // check: a new id was issued, and the planted one no longer opens anything
            let fresh = try #require(response.setCookie("__Host-cttech_session"))
            #expect("__Host-cttech_session=\(fresh.value)" != planted.cookie)
            let old = try await client.send(.get, "/home", session: planted)
            #expect(old.status == .found)
            #expect(old.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func logoutEndsTheSession(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let session = try await world.session(.assessor)
            let out = try await client.send(.post, "/logout", session: session, form: ["_csrf": session.csrf])
            #expect(out.status == .seeOther)
            #expect(try await client.send(.get, "/home", session: session).status == .found)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func wrongPasswordAndUnknownEmailLookAlike(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let wrong = try await logIn(client, world.user(.assessor).email, "not the password at all")
            let unknown = try await logIn(client, "nobody@example.org")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.text.contains("The e-mail or password is not right, or the account is locked"))
            #expect(unknown.text.contains("The e-mail or password is not right, or the account is locked"))
            #expect(wrong.setCookie("__Host-cttech_session") == nil)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func fiveFailuresLockTheAccount(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let email = world.user(.policyMaker).email
            for _ in 0..<5 { #expect(try await logIn(client, email, "wrong password here").status == .unauthorized) }
            // the right password is refused while locked
            let locked = try await logIn(client, email)
            #expect(locked.status == .unauthorized)
            // the same words as a wrong password, so nobody learns which e-mails have accounts (issue 8, item 17)
            let wrong = try await logIn(client, "nobody-\(Identifier.make())@example.org")
            #expect(locked.text.contains("The e-mail or password is not right, or the account is locked for a while"))
            #expect(
                locked.text.firstMatch(of: /<div class="errors"[\s\S]*?<\/div>/)?.output
                    == wrong.text.firstMatch(of: /<div class="errors"[\s\S]*?<\/div>/)?.output)
            let account = try #require(try await world.services.accounts.account(email: email))
            #expect(account.failedLogins == 5)
            #expect((account.lockedUntil ?? 0) > epochMilliseconds())
            let audit = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 5))
            #expect(audit.contains { $0.action == "account.locked" && $0.entityID == account.id })
        }
    }

    /// Issue 8, item 12: the limit is per account and address together, so a room behind one connection is not locked
    /// out by one person's typos.
    @Test func tooManyAttemptsForOneAccountFromOneAddressGet429() async throws {
        try await withApp(.sqlite) { world, client in
            var last: TestResponse?
            for _ in 0..<11 { last = try await logIn(client, "nobody@example.org") }
            #expect(last?.status == .tooManyRequests)
            #expect(last?.headers[.retryAfter] != nil)
            // someone else in the same room still logs in
            let colleague = try await logIn(client, world.user(.assessor).email)
            #expect(colleague.status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func formsWithoutTheRightTokenAreRefusedAndChangeNothing(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let session = try await world.session(.focalPoint)
            let path = "/states/\(world.home.id)/edit"
            var form = ["code": "VLD", "name": "Changed", "region": "other", "defaultTLP": "AMBER", "profile": "x", "version": "1"]
            // no token, a wrong token, another session's token, a cross-site request
            #expect(try await client.send(.post, path, session: session, form: form).status == .forbidden)
            form["_csrf"] = "wrong"
            #expect(try await client.send(.post, path, session: session, form: form).status == .forbidden)
            form["_csrf"] = try await world.session(.focalPoint).csrf
            #expect(try await client.send(.post, path, session: session, form: form).status == .forbidden)
            form["_csrf"] = session.csrf
            #expect(try await client.send(.post, path, session: session, form: form, headers: [.secFetchSiteTest: "cross-site"]).status == .forbidden)
            let scope = SystemAuthority.tenant(world.home.id, permission: .viewState)
            #expect(try await world.services.states.find(scope)?.name == "Republic of Valdoria")
            // the right token works
            #expect(try await client.send(.post, path, session: session, form: form).status == .seeOther)
            #expect(try await world.services.states.find(scope)?.name == "Changed")
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func loginFormNeedsItsDoubleSubmitToken(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let form = try await loginForm(client)
            let forged = try await client.send(
                .post, "/login", form: ["_csrf": "forged", "email": world.user(.assessor).email, "password": TestWorld.password],
                headers: [.cookie: form.cookie])
            #expect(forged.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func totpIsAskedForAfterThePassword(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: turn TOTP on through the account page
            let session = try await world.session(.reviewer)
            let page = try await client.send(.get, "/account", session: session)
            let secret = try #require(page.hiddenField("secret"))
            let wrong = try await client.send(
                .post, "/account/totp", session: session, form: ["_csrf": session.csrf, "secret": secret, "code": "000000"])
            #expect(wrong.status == .badRequest)
            let code = String(format: "%06d", TOTP(secret: secret).compute())
            let on = try await client.send(.post, "/account/totp", session: session, form: ["_csrf": session.csrf, "secret": secret, "code": code])
            #expect(on.status == .ok)
            #expect(on.text.contains("Two-factor authentication is on."))
            // act: the password alone leads only to the second-factor form
            let first = try await logIn(client, world.user(.reviewer).email)
            #expect(first.headers[.location] == "/login/totp")
            let pending = try #require(first.setCookie("__Host-cttech_session"))
            let pendingCookie = "__Host-cttech_session=\(pending.value)"
            #expect(try await client.send(.get, "/home", headers: [.cookie: pendingCookie]).status == .found)
            let form = try await client.send(.get, "/login/totp", headers: [.cookie: pendingCookie])
            let csrf = try #require(form.hiddenField("_csrf"))
            let bad = try await client.send(.post, "/login/totp", form: ["_csrf": csrf, "code": "123456"], headers: [.cookie: pendingCookie])
            #expect(bad.status == .unauthorized)
            let good = try await client.send(
                .post, "/login/totp", form: ["_csrf": csrf, "code": String(format: "%06d", TOTP(secret: secret).compute())],
                headers: [.cookie: pendingCookie])
            // check: a new session id again, and it opens the home page
            #expect(good.status == .seeOther)
            let full = try #require(good.setCookie("__Host-cttech_session"))
            #expect(full.value != pending.value)
            #expect(try await client.send(.get, "/home", headers: [.cookie: "__Host-cttech_session=\(full.value)"]).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func passwordChangeEndsOtherSessions(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let current = try await world.session(.assessor)
            let other = try await world.session(.assessor)
            let short = try await client.send(
                .post, "/account/password", session: current, form: ["_csrf": current.csrf, "current": TestWorld.password, "new": "short"])
            #expect(short.status == .badRequest)
            #expect(short.text.contains("must be at least 12 characters"))
            let changed = try await client.send(
                .post, "/account/password", session: current,
                form: ["_csrf": current.csrf, "current": TestWorld.password, "new": "a brand new passphrase"])
            #expect(changed.status == .ok)
            #expect(try await client.send(.get, "/home", session: current).status == .ok)
            #expect(try await client.send(.get, "/home", session: other).status == .found)
            #expect(try await logIn(client, world.user(.assessor).email, "a brand new passphrase").status == .seeOther)
        }
    }

    @Test func securityHeadersOnEveryKindOfResponse() async throws {
        try await withApp(.sqlite) { world, client in
            let session = try await world.session(.assessor)
            let responses = [
                try await client.send(.get, "/login"),
                try await client.send(.get, "/home", session: session),
                try await client.send(.get, "/no/such/page", session: session),
                try await client.send(.get, "/api/v1/me"),
                try await client.send(.post, "/login", form: ["email": "x"]),
                try await client.send(.get, "/healthz"),
                try await client.send(.get, "/static/app.css"),
            ]
            for response in responses {
                let csp = try #require(response.headers[.contentSecurityPolicy])
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
                #expect(response.headers[.strictTransportSecurity] != nil)
            }
            #expect(responses[2].status == .notFound)
            #expect(responses[2].headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(responses[3].status == .unauthorized)
            #expect(responses[3].headers[.contentType] == "application/problem+json")
        }
    }

    @Test func operationalEndpoints() async throws {
        try await withApp(.sqlite) { _, client in
            let health = try await client.send(.get, "/healthz")
            #expect(health.text == #"{"status":"ok","database":"ok"}"#)
            _ = try await client.send(.get, "/login")
            let metrics = try await client.send(.get, "/metrics", headers: [.authorization: "Bearer \(TestWorld.metricsToken)"])
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("hb_requests"))
            // counters are for the scraper holding the token only (issue 8, item 17)
            #expect(try await client.send(.get, "/metrics").status == .unauthorized)
            #expect(try await client.send(.get, "/metrics", headers: [.authorization: "Bearer wrong"]).status == .unauthorized)
            // HEAD is a page's GET without the body, under the same access rule
            let head = try await client.send(.head, "/login")
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(try await client.send(.head, "/home").status == .found, "signed out: sent to log in, as for GET")
            // TRACE and other unserved methods are 405 with the methods that are served
            let trace = try await client.send(.init("TRACE")!, "/login")
            #expect(trace.status == .methodNotAllowed && trace.headers[.allow] == "GET, HEAD, POST, PUT, DELETE")
            // the one script, progressive enhancement of the score form; nothing else under /static
            let script = try await client.send(.get, "/static/score.js")
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8" && script.text.contains("threat-live"))
            #expect(try await client.send(.get, "/static/other.js").status == .notFound)
            let spec = try await client.send(.get, "/api/openapi.yaml")
            #expect(spec.text.hasPrefix("openapi: \"3.1.0\""))
        }
    }

    /// Issue 8, item 16: a person sees and revokes their own API tokens on the account page; another person's token is
    /// a 404; a revoked token stops working at once and the revocation is audited.
    @Test(arguments: TestDatabase.kinds)
    func ownTokensAreListedAndRevokedOnTheAccountPage(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let token = try await world.bearer(.focalPoint)
            let othersToken = try await world.bearer(.assessor)
            let focal = try await world.session(.focalPoint)
            let page = try await client.send(.get, "/account", session: focal)
            let mine = try await world.services.tokens.list(userID: world.user(.focalPoint).id)
            let theirs = try await world.services.tokens.list(userID: world.user(.assessor).id)
            #expect(page.text.contains("<td dir=\"auto\">test</td>") && page.text.contains("Revoke “test”"))
            #expect(!page.text.contains(token) && !page.text.contains(theirs[0].id))
            // act: revoking someone else's token is refused as if it did not exist
            let foreign = try await client.send(.post, "/account/tokens/\(theirs[0].id)/revoke", session: focal, form: ["_csrf": focal.csrf])
            let revoked = try await client.send(.post, "/account/tokens/\(mine[0].id)/revoke", session: focal, form: ["_csrf": focal.csrf])
            // check
            #expect(foreign.status == .notFound)
            let othersMe = try await client.send(
                .get, "/api/v1/me", headers: HTTPFields([HTTPField(name: .authorization, value: "Bearer \(othersToken)")]))
            #expect(othersMe.status == .ok)
            #expect(revoked.status == .seeOther && revoked.headers[.setCookie]?.hasPrefix("cttech_notice=token-revoked") == true)
            let me = try await client.send(.get, "/api/v1/me", headers: HTTPFields([HTTPField(name: .authorization, value: "Bearer \(token)")]))
            #expect(me.status == .unauthorized)
            #expect(try await client.send(.get, "/account", session: focal).text.contains("<td>revoked</td>"))
            let audit = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 5))
            #expect(audit.contains { $0.action == "token.revoke" && $0.entityID == mine[0].id && $0.actorID == world.user(.focalPoint).id })
        }
    }

    /// Issue 8, item 17: re-entering the password while signed in is throttled like a log-in.
    @Test func passwordReentryIsThrottled() async throws {
        try await withApp(.sqlite) { world, client in
            let focal = try await world.session(.focalPoint)
            var statuses: [Int] = []
            for _ in 0..<11 {
                let response = try await client.send(
                    .post, "/account/password", session: focal,
                    form: ["_csrf": focal.csrf, "current": "not the password at all", "new": "a brand new long password"])
                statuses.append(response.status.code)
            }
            #expect(statuses == Array(repeating: 400, count: 10) + [429])
        }
    }
}

extension HTTPField.Name {
    static let secFetchSiteTest = Self("Sec-Fetch-Site")!

}
