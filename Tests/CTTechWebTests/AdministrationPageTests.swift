import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Administration pages")
struct AdministrationPageTests {
    @Test func adminStates() async throws {
        // setup
        let page = AdminStatesPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        for state in [Valdoria.state, Valdoria.arvenna, Valdoria.zahran] {
            #expect(html.contains("<td dir=\"auto\"><a href=\"\(SiteURL.state(state.id).path)\">\(state.name)</a></td>"))
        }
        #expect(html.contains("<a class=\"button\" href=\"\(SiteURL.adminStateNew.path)\">"))
        #expect(html.contains("<a href=\"\(SiteURL.adminStates.path)\" aria-current=\"page\">States</a>"), "the navigation marks where one is")
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func adminStatesEmpty() async throws {
        // setup
        let page = AdminStatesPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<tr>") == 1, "only the header row")
        #expect(html.contains("href=\"\(SiteURL.adminStateNew.path)\""), "the way to start is offered")
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func adminUsers() async throws {
        // setup
        let page = AdminUsersPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<td>active, TOTP</td>") && html.contains("<td>locked</td>") && html.contains("<td>deactivated</td>"))
        #expect(
            html.contains("<span class=\"badge\">National focal point · <bdi>Republic of Valdoria</bdi></span>")
                && html.contains("<span class=\"badge\">Administrator · whole programme</span>"))
        #expect(html.contains(">Ирина Ва́лдория</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func auditLog() async throws {
        // setup
        let page = AuditLogPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<tr><td>") == 4)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"), "details are escaped")
        #expect(html.contains("<dt>raw</dt><dd dir=\"auto\">not json &lt;b&gt;bold&lt;/b&gt;</dd>"), "unreadable details are shown as they are")
        #expect(html.contains("<a href=\"\(SiteURL.stateAudit(Valdoria.state.id).path)?before=1043\">Older entries</a>"))
        // labels, not codes, and links to the records the viewer may open (issue 8, item 7)
        #expect(html.contains("<td>Assessment status changed <span class=\"muted small\"><code>assessment.status</code></span></td>"))
        #expect(html.contains("<a href=\"\(SiteURL.assessment(Valdoria.state.id, Valdoria.assessment.id).path)\">assessment "))
        #expect(html.contains("<a href=\"\(SiteURL.state(Valdoria.state.id).path)\">partner state "))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func auditLogEmpty() async throws {
        // setup
        let page = AuditLogPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<td colspan=\"6\">No entries.</td>") && !html.contains("Older entries"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func newUser() async throws {
        // setup
        let page = UserFormPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.adminUsers.path)#errors\" class=\"form\">"))
        #expect(html.contains("id=\"password\"") && !html.contains("name=\"version\""), "a new account gets a password, and has no version")
        #expect(!html.contains("Role grants") && !html.contains("aria-invalid"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func newUserRefused() async throws {
        // setup
        let page = UserFormPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("aria-invalid=\"true\"") == 2)
        #expect(html.count("<p class=\"field-error\">") == 3, "each field's error sits next to it")
        #expect(html.errorSummary.count("<li>") == 3, "the summary lists each problem")
        #expect(html.contains("value=\"irina at valdoria\""), "the e-mail typed is kept")
        #expect(
            html.contains("<option value=\"assessor\" selected>") && html.contains("<option value=\"\(Valdoria.state.id)\" dir=\"auto\" selected>"))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func editUser() async throws {
        // setup
        let page = UserFormPage.edit
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h1>Account: <bdi>Ирина Ва́лдория</bdi></h1>"), "the name is isolated as typed")
        #expect(html.contains("<input type=\"hidden\" name=\"version\" value=\"2\">"))
        let grants = Valdoria.assessor.grants.count + 2
        #expect(html.count("<button type=\"submit\" class=\"link\">Withdraw</button>") == grants)
        #expect(html.contains("action=\"\(SiteURL.adminUserGrantRemove(Valdoria.assessor.userID, grant: Valdoria.id(720)).path)\""))
        #expect(html.contains("<td dir=\"auto\">Whole programme</td>") && html.contains("<td dir=\"auto\">سلطنة زهران (ZHR)</td>"))
        #expect(!html.contains("id=\"password\""), "an existing account's password is reset apart")
        assertSnapshot(of: html.text, as: .lines, named: "edit")
    }

    @Test func editUserConflict() async throws {
        // setup
        let page = UserFormPage.conflict
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p class=\"errors\" role=\"alert\">Someone changed this account"))
        #expect(html.contains("value=\"Marko Dren-Valdor\"") && !html.contains("name=\"isActive\" value=\"on\" checked"), "the edit is kept")
        assertSnapshot(of: html.text, as: .lines, named: "conflict")
    }
}
