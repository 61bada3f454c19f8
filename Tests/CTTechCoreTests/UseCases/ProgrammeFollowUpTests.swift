import CTTechCore
import CTTechDoubles
import Testing

/// Issue 13: requests for assistance move along their pipeline (delivered only with the event of the state that answered
/// it) and recommendations carry action items whose progress is recorded (done only with evidence) — on the in-memory
/// repositories, every write audited and every refusal leaving the records as they were.
@Suite("Programme: requests for assistance and follow-up of recommendations")
struct ProgrammeFollowUpTests {
    struct World {
        let repositories = InMemoryRepositories()
        let kenya: PartnerState
        let uzbekistan: PartnerState
        let officer: Identity
        let focal: Identity
        let followUp: ProgrammeFollowUp
        let workshop: ProgrammeEvent
        let visit: ProgrammeEvent

        init() async throws {
            _ = repositories.seedDefaultMethod()
            kenya = repositories.seedPartnerState(code: "KEN", name: "Kenya", region: .eastAfrica)
            uzbekistan = repositories.seedPartnerState(code: "UZB", name: "Uzbekistan", region: .centralAsia)
            officer = repositories.seedAccount(email: "officer@example.org", roles: [(.programmeOfficer, nil)])
            focal = repositories.seedAccount(email: "focal@example.org", roles: [(.focalPoint, uzbekistan.id)])
            followUp = ProgrammeFollowUp(followUps: repositories, programme: repositories, reference: repositories)
            let scope = try Authorizer.programme(officer, for: .manageProgramme)
            workshop = ProgrammeEvent(
                id: "w", kind: .nationalWorkshop, title: "National workshop", stateIDs: [kenya.id], start: CalendarDate("2024-05-14")!,
                end: CalendarDate("2024-05-16")!, city: "Nairobi")
            visit = ProgrammeEvent(
                id: "v", kind: .followUpVisit, title: "Follow-up visit", stateIDs: [kenya.id], start: CalendarDate("2024-06-18")!,
                end: CalendarDate("2024-06-19")!, city: "Nairobi")
            for event in [workshop, visit] {
                try await repositories.addProgrammeEvent(
                    event, scope: scope, audit: AuditEvent(.programmeEventCreate, by: officer.actor, entity: event.id, state: nil))
            }
        }

        var scope: ProgrammeScope { get throws { try Authorizer.programme(officer, for: .manageProgramme) } }
        var states: Set<String> { [kenya.id, uzbekistan.id] }
    }

    @Test func aRequestIsRecordedMovedAndDeliveredByTheWorkshopThatAnsweredIt() async throws {
        // setup
        let world = try await World()
        let scope = try world.scope
        let request = try await world.followUp.addRequest(
            AssistanceRequestDraft(fields: [
                "state": world.kenya.id, "askedBy": "Counter-terrorism centre", "topic.T08": "on", "summary": "AI in the threat assessment",
                "receivedOn": "2023-09-13",
            ]), states: world.states, by: world.officer.actor, scope: scope)
        // act: triaged, planned, then delivered without an event (refused) and with the workshop
        var moved = try await world.followUp.moveRequest(
            request, fields: ["to": "triaged"], today: CalendarDate("2023-10-01")!, by: world.officer.actor, scope: scope)
        moved = try await world.followUp.moveRequest(
            moved, fields: ["to": "planned"], today: CalendarDate("2023-12-01")!, by: world.officer.actor, scope: scope)
        await #expect(throws: ValidationFailure(field: "status", "validation.request-no-event")) {
            try await world.followUp.moveRequest(
                moved, fields: ["to": "delivered"], today: CalendarDate("2024-05-16")!, by: world.officer.actor, scope: scope)
        }
        let delivered = try await world.followUp.moveRequest(
            moved, fields: ["to": "delivered", "answeredBy": world.workshop.id], today: CalendarDate("2024-05-16")!, by: world.officer.actor,
            scope: scope)
        // check: stored as delivered by the workshop; age 13 Sep 2023 → 16 May 2024 = 246 days; four audit entries
        let stored = try #require(try await world.repositories.assistanceRequests(scope).first)
        #expect(stored == delivered && stored.status == .delivered && stored.answeredBy == [world.workshop.id])
        #expect(stored.age(on: CalendarDate("2026-12-02")!) == 17 + 31 + 30 + 31 + 31 + 29 + 31 + 30 + 16)
        #expect(
            world.repositories.audit.filter { $0.entityType == "assistance_request" }.map(\.action) == [
                "request.create", "request.move", "request.move", "request.move",
            ])
    }

    @Test func aRequestNamesAStateTopicsAndAnEventOfThatState() async throws {
        let world = try await World()
        await #expect(throws: ValidationFailure.self) {
            try await world.followUp.addRequest(
                AssistanceRequestDraft(fields: [
                    "state": world.uzbekistan.id, "askedBy": "FIU", "event": world.workshop.id, "topic.T99": "on", "summary": "x",
                    "receivedOn": "2024-01-01",
                ]), states: world.states, by: world.officer.actor, scope: try world.scope)
        }
        do {
            _ = try AssistanceRequestDraft(fields: [
                "state": world.uzbekistan.id, "askedBy": "", "event": world.workshop.id, "topic.T99": "on", "summary": "", "receivedOn": "01/01/2024",
            ]).validated(id: "x", states: world.states, events: [world.workshop.id: [world.kenya.id]], technologies: ["T08"])
            Issue.record("an invalid request was accepted")
        } catch {
            #expect(Set(error.issues.map(\.field)) == ["askedBy", "event", "topics", "summary", "receivedOn"])
        }
        // a declined request needs a reason; a focal point cannot record or move requests
        let request = try await world.followUp.addRequest(
            AssistanceRequestDraft(fields: [
                "state": world.uzbekistan.id, "askedBy": "FIU", "topic.T04": "on", "summary": "Crypto", "receivedOn": "2024-01-01",
            ]),
            states: world.states, by: world.officer.actor, scope: try world.scope)
        await #expect(throws: ValidationFailure.self) {
            try await world.followUp.moveRequest(
                request, fields: ["to": "declined", "reason": " "], today: CalendarDate("2024-02-01")!, by: world.officer.actor,
                scope: try world.scope)
        }
        #expect(throws: AccessDenied.self) { try Authorizer.programme(world.focal, for: .manageProgramme) }
        let focalView = try Authorizer.programme(world.focal, for: .viewProgramme)
        #expect(try await world.repositories.assistanceRequests(focalView).map(\.id) == [request.id], "the focal point reads their state's request")
    }

    @Test func aVisitRecordsProgressOnActionItemsDoneOnlyWithEvidence() async throws {
        let world = try await World()
        let scope = try world.scope
        let recommendation = try await world.followUp.addRecommendation(
            RecommendationDraft(fields: [
                "event": world.visit.id, "state": world.kenya.id, "text": "Institutionalise the assessment", "madeOn": "2024-06-19",
                "item.1.action": "Designate a lead agency", "item.1.owner": "CT centre", "item.1.due": "2024-07-31",
                "item.3.action": "Train analysts", "item.3.owner": "Police", "item.3.due": "2024-12-31",
            ]), states: world.states, by: world.officer.actor, scope: scope)
        #expect(recommendation.items.count == 2)
        #expect(recommendation.standing(on: CalendarDate("2024-08-01")!) == .overdue)
        let first = recommendation.items[0]
        await #expect(throws: ValidationFailure(field: "evidence", "validation.required")) {
            try await world.followUp.recordItem(first, stateID: world.kenya.id, fields: ["status": "done"], by: world.officer.actor, scope: scope)
        }
        _ = try await world.followUp.recordItem(
            first, stateID: world.kenya.id, fields: ["status": "done", "evidence": "Letter of 2 July"], by: world.officer.actor, scope: scope)
        _ = try await world.followUp.recordItem(
            recommendation.items[1], stateID: world.kenya.id, fields: ["status": "dropped"], by: world.officer.actor, scope: scope)
        let stored = try #require(try await world.repositories.recommendations(scope).first)
        #expect(stored.items.map(\.status) == [.done, .dropped] && stored.items[0].evidence == "Letter of 2 July")
        #expect(stored.standing(on: CalendarDate("2025-01-01")!) == .done)
        // a recommendation needs an event of its state and at least one item
        await #expect(throws: ValidationFailure.self) {
            try await world.followUp.addRecommendation(
                RecommendationDraft(fields: ["event": world.visit.id, "state": world.uzbekistan.id, "text": "x", "madeOn": "2024-06-19"]),
                states: world.states, by: world.officer.actor, scope: scope)
        }
    }
}
