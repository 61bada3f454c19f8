import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Step 4 · The national risk register")
struct RegisterPageTests {
    let stateID = Valdoria.state.id
    let assessmentID = Valdoria.assessment.id

    @Test func registerBody() async throws {
        // setup
        let fragment = RegisterBody.mock
        // act
        let html = HTML(try await Pages.html(fragment))
        // check
        html.expectSound(page: false)
        #expect(html.count("<tr><td>") == Valdoria.roundOneRegister.entries.count, "one row per risk")
        #expect(html.contains("<td dir=\"auto\">حملة تجنيد عبر الرسائل المشفرة <span class=\"muted small\">scenario</span></td>"))
        #expect(html.contains("Agreement between assessors: Kendall&#39;s W = "))
        for chart in RegisterChartKind.allCases {
            #expect(html.contains("<img src=\"\(SiteURL.registerChart(stateID, assessmentID, chart).path)\""))
        }
        #expect(html.contains("(seed \(RegisterComputation.seed))"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func registerBodyWithOtherRisksOnly() async throws {
        // setup
        let fragment = RegisterBody.otherRisksOnly
        // act
        let html = HTML(try await Pages.html(fragment))
        // check
        html.expectSound(page: false)
        #expect(html.contains("No round has been revealed yet: scenarios join the register once one is"))
        #expect(html.count("<span class=\"muted small\">other risk</span>") == 3 && !html.contains("Impact by dimension"))
        assertSnapshot(of: html.text, as: .lines, named: "otherRisksOnly")
    }

    @Test func registerBodyEmpty() async throws {
        // setup
        let fragment = RegisterBody.empty
        // act
        let html = HTML(try await Pages.html(fragment))
        // check
        html.expectSound(page: false)
        #expect(html.contains("<td colspan=\"9\">No revealed round with scores yet.</td>") && !html.contains("<img"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func register() async throws {
        // setup
        let page = try await RegisterPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains(try await Pages.html(RegisterBody.mock)), "the body sits in its slot, as its own template rendered it")
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.otherRisks(stateID, assessmentID).path)#errors\" class=\"form\">"))
        #expect(html.contains("<a href=\"\(SiteURL.registerExport(stateID, assessmentID, .csv).path)\" download>CSV</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func registerReadOnly() async throws {
        // setup
        let page = try await RegisterPage.readOnly
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1 && !html.contains("Add another national security risk"))
        assertSnapshot(of: html.text, as: .lines, named: "readOnly")
    }

    @Test func registerOtherRiskRefused() async throws {
        // setup
        let page = try await RegisterPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 3, "family, best likelihood and high impact")
        #expect(html.contains("name=\"likelihoodBest\" inputmode=\"decimal\" required value=\"1.2\"") && html.contains("value=\"6\""))
        #expect(html.contains("value=\"Grid collapse &lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;\""))
        #expect(html.contains("<option value=\"low\" selected>low</option>"))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func otherRisks() async throws {
        // setup
        let page = OtherRisksPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        for risk in Valdoria.otherRisks {
            #expect(html.contains("<a href=\"\(SiteURL.otherRiskEdit(stateID, assessmentID, risk: risk.id).path)\">Correct</a>"))
            #expect(html.contains("action=\"\(SiteURL.otherRiskRemove(stateID, assessmentID, risk: risk.id).path)\""))
        }
        #expect(html.contains("<td>20 %–35 %–50 %</td><td>3–4–5</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func otherRisksEmpty() async throws {
        // setup
        let page = OtherRisksPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains(">None yet. Add them on the register page.</td>"))
        #expect(html.contains("<a href=\"\(SiteURL.register(stateID, assessmentID).path)\">← National risk register</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func otherRisksFrozen() async throws {
        // setup
        let page = OtherRisksPage.frozen
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1 && !html.contains(">Correct</a>"))
        #expect(html.contains("<td dir=\"auto\">Pandemic influenza &lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "frozen")
    }
}
