import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Issue 13 · Knowledge products, agendas and timelines")
struct ProgrammeAgendaPageTests {
    @Test func anEventsAgendaAndTheWorkLinkedToIt() async throws {
        let html = HTML(try await Pages.html(ProgrammeEventPage.withAgenda))
        html.expectSound()
        let agenda = html.between("<h2 id=\"agenda\">", "<h2 id=\"work\">")
        #expect(agenda.contains("<strong>09:30</strong>") && agenda.contains("Presenting the handbook &lt;script&gt;"))
        #expect(
            agenda.contains("Step 3 · Threat scenarios; Step 4 · Risks prioritised")
                && agenda.contains(SiteURL.programmeProduct(Valdoria.handbook.id).path))
        #expect(
            agenda.contains("/delete\"") && html.contains("name=\"target\" value=\"assessment:\(Valdoria.assessment.id)\""),
            "the officer removes and unlinks")
        #expect(html.contains("Threat assessment · ") && html.contains(SiteURL.assessment(Valdoria.state.id, Valdoria.assessment.id).path))
        #expect(html.contains("value=\"assessment:\(Valdoria.assessment.id)\""), "the officer's link form offers the assessment")
        #expect(!html.contains("value=\"baseline\""), "baseline and follow-up are for follow-up visits")
        assertSnapshot(of: html.text, as: .lines, named: "workshop")
    }

    @Test func aFollowUpVisitOpensTheComparison() async throws {
        let html = HTML(try await Pages.html(ProgrammeEventPage.visit))
        html.expectSound()
        let compare = SiteURL.capabilityCompare(Valdoria.state.id, capability: Valdoria.id(1532), other: Valdoria.id(1531)).path
        #expect(html.contains(compare) && html.contains("compare Baseline 2025 (baseline) with Validated 2026 (follow-up)"))
        #expect(!html.contains("name=\"target\""), "no link form for the focal point")
        assertSnapshot(of: html.text, as: .lines, named: "visit")
    }

    @Test func refusedProductKeepsWhatWasTyped() async throws {
        let html = HTML(try await Pages.html(ProgrammeProductsPage.refused))
        html.expectSound()
        for id in ["k-languages-error", "k-year-error", "k-link-error"] { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(html.contains("value=\"Guide &lt;script&gt;"))
        #expect(html.contains("English, العربية, Русский"), "languages in their own names")
        #expect(!html.text.contains("Checkbox("), "a product without topics shows none, not the form's")
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func aProductAndWhereItWasPresented() async throws {
        let html = HTML(try await Pages.html(ProgrammeProductPage.mock))
        html.expectSound(external: [Valdoria.handbook.link])
        #expect(html.contains("rel=\"noopener noreferrer\"") && html.contains("Regional awareness workshop &lt;script&gt;"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func aStatesTimelineLatestFirst() async throws {
        let html = HTML(try await Pages.html(ProgrammeTimelinePage.mock))
        html.expectSound()
        let text = html.text
        let national = try #require(text.range(of: "National capacity-building workshop"))
        let regional = try #require(text.range(of: "Regional awareness workshop"))
        #expect(national.lowerBound < regional.lowerBound, "June before March: latest first")
        #expect(
            html.contains("href=\"/programme/follow-ups#item-") && html.contains("href=\"/programme/requests#request-"), "entries lead to their rows")
        #expect(html.contains("overdue"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }
}
