import CTTechCore
import CTTechDoubles
import Testing

/// Issue 13: knowledge products, agenda sessions and the links of events to national work, on the in-memory
/// repositories — refusals field by field and nothing written, links only to the work offered and to events the officer
/// governs, baseline and follow-up only at follow-up visits.
@Suite("Programme: knowledge products, agendas and links to national work")
struct ProgrammeAgendaTests {
    struct World {
        let repositories = InMemoryRepositories()
        let kenya: PartnerState
        let uzbekistan: PartnerState
        let officer: Identity
        let kenyanOfficer: Identity
        let agenda: ProgrammeAgenda
        let workshop: ProgrammeEvent
        let visit: ProgrammeEvent

        init() async throws {
            _ = repositories.seedDefaultMethod()
            kenya = repositories.seedPartnerState(code: "KEN", name: "Kenya", region: .eastAfrica)
            uzbekistan = repositories.seedPartnerState(code: "UZB", name: "Uzbekistan", region: .centralAsia)
            officer = repositories.seedAccount(email: "officer@example.org", roles: [(.programmeOfficer, nil)])
            kenyanOfficer = repositories.seedAccount(email: "kenya@example.org", roles: [(.programmeOfficer, kenya.id)])
            agenda = ProgrammeAgenda(agenda: repositories, programme: repositories, reference: repositories)
            workshop = ProgrammeEvent(
                id: "w", kind: .regionalWorkshop, title: "Regional workshop", stateIDs: [kenya.id, uzbekistan.id], start: CalendarDate("2024-05-14")!,
                end: CalendarDate("2024-05-15")!, city: "Nairobi")
            visit = ProgrammeEvent(
                id: "v", kind: .followUpVisit, title: "Follow-up visit", stateIDs: [kenya.id], start: CalendarDate("2025-06-18")!,
                end: CalendarDate("2025-06-18")!, city: "Nairobi")
            let scope = try Authorizer.programme(officer, for: .manageProgramme)
            for event in [workshop, visit] {
                try await repositories.addProgrammeEvent(
                    event, scope: scope, audit: AuditEvent(.programmeEventCreate, by: officer.actor, entity: event.id, state: nil))
            }
        }

        var scope: ProgrammeScope { get throws { try Authorizer.programme(officer, for: .manageProgramme) } }

        func product() async throws -> KnowledgeProduct {
            try await agenda.addProduct(
                KnowledgeProductDraft(fields: [
                    "title": "Handbook on the use of AI", "kind": "handbook", "language.en": "on", "language.fr": "on", "year": "2024",
                    "topic.T08": "on", "link": "https://www.un.org/counterterrorism/",
                ]), by: officer.actor, scope: try scope)
        }
    }

    @Test func aProductIsRegisteredAndPresentedAtAnEventsSession() async throws {
        // setup
        let world = try await World()
        let product = try await world.product()

        // act
        let session = try await world.agenda.addSession(
            AgendaSessionDraft(fields: [
                "day": "2024-05-15", "starts": "09:30", "title": "AI and counter-terrorism", "presenter": "UNOCT/UNCCT",
                "product.\(product.id)": "on", "step.3": "on", "step.4": "on",
            ]), to: world.workshop, by: world.officer.actor, scope: try world.scope)

        // check
        #expect(product.languages == ["en", "fr"] && product.topics == ["T08"] && product.year == 2024)
        #expect(session.productIDs == [product.id] && session.steps == [3, 4] && session.starts == "09:30")
        #expect(try await world.repositories.presentations(try world.scope, productID: product.id).map(\.id) == [session.id])
        #expect(world.repositories.audit.map(\.action).suffix(2) == ["product.create", "programme.agenda_add"])
    }

    @Test func badProductsAndSessionsAreRefusedFieldByField() async throws {
        let world = try await World()
        let base = ["title": "Guide", "kind": "reference-guide", "language.ar": "on", "year": "2023"]
        for (change, field) in [
            (["kind": "novel"], "kind"), (["language.ar": ""], "languages"), (["year": "1999"], "year"), (["year": "soon"], "year"),
            (["topic.T42": "on"], "topics"), (["link": "javascript:alert(1)"], "link"), (["link": "https://a b"], "link"), (["title": ""], "title"),
        ] {
            do {
                _ = try await world.agenda.addProduct(
                    KnowledgeProductDraft(fields: base.merging(change) { $1 }), by: world.officer.actor, scope: try world.scope)
                Issue.record("\(change) was accepted")
            } catch let failure as ValidationFailure {
                #expect(failure.issues.map(\.field) == [field], "\(change)")
            }
        }
        let session = ["day": "2024-05-14", "title": "Opening"]
        for (change, field) in [
            (["day": "2024-05-16"], "day"), (["starts": "9h30"], "starts"), (["starts": "24:00"], "starts"), (["product.nope": "on"], "products"),
            (["title": " "], "title"),
        ] {
            do {
                _ = try await world.agenda.addSession(
                    AgendaSessionDraft(fields: session.merging(change) { $1 }), to: world.workshop, by: world.officer.actor, scope: try world.scope)
                Issue.record("\(change) was accepted")
            } catch let failure as ValidationFailure {
                #expect(failure.issues.map(\.field) == [field], "\(change)")
            }
        }
        #expect(world.repositories.audit.count == 2, "only the two events were written")
    }

    @Test func anOfficerOfOneStateDoesNotChangeARegionalEventsAgenda() async throws {
        let world = try await World()
        let kenyan = try Authorizer.programme(world.kenyanOfficer, for: .manageProgramme)
        await #expect(throws: StoreConflict.self) {
            try await world.agenda.addSession(
                AgendaSessionDraft(fields: ["day": "2024-05-14", "title": "Opening"]), to: world.workshop, by: world.kenyanOfficer.actor,
                scope: kenyan)
        }
        // the Kenyan national visit is theirs
        _ = try await world.agenda.addSession(
            AgendaSessionDraft(fields: ["day": "2025-06-18", "title": "Review of the action items"]), to: world.visit,
            by: world.kenyanOfficer.actor, scope: kenyan)
    }

    @Test func linksGoOnlyToTheWorkOfferedAndBaselinesOnlyToFollowUpVisits() async throws {
        let world = try await World()
        let offered = [
            EventLink(eventID: "", stateID: world.kenya.id, kind: .capability, targetID: "cap-2024", role: .run),
            EventLink(eventID: "", stateID: world.kenya.id, kind: .capability, targetID: "cap-2025", role: .run),
        ]
        // a target not offered, and a baseline at a workshop
        for (event, fields, field) in [
            (world.visit, ["target": "capability:someone-elses", "role": "baseline"], "target"),
            (world.workshop, ["target": "capability:cap-2024", "role": "baseline"], "role"),
            (world.visit, ["target": "capability:cap-2024", "role": "supervisor"], "role"),
        ] {
            do {
                _ = try await world.agenda.link(fields: fields, to: event, linkable: offered, by: world.officer.actor, scope: try world.scope)
                Issue.record("\(fields) was accepted")
            } catch let failure as ValidationFailure {
                #expect(failure.issues.map(\.field) == [field], "\(fields)")
            }
        }
        // the visit links the baseline and the follow-up; the same link twice is refused
        let baseline = try await world.agenda.link(
            fields: ["target": "capability:cap-2024", "role": "baseline"], to: world.visit, linkable: offered, by: world.officer.actor,
            scope: try world.scope)
        _ = try await world.agenda.link(
            fields: ["target": "capability:cap-2025", "role": "follow-up"], to: world.visit, linkable: offered, by: world.officer.actor,
            scope: try world.scope)
        await #expect(throws: StoreConflict.self) {
            try await world.agenda.link(
                fields: ["target": "capability:cap-2024", "role": "baseline"], to: world.visit, linkable: offered, by: world.officer.actor,
                scope: try world.scope)
        }
        #expect(baseline.eventID == world.visit.id && baseline.role == .baseline)
        #expect(try await world.repositories.eventLinks(try world.scope, eventID: world.visit.id).map(\.role) == [.baseline, .followUp])
    }

    @Test func aSessionAndALinkAreRemovedOnlyByWhoGovernsTheEventAndAudited() async throws {
        // setup: a session at the regional workshop, the visit's baseline link
        let world = try await World()
        let session = try await world.agenda.addSession(
            AgendaSessionDraft(fields: ["day": "2024-05-14", "title": "Opening"]), to: world.workshop, by: world.officer.actor, scope: try world.scope
        )
        let offered = [EventLink(eventID: "", stateID: world.kenya.id, kind: .capability, targetID: "cap-2024", role: .run)]
        _ = try await world.agenda.link(
            fields: ["target": "capability:cap-2024", "role": "baseline"], to: world.visit, linkable: offered, by: world.officer.actor,
            scope: try world.scope)
        let kenyan = try Authorizer.programme(world.kenyanOfficer, for: .manageProgramme)
        let before = world.repositories.audit.count

        // act and check: the Kenyan officer does not govern the regional workshop; an unknown session is missing
        await #expect(throws: StoreConflict.missing) {
            try await world.agenda.removeSession(session.id, from: world.workshop, by: world.kenyanOfficer.actor, scope: kenyan)
        }
        await #expect(throws: StoreConflict.missing) {
            try await world.agenda.removeSession("no-such-session", from: world.workshop, by: world.officer.actor, scope: try world.scope)
        }
        // a link is named by its target and role, and only among the work the officer may read
        for (fields, linkable) in [
            (["target": "capability:cap-2024", "role": "run"], offered), (["target": "capability:cap-2024", "role": "baseline"], []),
        ] {
            await #expect(throws: StoreConflict.missing) {
                try await world.agenda.unlink(fields: fields, from: world.visit, linkable: linkable, by: world.officer.actor, scope: try world.scope)
            }
        }
        #expect(world.repositories.audit.count == before, "a refusal writes nothing")
        try await world.agenda.removeSession(session.id, from: world.workshop, by: world.officer.actor, scope: try world.scope)
        try await world.agenda.unlink(
            fields: ["target": "capability:cap-2024", "role": "baseline"], from: world.visit, linkable: offered, by: world.officer.actor,
            scope: try world.scope)
        #expect(try await world.repositories.agenda(try world.scope, eventID: world.workshop.id).isEmpty)
        #expect(try await world.repositories.eventLinks(try world.scope, eventID: world.visit.id).isEmpty)
        #expect(
            world.repositories.audit.suffix(2).map(\.action) == [AuditAction.agendaRemove.rawValue, AuditAction.eventUnlink.rawValue])
        #expect(world.repositories.audit.suffix(2).first?.details["session"] == "Opening")
    }
}
