import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Signing in and one's own account")
struct AccountsPageTests {
    @Test func login() async throws {
        // setup
        let page = LoginPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.login.path)\">"))
        #expect(html.contains("name=\"next\" value=\"\(SiteURL.assessment(Valdoria.state.id, Valdoria.assessment.id).path)\""))
        #expect(!html.contains("role=\"alert\"") && !html.contains("Log out"))
        // axe autocomplete-valid: "username" belongs on a text field (an e-mail keyboard through inputmode)
        #expect(html.contains(#"<input id="email" name="email" type="text" inputmode="email" autocomplete="username""#))
        // axe region: the marking banner is a landmark like the rest of the page
        #expect(html.contains(#"<aside class="tlp "#) && html.contains(#"aria-label="Information sharing marking""#))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func loginFailed() async throws {
        // setup
        let page = LoginPage.failed
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p class=\"errors\" role=\"alert\">E-mail or password is not correct.</p>"))
        #expect(html.contains("value=\"irina@valdoria.example\""), "the e-mail typed is kept")
        assertSnapshot(of: html.text, as: .lines, named: "failed")
    }

    @Test func loginWithoutAccounts() async throws {
        // setup
        let page = LoginPage.noAccounts
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p class=\"notice\">This installation has no accounts yet."), "an empty installation says how to start")
        assertSnapshot(of: html.text, as: .lines, named: "noAccounts")
    }

    @Test func totp() async throws {
        // setup
        let page = TOTPPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("action=\"\(SiteURL.loginTOTP.path)\"") && html.contains("autocomplete=\"one-time-code\""))
        #expect(!html.contains("role=\"alert\""))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func totpWrongCode() async throws {
        // setup
        let page = TOTPPage.wrongCode
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("role=\"alert\">That code is not valid. Try the next one your app shows.</p>"))
        #expect(html.contains("name=\"next\" value=\"\(SiteURL.state(Valdoria.state.id).path)\""), "the page asked for is kept")
        assertSnapshot(of: html.text, as: .lines, named: "wrongCode")
    }

    @Test func account() async throws {
        // setup
        let page = AccountPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<a href=\"\(SiteURL.account.path)\" dir=\"auto\">Ирина Ва́лдория</a>"), "the Cyrillic name is shown as typed")
        #expect(html.contains(AccountPage.secretBase32) && html.contains("action=\"\(SiteURL.accountTOTP.path)#errors\""))
        #expect(!html.contains(SiteURL.accountTOTPDisable.path))
        // own API tokens: only the live one can be revoked, labels escaped (issue 8, item 16)
        #expect(html.count("/revoke\"") == 1)
        #expect(html.contains("action=\"/account/tokens/00000000-0000-4000-8000-000000000901/revoke\""))
        #expect(html.contains("<td>live</td>") && html.contains("<td>expired</td>") && html.contains("<td>revoked</td>"))
        #expect(html.contains("Revoke “nightly &lt;script&gt;export&lt;/script&gt;”") && !html.contains("<script>export"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func accountWithTOTP() async throws {
        // setup
        let page = AccountPage.totpOn
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("action=\"\(SiteURL.accountTOTPDisable.path)#errors\""))
        #expect(!html.contains("class=\"secret\"") && !html.contains("otpauth://"), "no new key is shown once TOTP is on")
        #expect(html.contains("<p class=\"flash\" role=\"status\">Two-factor authentication is on.</p>"))
        assertSnapshot(of: html.text, as: .lines, named: "totpOn")
    }

    @Test func accountPasswordRefused() async throws {
        // setup
        let page = AccountPage.passwordRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"errors\">"))
        #expect(html.contains("must be at least 12 characters</a></li>"))
        assertSnapshot(of: html.text, as: .lines, named: "passwordRefused")
    }

    /// Issue 9: the login page in Arabic, right to left, every word from the Arabic catalog; the e-mail typed stays as
    /// typed, the commands stay as written.
    @Test func loginInArabic() async throws {
        // setup
        let page = LoginPage.refused(in: .arabic)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(html.contains("<h1>تسجيل الدخول</h1>") && html.contains(#"<label for="password">كلمة المرور</label>"#))
        #expect(html.contains("<p class=\"errors\" role=\"alert\">\(Localizer(.arabic)("login.refused"))</p>"))
        #expect(html.contains(#"<code dir="ltr">cttech user create --admin --email you@example.org</code>"#), "the command stays left to right")
        #expect(html.contains(#"value="irina@valdoria.example""#))
        for english in ["Log in", "Password", "E-mail", "This installation"] {
            #expect(!html.text.contains(english), "no English left: \(english)")
        }
        assertSnapshot(of: html.text, as: .lines, named: "arabic")
    }

    /// Issue 9: the login page in Russian.
    @Test func loginInRussian() async throws {
        // setup
        let page = LoginPage.refused(in: .russian)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains(#"<html lang="ru" dir="ltr">"#))
        #expect(html.contains("<h1>Вход</h1>") && html.contains(#"<button type="submit">Войти</button>"#))
        #expect(html.contains("Неверный адрес электронной почты или пароль"))
        for english in ["Log in", "Password", "E-mail", "This installation"] {
            #expect(!html.text.contains(english), "no English left: \(english)")
        }
        assertSnapshot(of: html.text, as: .lines, named: "russian")
    }
}
