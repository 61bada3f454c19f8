import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Reference data")
struct ReferenceDataPageTests {
    @Test func technologies() async throws {
        // setup
        let page = ReferencePage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<tr><td>T") == Valdoria.method.items(.technologies).count, "one row per technology")
        #expect(html.between("<nav aria-label=\"Reference lists\"", "</nav>").count("aria-current=\"page\"") == 1, "one tab is current")
        #expect(html.contains("href=\"\(SiteURL.referenceList(kind: "technologies").path)\" aria-current=\"page\">Technologies</a>"))
        #expect(html.contains("<a href=\"\(SiteURL.referenceListJSON(kind: "technologies").path)\">"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func actorTypes() async throws {
        // setup
        let page = ReferencePage.actorTypes
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<td dir=\"auto\">Never ethnicity, religion or nationality: profiling is a human-rights failure.</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "actorTypes")
    }
}
