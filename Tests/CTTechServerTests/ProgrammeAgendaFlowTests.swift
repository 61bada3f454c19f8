import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 13 through the real router, on both databases: the officer registers a knowledge product, puts it on the
/// workshop's agenda and links the state's assessment to the workshop; the product shows where it was presented and
/// the state's timeline lists the workshop, the request and the recommendation — never the foreign state's.
@Suite("Programme agendas, products and timelines end to end (issue 13)")
struct ProgrammeAgendaFlowTests {
    @Test(arguments: TestDatabase.kinds)
    func anOfficerBuildsTheAgendaAndLinksTheWorkDoneThere(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let officer = try await world.session(.programmeOfficer)
            let home = try #require(world.programme[world.home.id])
            // a product without a language is refused with the form again
            let refused = try await client.send(
                .post, SiteURL.programmeProducts.path, session: officer,
                form: ["_csrf": officer.csrf, "title": "Guide on crypto-assets", "kind": "reference-guide", "year": "2024"])
            #expect(refused.status == .badRequest && refused.text.contains("k-languages-error") && refused.text.contains("Guide on crypto-assets"))
            let added = try await client.send(
                .post, SiteURL.programmeProducts.path, session: officer,
                form: [
                    "_csrf": officer.csrf, "title": "Guide on crypto-assets", "kind": "reference-guide", "year": "2024", "language.en": "on",
                    "language.ru": "on", "topic.T04": "on", "link": "https://www.un.org/counterterrorism/cct",
                ])
            #expect(added.status == .seeOther)
            let productPath = try #require(added.headers[.location])
            let productID = String(productPath.split(separator: "/").last ?? "")

            // a session on a day outside the workshop is refused; then the guide goes on the agenda
            let agendaPath = SiteURL.programmeAgenda(home.event).path
            let badDay = try await client.send(
                .post, agendaPath, session: officer, form: ["_csrf": officer.csrf, "day": "2031-01-01", "title": "Crypto tracing"])
            #expect(badDay.status == .badRequest && badDay.text.contains("a-day-error"))
            let session = try await client.send(
                .post, agendaPath, session: officer,
                form: [
                    "_csrf": officer.csrf, "day": "2024-04-02", "starts": "14:00", "title": "Crypto tracing", "product.\(productID)": "on",
                    "step.4": "on",
                ])
            #expect(session.status == .seeOther)
            let product = try await client.send(.get, productPath, session: officer)
            #expect(product.text.contains("Crypto tracing") && product.text.contains("2024-04-02"))
            // the seeded handbook was presented at both states' workshops: a home reader sees the home one only
            let handbook = try await client.send(.get, SiteURL.programmeProduct(home.product).path, session: officer)
            #expect(handbook.status == .ok && handbook.text.contains("Presenting the handbook") && !handbook.text.contains(TestWorld.foreignMarker))

            // the event offers the state's assessment to link (the officer holds a grant for it), never the foreign one's
            let linksPath = SiteURL.programmeLinks(home.event).path
            let page = try await client.send(.get, SiteURL.programmeEvent(home.event).path, session: officer)
            #expect(page.text.contains("assessment:\(world.homeAssessmentID)") && !page.text.contains(world.foreignAssessmentID))
            let foreign = try await client.send(
                .post, linksPath, session: officer, form: ["_csrf": officer.csrf, "target": "assessment:\(world.foreignAssessmentID)", "role": "run"])
            #expect(foreign.status == .badRequest && foreign.text.contains("l-target-error"))
            let baseline = try await client.send(
                .post, linksPath, session: officer,
                form: ["_csrf": officer.csrf, "target": "assessment:\(world.homeAssessmentID)", "role": "baseline"])
            #expect(baseline.status == .badRequest && baseline.text.contains("l-role-error"), "a baseline belongs to a follow-up visit")
            let linked = try await client.send(
                .post, linksPath, session: officer, form: ["_csrf": officer.csrf, "target": "assessment:\(world.homeAssessmentID)", "role": "run"])
            #expect(linked.status == .seeOther)
            let twice = try await client.send(
                .post, linksPath, session: officer, form: ["_csrf": officer.csrf, "target": "assessment:\(world.homeAssessmentID)", "role": "run"])
            #expect(twice.status == .conflict)

            // the focal point reads the agenda and opens the linked assessment from the event
            let focal = try await world.session(.focalPoint)
            let seen = try await client.send(.get, SiteURL.programmeEvent(home.event).path, session: focal)
            #expect(seen.text.contains("Crypto tracing") && seen.text.contains(SiteURL.assessment(world.home.id, world.homeAssessmentID).path))
            #expect(!seen.text.contains("l-target"), "no link form for the focal point")
            #expect(!seen.text.contains("/delete"), "nor a button that removes anything")

            // the officer removes the session and unlinks the assessment; the focal point can do neither
            let agenda = try await world.services.agenda.agenda(SystemAuthority.programme(permission: .viewProgramme), eventID: home.event)
            let crypto = try #require(agenda.first { $0.title == "Crypto tracing" })
            let removePath = SiteURL.programmeAgendaRemove(home.event, session: crypto.id).path
            let unlinkForm = ["target": "assessment:\(world.homeAssessmentID)", "role": "run"]
            #expect(try await client.send(.post, removePath, session: focal, form: ["_csrf": focal.csrf]).status == .forbidden)
            #expect(
                try await client.send(
                    .post, SiteURL.programmeLinksRemove(home.event).path, session: focal, form: unlinkForm.merging(["_csrf": focal.csrf]) { $1 }
                ).status == .forbidden)
            let officerPage = try await client.send(.get, SiteURL.programmeEvent(home.event).path, session: officer)
            #expect(officerPage.text.contains(removePath), "the officer's page offers the removal")
            #expect(try await client.send(.post, removePath, session: officer, form: ["_csrf": officer.csrf]).status == .seeOther)
            #expect(try await client.send(.post, removePath, session: officer, form: ["_csrf": officer.csrf]).status == .notFound)
            let unlinked = try await client.send(
                .post, SiteURL.programmeLinksRemove(home.event).path, session: officer,
                form: unlinkForm.merging(["_csrf": officer.csrf]) { $1 })
            #expect(unlinked.status == .seeOther)
            let after = try await client.send(.get, SiteURL.programmeEvent(home.event).path, session: focal)
            #expect(!after.text.contains("Crypto tracing") && !after.text.contains(SiteURL.assessment(world.home.id, world.homeAssessmentID).path))

            // the state's timeline; another state's is as absent as a missing one
            let timeline = try await client.send(.get, SiteURL.programmeTimeline(world.home.id).path, session: focal)
            #expect(timeline.status == .ok)
            for text in ["National workshop", "Training on AI", "Adopt a strategy"] { #expect(timeline.text.contains(text), "\(text)") }
            #expect(try await client.send(.get, SiteURL.programmeTimeline(world.foreign.id).path, session: focal).status == .notFound)
        }
    }
}
