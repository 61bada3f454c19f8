import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Step 1 · Roles and structures")
struct InstitutionsPageTests {
    @Test func institutions() async throws {
        // setup
        let page = InstitutionsPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        let cells = AssessmentActivity.allCases.count * Valdoria.agencies.count
        #expect(html.count("<select name=\"raci.") == cells, "one select per activity and agency")
        #expect(html.count(" selected>A</option>") == 4 && html.count(" selected>R</option>") == 3)
        #expect(html.contains("<th scope=\"col\" dir=\"auto\">وحدة الاستخبارات المالية</th>"))
        #expect(html.contains("Yes, remove “<span dir=\"auto\">State Security Service</span>” and its roles in the matrix"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    /// Issue 9: the RACI form in Arabic, right to left; agency names as typed, the role codes as they are.
    @Test func institutionsInArabic() async throws {
        // setup
        let page = InstitutionsPage.arabic
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<h1>الخطوة 1 · الأدوار والهياكل</h1>") && html.contains("<h2>مصفوفة RACI</h2>"))
        #expect(html.contains("<th scope=\"col\" dir=\"auto\">State Security Service</th>"))
        #expect(
            html.contains("<td dir=\"auto\">وحدة الاستخبارات المالية</td><td>وحدة الاستخبارات المالية</td>"), "the name as typed, the kind translated"
        )
        #expect(html.contains("aria-label=\"تحديد نطاق التقييم والتخطيط له: State Security Service\""))
        #expect(html.contains("نعم، أزِل «<span dir=\"auto\">State Security Service</span>» وأدوارها في المصفوفة"))
        #expect(html.count(" selected>A</option>") == 4, "the codes R, A, C, I stay as they are")
        assertSnapshot(of: html.text, as: .lines, named: "arabic")
    }

    @Test func institutionsEmpty() async throws {
        // setup
        let page = InstitutionsPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains(">No agency recorded yet.</td>") && !html.contains("RACI matrix"))
        #expect(html.contains("<button type=\"submit\">Add agency</button>"), "the way to start is offered")
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func institutionsFrozen() async throws {
        // setup
        let page = InstitutionsPage.frozen
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p class=\"notice\">This assessment is approved and frozen."))
        #expect(!html.main.contains("<select") && !html.contains("Save the matrix") && !html.contains("Add agency"))
        #expect(html.contains("<th scope=\"row\">Scope and plan the assessment</th><td>R</td><td>C</td><td>A</td><td>—</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "frozen")
    }

    @Test func institutionsRefused() async throws {
        // setup
        let page = InstitutionsPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.contains("Scope and plan the assessment needs exactly one accountable agency (it has 0)"))
        let cell = "raci.scoping.\(Valdoria.interior.id)"
        #expect(
            html.between("<select name=\"\(cell)\"", "</select>").contains("<option value=\"C\" selected>C</option>"),
            "the cell keeps what was chosen")
        #expect(
            html.count("<option value=\"\" selected>—</option>") == AssessmentActivity.allCases.count * Valdoria.agencies.count - Valdoria.raci.count)
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }
}
