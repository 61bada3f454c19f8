import CTTechCore
import Foundation
import Testing

@testable import CTTechWeb

/// Issue 9: the layout mirrors for Arabic through CSS logical properties alone, so the stylesheet names no physical
/// side, and every page says its language and direction.
@Suite("Right to left through logical properties (issue 9)")
struct StylesheetTests {
    @Test func theStylesheetNamesNoPhysicalSide() throws {
        // setup
        let css = try #require(PageRenderer.staticAsset(named: "app.css")).bytes
        let text = String(decoding: css, as: UTF8.self)
        // act
        let physical = text.matches(of: /\b(left|right)\b/).map { String($0.output.0) }
        let floats = text.matches(of: /float\s*:/).count
        // check
        #expect(physical.isEmpty, "left/right in app.css: use inline-start/inline-end")
        #expect(floats == 0)
        #expect(text.contains("margin-inline-start: auto"))
    }

    @Test func anArabicPageIsRightToLeftAndAnEnglishOneLeftToRight() async throws {
        // setup
        let arabic = ErrorPage(
            layout: LayoutModel(title: "x", tlp: .clear, identity: nil, csrf: nil, path: "/login", language: .arabic), status: 404, title: "x",
            detail: "y", issues: [], requestID: "r", signedIn: false)
        let english = ErrorPage(
            layout: LayoutModel(title: "x", tlp: .clear, identity: nil, csrf: nil, path: "/login"), status: 404, title: "x", detail: "y",
            issues: [], requestID: "r", signedIn: false)
        // act
        let ar = try await Pages.html(arabic)
        let en = try await Pages.html(english)
        // check
        #expect(ar.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(en.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(ar.contains("<option value=\"ar\" lang=\"ar\" selected>العربية</option>"))
        #expect(ar.contains("<form method=\"get\" action=\"/language\""), "before login the switcher needs no session")
        #expect(ar.contains(Localizer(.arabic)("layout.skip")) && !ar.contains(">Skip to content<"))
    }
}
