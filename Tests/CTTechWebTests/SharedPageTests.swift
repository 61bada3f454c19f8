import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Error page")
struct SharedPageTests {
    @Test func notFound() async throws {
        // setup
        let page = ErrorPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p class=\"muted\">Status 404 · request req-0001</p>"))
        #expect(html.contains("<a href=\"\(SiteURL.home.path)\">Back to your partner states</a>"))
        // the navigation and the log-out form stay (issue 8, item 8); no issue list on a 404
        #expect(html.contains("<nav aria-label=\"Main\">") && html.contains(Valdoria.focalPoint.displayName))
        #expect(html.between("<main", "</main>").count("<ul>") == 0)
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func refused() async throws {
        // setup
        let page = ErrorPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<li>title: is required</li>") && html.contains("&lt;script&gt;") && !html.contains("<script>"))
        #expect(html.contains("<a href=\"\(SiteURL.login.path)\">Log in</a>"), "someone signed out is sent to log in")
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func errorPageOfTheRendererIsThisPage() async throws {
        // setup
        let page = ErrorPage.mock
        // act
        let direct = try await Pages.html(page)
        let served = try await Pages.renderer.value.errorPage(
            status: page.status, title: page.title, detail: page.detail, issues: page.issues, requestID: page.requestID,
            identity: Valdoria.focalPoint,
            csrf: Valdoria.csrf, path: "/states/x", language: .english)
        // check
        #expect(served == direct)
    }
}
