import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue 9: how a request's language is chosen and kept — the browser's `Accept-Language` before login, the switcher's
/// cookie over it, the account's choice once signed in — and the API's problems in the client's language.
@Suite("The interface language: chosen, kept, and spoken by errors (issue 9)")
struct LanguageTests {
    static func lang(of page: TestResponse) -> String? {
        guard let range = page.text.range(of: "<html lang=\"") else { return nil }
        return String(page.text[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func beforeLoginTheBrowserDecidesThenTheSwitcher() async throws {
        try await withApp(.sqlite) { _, client in
            // act
            let russian = try await client.send(.get, "/login", headers: [.acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.8"])
            let unknown = try await client.send(.get, "/login", headers: [.acceptLanguage: "de-DE,de;q=0.9"])
            let switched = try await client.send(.get, "/language?language=ar&next=/login", headers: [.acceptLanguage: "ru"])
            let cookie = try #require(switched.setCookie("__Host-cttech_lang"))
            let arabic = try await client.send(.get, "/login", headers: [.acceptLanguage: "ru", .cookie: "__Host-cttech_lang=\(cookie.value)"])
            // check
            #expect(Self.lang(of: russian) == "ru")
            #expect(russian.text.contains(Localizer(.russian)("layout.skip")))
            #expect(Self.lang(of: unknown) == "en")
            #expect(switched.status == .seeOther && switched.headers[.location] == "/login")
            #expect(cookie.value == "ar")
            for attribute in ["Secure", "HttpOnly", "Path=/", "Max-Age=31536000"] { #expect(cookie.line.contains(attribute)) }
            #expect(arabic.text.contains("<html lang=\"ar\" dir=\"rtl\">"))
        }
    }

    @Test func theSwitcherRefusesAnUnknownLanguageAndAForeignDestination() async throws {
        try await withApp(.sqlite) { _, client in
            // act
            let unknown = try await client.send(.get, "/language?language=de&next=/login")
            let missing = try await client.send(.get, "/language")
            let away = try await client.send(.get, "/language?language=fr&next=https://evil.example/")
            let sneaky = try await client.send(.get, "/language?language=fr&next=//evil.example")
            // check
            #expect(unknown.status == .badRequest && unknown.text.contains("ar, zh, en, fr, ru, es"))
            #expect(unknown.setCookie("__Host-cttech_lang") == nil)
            #expect(missing.status == .badRequest)
            #expect(away.status == .seeOther && away.headers[.location] == "/home")
            #expect(sneaky.headers[.location] == "/home")
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func signedInTheChoiceIsKeptOnTheAccountAndAudited(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let session = try await world.session(.assessor)
            // act
            let refused = try await client.send(.post, "/language", session: session, form: ["_csrf": "wrong", "language": "zh", "next": "/home"])
            let chosen = try await client.send(
                .post, "/language", session: session, form: ["_csrf": session.csrf, "language": "zh", "next": "/home"])
            let later = try await world.session(.assessor)
            let home = try await client.send(.get, "/home", session: later, headers: [.acceptLanguage: "fr"])
            let stored = try await world.services.accounts.identity(userID: world.user(.assessor).id)
            let audit = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 5))
            // check
            #expect(refused.status == .forbidden)
            #expect(chosen.status == .seeOther && chosen.headers[.location] == "/home")
            #expect(stored?.language == .chinese)
            #expect(Self.lang(of: home) == "zh", "the account's choice wins over the browser in a new session without the cookie")
            #expect(audit.contains { $0.action == "user.language" && $0.details.contains("\"language\":\"zh\"") })
        }
    }

    @Test func aLanguageChosenBeforeLoginIsKeptOnTheAccount() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let chosen = "__Host-cttech_lang=ru"
            let page = try await client.send(.get, "/login", headers: [.cookie: chosen])
            let login = try #require(page.setCookie("__Host-cttech_login"))
            let csrf = try #require(page.hiddenField("_csrf"))
            // act
            let response = try await client.send(
                .post, "/login", form: ["_csrf": csrf, "email": world.user(.reviewer).email, "password": TestWorld.password],
                headers: [.cookie: "__Host-cttech_login=\(login.value); \(chosen)"])
            let stored = try await world.services.accounts.identity(userID: world.user(.reviewer).id)
            // check
            #expect(Self.lang(of: page) == "ru")
            #expect(response.status == .seeOther)
            #expect(stored?.language == .russian)
        }
    }

    @Test func anonymousPostToTheSwitcherIsNotAShortcutAroundLogin() async throws {
        try await withApp(.sqlite) { _, client in
            // act
            let response = try await client.send(.post, "/language", form: ["language": "fr", "next": "/home"])
            // check: no session, so no CSRF token to match — refused before anything is stored.
            #expect(response.status == .forbidden || response.status == .unauthorized)
            #expect(response.setCookie("__Host-cttech_lang") == nil)
        }
    }

    @Test func theAPISpeaksTheClientsLanguageAndKeepsItsCodes() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let token = try await world.bearer(.assessor)
            let unknownState = "/api/v1/states/00000000-0000-0000-0000-00000000dead"
            // act
            let spanish = try await client.send(.get, unknownState, headers: [.authorization: "Bearer \(token)", .acceptLanguage: "es"])
            let english = try await client.send(.get, unknownState, headers: [.authorization: "Bearer \(token)"])
            let body = try JSONSerialization.jsonObject(with: Data(spanish.text.utf8)) as? [String: Any]
            // check
            #expect(spanish.status == english.status)
            #expect(spanish.headers[.contentLanguage] == "es")
            #expect(english.headers[.contentLanguage] == "en")
            #expect(body?["title"] as? String == Localizer(.spanish)("error.title.not-found"))
            #expect(body?["status"] as? Int == Int(spanish.status.code))
            #expect(body?["type"] as? String == "about:blank")
        }
    }
}
