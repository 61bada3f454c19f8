import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Approved snapshots")
struct ApprovalPageTests {
    let stateID = Valdoria.state.id
    let assessmentID = Valdoria.assessment.id

    @Test func snapshot() async throws {
        // setup
        let page = SnapshotPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h1>Approved snapshot 2</h1>"))
        #expect(html.contains("Approved 2026-09-14 08:30:00 UTC by <span dir=\"auto\">Amira Haddad</span>. Period 2026–2027; register from round 2."))
        #expect(html.contains("<code>\(Valdoria.secondSnapshot.sha256)</code>"))
        for chart in RegisterChartKind.allCases {
            #expect(html.contains("src=\"\(SiteURL.snapshotChart(stateID, assessmentID, number: 2, chart).path)\""))
        }
        #expect(html.postForms.count == 1, "a snapshot cannot change: only the log-out form")
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func firstSnapshot() async throws {
        // setup
        let page = SnapshotPage.first
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<li dir=\"auto\">وحدة الاستخبارات المالية (Financial intelligence unit)</li>"))
        #expect(html.contains("<p>4 scenarios · 4 evidence items · 4 technologies scanned · 3 other national risks.</p>"))
        #expect(html.count("<tr><td>") == Valdoria.roundOneRegister.entries.count)
        assertSnapshot(of: html.text, as: .lines, named: "first")
    }

    @Test func compare() async throws {
        // setup
        let page = ComparePage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        let register = html.between("<h2>Register</h2>", "</table>")
        #expect(register.count("<tr><td dir=\"auto\">") == 7, "risks of either snapshot")
        #expect(register.count("<td>removed</td>") == 2, "the Arabic scenario and the pandemic left the register")
        #expect(html.contains("<tr><td>AI, generative AI, deepfakes</td><td>discussed ↑</td><td>attempted ↑</td><td>yes</td></tr>"))
        #expect(
            html.contains("<option value=\"1\" selected>Snapshot 1</option>") && html.contains("<option value=\"2\" selected>Snapshot 2</option>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func compareChoosing() async throws {
        // setup
        let page = ComparePage.choosing
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(!html.contains("<h2>Register</h2>") && !html.main.contains(" selected>"))
        #expect(html.contains("<form method=\"get\" action=\"\(SiteURL.compare(stateID, assessmentID).path)\" class=\"inline\">"))
        assertSnapshot(of: html.text, as: .lines, named: "choosing")
    }
}
