import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Partner states")
struct SharingPageTests {
    /// Issue 8, item 9: a reviewer's home has the place where reviews will wait, even before the policy module exists.
    @Test func homeOfAReviewer() async throws {
        // setup
        let page = HomePage.reviewer
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h2>Awaiting your review</h2>") && html.contains("Nothing awaits your review yet."))
        #expect(!(HTML(try await Pages.html(HomePage.mock)).contains("Awaiting your review")))
        assertSnapshot(of: html.text, as: .lines, named: "reviewer")
    }

    @Test func home() async throws {
        // setup
        let page = HomePage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<li class=\"card\">") == 2)
        #expect(html.contains("<h2 dir=\"auto\"><a href=\"\(SiteURL.state(Valdoria.arvenna.id).path)\">Kingdom of Arvenna</a></h2>"))
        #expect(html.count("<span class=\"badge\">Facilitator</span>") == 2, "the facilitator's role is shown in each state")
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func homeEmpty() async throws {
        // setup
        let page = HomePage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p>You have no partner state yet. An administrator grants access per partner state.</p>"))
        #expect(!html.contains("class=\"cards\""))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func homeForAdministrator() async throws {
        // setup
        let page = HomePage.administrator
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("Programme-wide roles: <span class=\"badge\">Administrator</span> <span class=\"badge\">Programme officer</span>"))
        #expect(html.contains("<h2 dir=\"auto\"><a href=\"\(SiteURL.state(Valdoria.zahran.id).path)\">سلطنة زهران</a></h2>"))
        #expect(html.contains("href=\"\(SiteURL.audit.path)\""), "administrators see the audit log in the navigation")
        assertSnapshot(of: html.text, as: .lines, named: "administrator")
    }

    @Test func stateOfAReviewerWithARoadmapAdoptionToReview() async throws {
        // setup
        let page = StatePage.reviewer
        // act
        let html = HTML(try await Pages.html(page))
        // check: a pointer to the adoption awaiting review, under the roadmap's heading that links to it
        html.expectSound()
        #expect(html.contains("<h2><a href=\"\(SiteURL.roadmap(Valdoria.state.id).path)\">Development roadmap</a></h2>"))
        #expect(
            html.contains(
                "<p>1 technology adoption on the roadmap awaits your review: <a href=\"\(SiteURL.roadmapItem(Valdoria.state.id, item: Valdoria.analysisPlatform.id).path)\" dir=\"auto\">AI-assisted open-source analysis platform</a></p>"
            ))
        #expect(!html.contains("ready for approval"), "a reviewer approves nothing")
    }

    @Test func state() async throws {
        // setup
        let page = StatePage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        // what next leads the page (issue 8, item 6): the round and the viewer's own progress, and the next scenario
        #expect(html.contains("<strong>Round 1 open · you 1/4</strong>"))
        #expect(html.contains("Score next: <span dir=\"auto\">\(Valdoria.cryptoFunding.title)</span>"))
        #expect(html.text.range(of: "Current work")!.lowerBound < html.text.range(of: "<h2>Profile</h2>")!.lowerBound)
        // the policy responses' next steps (issue 10): a blocked response and the register's counts
        #expect(html.contains("<h2>Policy responses</h2>") && html.contains("blocked by mandatory checks"))
        #expect(html.contains("<a class=\"button\" href=\"\(SiteURL.stateEdit(Valdoria.state.id).path)\">Edit profile</a>"))
        #expect(html.contains("href=\"\(SiteURL.stateAudit(Valdoria.state.id).path)\""))
        #expect(html.contains("<nav class=\"steps\" aria-label=\"Method steps for Republic of Valdoria\">"))
        #expect(html.contains("<a href=\"\(SiteURL.state(Valdoria.state.id).path)\" aria-current=\"page\">Overview</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func stateReadOnly() async throws {
        // setup
        let page = StatePage.readOnly
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(!html.contains("Edit profile") && !html.contains("Audit log of this partner state"))
        #expect(html.contains("<h1 dir=\"auto\">سلطنة زهران</h1>"))
        #expect(html.contains("<p class=\"prose\" dir=\"auto\">ملف تعريف &lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;</p>"))
        assertSnapshot(of: html.text, as: .lines, named: "readOnly")
    }

    @Test func stateWithoutProfile() async throws {
        // setup
        let page = StatePage.noProfile
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        // a donor follows progress without content (issue 8, item 9): steps done and status, no title, no scenario
        #expect(
            html.contains(
                "<td>Assessment 1 · <bdi>2026–2027</bdi></td><td>Approved</td><td>3 scenarios scored and revealed · 4 register approved</td>"))
        #expect(!html.contains(Valdoria.assessment.title) && !html.contains("Current work"))
        #expect(html.contains("<p class=\"muted\">No profile written yet.</p>"))
        #expect(!html.contains(SiteURL.assessments(Valdoria.arvenna.id).path), "a donor viewer is not offered the assessments")
        assertSnapshot(of: html.text, as: .lines, named: "noProfile")
    }

    @Test func newState() async throws {
        // setup
        let page = StateFormPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<option value=\"AMBER\" selected>TLP:AMBER</option>"), "the marking defaults to AMBER")
        #expect(!html.contains("name=\"version\"") && !html.contains("aria-invalid"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func editState() async throws {
        // setup
        let page = StateFormPage.edit
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("value=\"VLD\"") && html.contains("value=\"Republic of Valdoria\""), "the current values are loaded")
        #expect(html.contains("<option value=\"southern-europe\" selected>") && html.contains("<input type=\"hidden\" name=\"version\" value=\"3\">"))
        #expect(html.contains("<a href=\"\(SiteURL.state(Valdoria.state.id).path)\">Cancel</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "edit")
    }

    @Test func newStateRefused() async throws {
        // setup
        let page = StateFormPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 3, "code, name and profile are listed")
        #expect(html.count("<p class=\"field-error\"") == 3)
        #expect(html.contains("<option value=\"mena\" selected>") && html.contains("<option value=\"RED\" selected>"), "the selects keep the choice")
        #expect(html.contains("value=\"V\"") && html.contains("&lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;</textarea>"))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    /// Issue 9: the list of partner states in Arabic, right to left: the page's words from the Arabic catalog (roles,
    /// regions, headings), the states' names as typed, each in its own direction.
    @Test func homeInArabic() async throws {
        // setup
        let page = HomePage.arabic
        let t = Localizer(.arabic)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(html.contains("<h1>\(t("home.heading"))</h1>") && html.contains("<h2>\(t("home.reviews.heading"))</h2>"))
        #expect(html.contains("<h2 dir=\"auto\"><a href=\"\(SiteURL.state(Valdoria.state.id).path)\">Republic of Valdoria</a></h2>"))
        #expect(html.contains("<p class=\"muted\">VLD · \(t("region.southern-europe"))</p>"))
        #expect(html.contains("<span class=\"badge\">\(t("role.focal-point"))</span>") && html.contains(t("role.programme-officer")))
        #expect(html.contains("<a href=\"\(SiteURL.account.path)\" dir=\"auto\">ليلى حداد</a>"))
        for english in ["Your partner states", "Awaiting your review", "Nothing awaits", "Programme-wide", "Southern Europe", "Facilitator"] {
            #expect(!html.text.contains(english), "no English left: \(english)")
        }
        assertSnapshot(of: html.text, as: .lines, named: "arabic")
    }
}
