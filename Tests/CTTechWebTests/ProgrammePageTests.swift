import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Issue 13 · Programme pages")
struct ProgrammePageTests {
    @Test func calendar() async throws {
        let html = HTML(try await Pages.html(ProgrammePage.mock))
        html.expectSound()
        #expect(html.contains("Regional awareness workshop &lt;script&gt;"), "titles are escaped")
        #expect(html.contains("2026-03-10 – 2026-03-11"))
        #expect(html.contains("Kingdom of Arvenna, Republic of Valdoria"), "states by name, in order")
        #expect(html.contains(">New event</a>") && html.contains(">Dashboards</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func eventFormRefusedKeepsWhatWasTyped() async throws {
        let html = HTML(try await Pages.html(ProgrammeEventFormPage.refused))
        html.expectSound()
        #expect(html.contains("a national workshop or a follow-up visit is for one partner state"))
        #expect(html.contains("the last day is before the first day"))
        #expect(html.contains("value=\"Workshop &lt;script&gt;"))
        #expect(html.count("value=\"on\" checked") == 2, "both states stay chosen")
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func eventForTheOfficerWithThePersonalDataRight() async throws {
        let html = HTML(try await Pages.html(ProgrammeEventPage.officer))
        html.expectSound()
        // 11 registered, 10 attended (the 8th did not come), person-days 9 × 2 + 1 = 19
        #expect(html.contains("11 registered · 10 attended · 19 person-days"))
        // Valdoria: 4 women, 3 men; Arvenna: 1 woman, 2 men — every count under 5 is suppressed, and the totals with them
        let table = html.between("<caption>Participants who attended, by partner state and sex</caption>", "</table>")
        #expect(!table.contains(">4<") && !table.contains(">3<") && !table.contains(">1<") && !table.contains(">2<"))
        #expect(table.contains(">◆<") && html.contains("cannot be worked out from the totals"))
        #expect(html.contains("Participant 21 (fictional) &lt;script&gt;"), "names are shown, escaped")
        #expect(html.count("personal data removed (retention date passed)") == 4)
        #expect(html.contains("Line 2, column sex: &quot;F&quot; is not allowed here"))
        #expect(html.contains("Line 3, column state: &quot;XXX&quot; is not the code of a partner state"))
        #expect(html.count("name=\"day.2026-03-10\"") == 11)
        assertSnapshot(of: html.text, as: .lines, named: "officer")
    }

    @Test func eventForTheFocalPointShowsAggregatesOnly() async throws {
        let html = HTML(try await Pages.html(ProgrammeEventPage.focal))
        html.expectSound()
        #expect(!html.contains("fictional") && !html.contains("P-") && !html.contains("type=\"file\""), "no person, no import")
        #expect(html.contains("8 registered · 7 attended · 13 person-days"))
        assertSnapshot(of: html.text, as: .lines, named: "focal")
    }

    @Test func dashboardForADonor() async throws {
        let html = HTML(try await Pages.html(ProgrammeDashboardPage.mock))
        html.expectSound()
        #expect(html.contains("<svg") && (html.contains("target 30%") || html.contains("target 30 %")))
        #expect(!html.contains("fictional") && !html.contains("/programme/events/"), "no person, no event link for a donor")
        #expect(html.contains("unique persons · 11 registrations · 19 person-days"))
        #expect(!html.contains("?year="), "breakdowns of people are published for the whole programme only")
        #expect(html.contains("<th scope=\"row\">Regional workshop</th><td class=\"num\">1</td><td class=\"num\">1</td>"), "events by kind and year")
        assertSnapshot(of: html.text, as: .lines, named: "donor")
    }

    @Test func requestsPipelineForTheOfficer() async throws {
        let html = HTML(try await Pages.html(ProgrammeRequestsPage.officer))
        html.expectSound()
        // received 2026-01-10, open on 2026-09-01: 234 days, past the 90 days that mark a request as old
        #expect(html.contains("234 days"))
        #expect(html.contains("Counter-terrorism centre &lt;script&gt;"))
        #expect(html.count("name=\"to\"") == 2, "only the open requests can be moved on")
        #expect(html.contains("is required"), "the refused form names its field")
        #expect(html.contains("Covered by a partner&#39;s programme"))
        assertSnapshot(of: html.text, as: .lines, named: "officer")
    }

    @Test func followUpsMarkOverdueItems() async throws {
        let officer = HTML(try await Pages.html(ProgrammeFollowUpsPage.officer))
        officer.expectSound()
        #expect(officer.contains("1 action item is overdue."))
        #expect(officer.count("class=\"badge warn\">overdue") == 1, "the item due 2026-08-15 is overdue on 2026-09-01; the done one is not")
        #expect(officer.contains("Institutionalise the national threat assessment &lt;script&gt;"))
        assertSnapshot(of: officer.text, as: .lines, named: "officer")
        let focal = HTML(try await Pages.html(ProgrammeFollowUpsPage.focal))
        focal.expectSound()
        #expect(!focal.contains("<form method=\"post\" action=\"/programme/follow-ups"), "a focal point reads, records nothing")
        assertSnapshot(of: focal.text, as: .lines, named: "focal")
    }

    @Test func duplicatesAreConfirmedOneByOne() async throws {
        let html = HTML(try await Pages.html(ProgrammeDuplicatesPage.mock))
        html.expectSound()
        #expect(html.count(">Same person: merge</button>") == 1)
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }
}
