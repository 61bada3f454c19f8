import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Issue 13 · Good-practice pages")
struct PracticePageTests {
    @Test func listSeparatesWhatWasReceivedFromWhatWasShared() async throws {
        let html = HTML(try await Pages.html(PracticesPage.mock))
        html.expectSound()
        let received = html.between("<h2>Shared with your state</h2>", "<h2>Shared by your state</h2>")
        #expect(received.contains("Registering drones above 250 g &lt;script&gt;"), "titles are escaped")
        #expect(received.contains("Shared with your state by name"), "a recipient learns how it was reached, not who else")
        #expect(!received.contains("سلطنة زهران, ") && received.contains("Shared with all partner states"))
        let own = html.between("<h2>Shared by your state</h2>", "</table>")
        #expect(own.contains("Shared with: Kingdom of Arvenna, سلطنة زهران") && own.contains("Withdrawn on 2026-06-01"))
        #expect(html.contains(">Share a good practice</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func refusedShareKeepsWhatWasTypedAndSaysWhy() async throws {
        let html = HTML(try await Pages.html(PracticeFormPage.refused))
        html.expectSound()
        #expect(html.contains("a TLP:RED practice goes to named states only"))
        #expect(html.contains("id=\"p-body-error\""))
        #expect(html.contains("value=\"Case &lt;script&gt;"))
        #expect(html.contains("value=\"all\" checked"))
        #expect(!html.contains("name=\"recipient.\(Valdoria.state.id)\""), "a state does not share with itself")
        #expect(html.contains("name=\"recipient.\(Valdoria.arvenna.id)\""))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func aReceivedPracticeWithItsThread() async throws {
        let html = HTML(try await Pages.html(PracticePage.received))
        html.expectSound()
        #expect(html.contains("Who keeps the register? &lt;script&gt;"))
        #expect(html.contains("sharing state"), "the sharing state's answer is marked")
        #expect(html.contains("id=\"c-body\"") && !html.contains("/withdraw"), "a recipient comments but cannot withdraw")
        #expect(html.contains("TLP:RED"))
        assertSnapshot(of: html.text, as: .lines, named: "received")
    }

    @Test func aWithdrawnPracticeTakesNoComment() async throws {
        let html = HTML(try await Pages.html(PracticePage.withdrawn))
        html.expectSound()
        #expect(html.contains("Withdrawn on 2026-06-01") && html.contains("Only your state sees it now"))
        #expect(!html.contains("id=\"c-body\"") && !html.contains("/withdraw"))
        assertSnapshot(of: html.text, as: .lines, named: "withdrawn")
    }
}
