import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Step 2 · Horizon scan")
struct HorizonScanPageTests {
    @Test func horizonScan() async throws {
        // setup
        let page = HorizonScanPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<tr><th scope=\"row\">") == Valdoria.method.items(.technologies).count, "one row per technology of the method")
        #expect(html.contains("<span class=\"stage stage-4\">observed</span></td><td>↗ rising</td>"))
        #expect(html.count("<span class=\"stage stage-0\">not scanned</span>") == Valdoria.method.items(.technologies).count - Valdoria.scan.count)
        #expect(html.contains("<span dir=\"auto\">رسائل صوتية مزيفة متداولة في مجموعات مغلقة.</span>"))
        #expect(html.count("<summary>Remove…</summary>") == 2, "each technology's evidence may be removed")
        #expect(html.count("class=\"link\">Yes, remove this evidence: ") == 2, "after a confirmation that names it")
        #expect(html.count("<ul class=\"evidence\">") == 2, "no empty list under the technologies without evidence")
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func horizonScanFrozen() async throws {
        // setup
        let page = HorizonScanPage.frozen
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1, "only the log-out form")
        #expect(html.contains("<p class=\"notice\">This assessment is approved and frozen."))
        assertSnapshot(of: html.text, as: .lines, named: "frozen")
    }

    @Test func horizonScanRefused() async throws {
        // setup
        let page = HorizonScanPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 1)
        #expect(html.between("<select id=\"h-tech\"", "</select>").contains("<option value=\"T13\" selected>"))
        #expect(html.between("<select id=\"h-trend\"", "</select>").contains("<option value=\"surging\" selected>"))
        #expect(html.contains(">VR training rooms &lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;</textarea>"))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }
}
