import CTTechCore
import CTTechTestSupport
import Foundation
import Testing

@testable import CTTechStore

/// Issue 13: knowledge products, agendas and event links in the store, on both databases — a product's presentations and
/// an event's links keep to the scope's states, and only an officer who governs the event changes its agenda.
@Suite("Programme agendas in the store (issue 13)")
struct ProgrammeAgendaStoreTests {
    @Test(arguments: TestDatabase.kinds)
    func presentationsAndLinksKeepToTheScope(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: Kazakhstan's and Kenya's national workshops, one product presented at both
            let kaz = Fixture.state(code: "KAZ", name: "Kazakhstan")
            let ken = Fixture.state(code: "KEN", name: "Kenya")
            for state in [kaz, ken] { try await PartnerStateStore(db).create(state, by: Fixture.admin, audit: Fixture.event("state.create")) }
            let all = SystemAuthority.programme(actorID: "officer", permission: .manageProgramme)
            let audit = AuditEvent(.agendaAdd, by: AuditActor(id: "o", label: "o"), entity: "x", state: nil)
            let programme = ProgrammeStore(db)
            let store = ProgrammeAgendaStore(db)
            var events: [ProgrammeEvent] = []
            for state in [kaz, ken] {
                let event = ProgrammeEvent(
                    id: Identifier.make(), kind: .nationalWorkshop, title: "Workshop \(state.code)", stateIDs: [state.id],
                    start: CalendarDate("2024-04-01")!, end: CalendarDate("2024-04-02")!, city: "Capital")
                try await programme.addProgrammeEvent(event, scope: all, audit: audit)
                events.append(event)
            }
            let product = KnowledgeProduct(
                id: Identifier.make(), title: "Reference guide", kind: .referenceGuide, languages: ["ru", "en"], year: 2023, audience: "Analysts",
                topics: ["T04"], link: "", summary: "")
            try await store.addKnowledgeProduct(product, scope: all, audit: audit)
            for event in events {
                try await store.addAgendaSession(
                    AgendaSession(
                        id: Identifier.make(), eventID: event.id, day: CalendarDate("2024-04-02")!, starts: "", title: "Session \(event.title)",
                        presenter: "", productIDs: [product.id], steps: [7, 8]), scope: all, audit: audit)
                try await store.addEventLink(
                    EventLink(eventID: event.id, stateID: event.stateIDs[0], kind: .assessment, targetID: "a-\(event.id)", role: .run), scope: all,
                    audit: audit)
            }
            let kazakh = try Authorizer.programme(
                Identity(
                    userID: "o-kaz", email: "o@example.org", displayName: "O",
                    grants: [RoleGrant(id: "g", userID: "o-kaz", role: .programmeOfficer, stateID: kaz.id)]), for: .manageProgramme)

            // act and check: the whole programme sees both presentations, Kazakhstan's officer its own
            #expect(try await store.presentations(all, productID: product.id).count == 2)
            #expect(try await store.presentations(kazakh, productID: product.id).map(\.eventID) == [events[0].id])
            #expect(try await store.agenda(kazakh, eventID: events[1].id).isEmpty)
            #expect(try await store.agenda(all, eventID: events[1].id).map(\.steps) == [[7, 8]])
            // on each day the timed sessions come in order of time, then those without a time
            for (day, starts, title) in [("2024-04-02", "14:00", "Afternoon"), ("2024-04-02", "09:30", "Morning"), ("2024-04-01", "", "Opening")] {
                try await store.addAgendaSession(
                    AgendaSession(
                        id: Identifier.make(), eventID: events[0].id, day: CalendarDate(day)!, starts: starts, title: title, presenter: "",
                        productIDs: [], steps: []), scope: all, audit: audit)
            }
            #expect(
                try await store.agenda(all, eventID: events[0].id).map(\.title) == ["Opening", "Morning", "Afternoon", "Session Workshop KAZ"])
            #expect(try await store.eventLinks(kazakh, eventID: events[1].id).isEmpty)
            #expect(try await store.eventLinks(kazakh, eventID: events[0].id).map(\.targetID) == ["a-\(events[0].id)"])
            #expect(try await store.knowledgeProducts(kazakh).map(\.languages) == [["ru", "en"]])
            // Kazakhstan's officer changes neither Kenya's agenda nor its links; a link twice is refused
            await #expect(throws: StoreConflict.self) {
                try await store.addAgendaSession(
                    AgendaSession(
                        id: Identifier.make(), eventID: events[1].id, day: CalendarDate("2024-04-01")!, starts: "", title: "Intruder",
                        presenter: "", productIDs: [], steps: []), scope: kazakh, audit: audit)
            }
            await #expect(throws: StoreConflict.self) {
                try await store.addEventLink(
                    EventLink(eventID: events[0].id, stateID: kaz.id, kind: .assessment, targetID: "a-\(events[0].id)", role: .run), scope: all,
                    audit: audit)
            }
            // removal: Kazakhstan's officer removes nothing of Kenya's; a session goes with the products it presented, a
            // link by its event, kind, target and role
            let kenyan = try #require(try await store.agenda(all, eventID: events[1].id).first)
            let kenyanLink = try #require(try await store.eventLinks(all, eventID: events[1].id).first)
            await #expect(throws: StoreConflict.missing) {
                try await store.removeAgendaSession(eventID: events[1].id, sessionID: kenyan.id, scope: kazakh, audit: audit)
            }
            await #expect(throws: StoreConflict.missing) { try await store.removeEventLink(kenyanLink, scope: kazakh, audit: audit) }
            await #expect(throws: StoreConflict.missing) {
                try await store.removeAgendaSession(eventID: events[0].id, sessionID: kenyan.id, scope: all, audit: audit)
            }
            try await store.removeAgendaSession(eventID: events[1].id, sessionID: kenyan.id, scope: all, audit: audit)
            var other = kenyanLink
            other.role = .baseline
            await #expect(throws: StoreConflict.missing) { try await store.removeEventLink(other, scope: all, audit: audit) }
            try await store.removeEventLink(kenyanLink, scope: all, audit: audit)
            #expect(try await store.agenda(all, eventID: events[1].id).isEmpty)
            #expect(try await store.eventLinks(all, eventID: events[1].id).isEmpty)
            #expect(try await store.presentations(all, productID: product.id).map(\.eventID) == [events[0].id])
        }
    }
}
