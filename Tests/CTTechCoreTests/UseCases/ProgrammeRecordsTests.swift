import CTTechCore
import CTTechDoubles
import Testing

/// Issue 13: the programme officer's records on in-memory repositories — events only for granted states, participant
/// lists all or nothing, one person counted once across events and days, attendance, duplicates merged only when the
/// officer confirms, and the retention purge that leaves every aggregate as it was.
@Suite("Programme: events, participants and the retention purge")
struct ProgrammeRecordsTests {
    struct World {
        let repositories = InMemoryRepositories()
        let kazakhstan: PartnerState
        let uzbekistan: PartnerState
        let officer: Identity
        let eastOfficer: Identity
        let focal: Identity
        let records: ProgrammeRecords

        init() {
            kazakhstan = repositories.seedPartnerState(code: "KAZ", name: "Kazakhstan", region: .centralAsia)
            uzbekistan = repositories.seedPartnerState(code: "UZB", name: "Uzbekistan", region: .centralAsia)
            officer = repositories.seedAccount(email: "officer@example.org", roles: [(.programmeOfficer, nil), (.personalDataOfficer, nil)])
            eastOfficer = repositories.seedAccount(email: "east@example.org", roles: [(.programmeOfficer, kazakhstan.id)])
            focal = repositories.seedAccount(email: "focal@example.org", roles: [(.focalPoint, uzbekistan.id)])
            records = ProgrammeRecords(programme: repositories, states: repositories)
        }

        func scope(_ identity: Identity, _ permission: Permission) throws -> ProgrammeScope {
            try Authorizer.programme(identity, for: permission)
        }

        func event(_ title: String, states: [PartnerState], start: String, end: String, by identity: Identity? = nil) async throws -> ProgrammeEvent {
            var fields = ["kind": "regional-workshop", "title": title, "start": start, "end": end, "city": "Tashkent"]
            for state in states { fields["state." + state.id] = "on" }
            let who = identity ?? officer
            return try await records.createEvent(ProgrammeEventDraft(fields: fields), by: who.actor, scope: try scope(who, .manageProgramme))
        }

        func importList(_ csv: String, into event: ProgrammeEvent, retainUntil: String = "2026-09-30") async throws -> Int {
            try await records.importParticipants(
                Array(csv.utf8), into: event,
                defaults: ParticipantImport.Defaults(
                    consent: ProgrammePerson.Consent(purpose: "Programme records", givenOn: event.start, method: "Signed form"),
                    retainUntil: CalendarDate(retainUntil)!),
                by: officer.actor, scope: try scope(officer, .manageProgramme))
        }
    }

    @Test func oneOfficialAtThreeEventsIsOnePersonThreeRegistrationsAndTheirDays() async throws {
        // setup: three events (1, 2 and 3 days); Jane attends all three (1 + 2 + 2 days), Ali only the first (merged later)
        let world = World()
        let first = try await world.event("Regional", states: [world.kazakhstan, world.uzbekistan], start: "2023-09-27", end: "2023-09-27")
        let second = try await world.event("National 1", states: [world.kazakhstan], start: "2024-04-01", end: "2024-04-02")
        let third = try await world.event("National 2", states: [world.kazakhstan], start: "2024-10-15", end: "2024-10-17")
        _ = try await world.importList("name,state,sex,attended\nJane (fictional),KAZ,female,all\nAli (fictional),UZB,male,all\n", into: first)
        _ = try await world.importList("name,state,sex,attended\nJane (fictional),KAZ,female,all\n", into: second)
        _ = try await world.importList("name,state,sex,attended\nJane (fictional),KAZ,female,2024-10-15;2024-10-17\n", into: third)
        let officerScope = try world.scope(world.officer, .manageProgramme)
        // act: the officer confirms the suggested duplicates (Jane at events 2 and 3 against Jane at event 1)
        let suggestions = try await world.repositories.duplicateSuggestions(officerScope)
        for suggestion in suggestions {
            try await world.records.merge(keepID: suggestion.keep.id, otherID: suggestion.other.id, by: world.officer.actor, scope: officerScope)
        }
        let figures = try await world.repositories.programmeFigures(officerScope, year: nil)
        // check: 2 persons (Jane, Ali), 4 registrations, person-days 1 + 1 + 2 + 2 = 6
        #expect(suggestions.count == 2 && suggestions.allSatisfy { $0.keepEvents == [first.id] })
        #expect(figures.uniquePersons == 2 && figures.registrations == 4 && figures.personDays == 6)
        #expect(figures.byState[world.kazakhstan.id] == ["female": 1] && figures.byEvent[third.id] == ["female": 1])
        #expect(figures.women == 1 && figures.declaredSex == 2)
        #expect(try await world.repositories.duplicateSuggestions(officerScope).isEmpty)
        #expect(world.repositories.audit.filter { $0.action == AuditAction.programmeMerge.rawValue }.count == 2)
    }

    @Test func duplicatesAreOnlySuggestedNeverMergedSilently() async throws {
        let world = World()
        let first = try await world.event("Regional", states: [world.kazakhstan], start: "2023-09-27", end: "2023-09-27")
        let second = try await world.event("National", states: [world.kazakhstan], start: "2024-04-01", end: "2024-04-01")
        _ = try await world.importList("name,state,contact,attended\nJane (fictional),KAZ,jane@example.org,all\n", into: first)
        _ = try await world.importList("name,state,contact,attended\nJANE  (fictional),KAZ,Jane@Example.org,all\n", into: second)
        let scope = try world.scope(world.officer, .manageProgramme)
        let figures = try await world.repositories.programmeFigures(scope, year: nil)
        #expect(figures.uniquePersons == 2)
        let suggestions = try await world.repositories.duplicateSuggestions(scope)
        #expect(suggestions.count == 1)
        // a pair the registry does not suggest is not merged: not the pair turned round, nor a person with itself
        let pair = try #require(suggestions.first)
        let before = world.repositories.audit.count
        for (keep, other) in [(pair.other.id, pair.keep.id), (pair.keep.id, pair.keep.id)] {
            await #expect(throws: StoreConflict.missing) {
                try await world.records.merge(keepID: keep, otherID: other, by: world.officer.actor, scope: scope)
            }
        }
        #expect(try await world.repositories.programmeFigures(scope, year: nil).uniquePersons == 2)
        #expect(world.repositories.audit.count == before)
    }

    @Test func aBadListWritesNothingAndARepeatedPersonIsRefused() async throws {
        let world = World()
        let event = try await world.event("Regional", states: [world.kazakhstan], start: "2023-09-27", end: "2023-09-28")
        let before = world.repositories.audit.count
        // act: one good line, one with a bad sex code
        await #expect(throws: ValidationFailure.self) {
            try await world.importList("name,state,sex\nA (fictional),KAZ,female\nB (fictional),KAZ,X\n", into: event)
        }
        // check: nothing written
        let scope = try world.scope(world.officer, .manageProgramme)
        #expect(try await world.repositories.programmeRegistrations(scope, eventID: event.id).isEmpty)
        #expect(world.repositories.audit.count == before)
        // a person already registered for the event is refused, and the whole file with them
        _ = try await world.importList("name,state\nA (fictional),KAZ\n", into: event)
        await #expect(throws: ProgrammeRuleViolation.alreadyRegistered(line: 3)) {
            try await world.importList("name,state\nC (fictional),KAZ\na  (FICTIONAL),KAZ\n", into: event)
        }
        #expect(try await world.repositories.programmeRegistrations(scope, eventID: event.id).count == 1)
    }

    @Test func anOfficerCreatesEventsAndImportsPeopleOnlyForTheStatesGranted() async throws {
        let world = World()
        // the East officer (Kazakhstan only) cannot add an event that also concerns Uzbekistan
        await #expect(throws: ValidationFailure.self) {
            try await world.event(
                "Regional", states: [world.kazakhstan, world.uzbekistan], start: "2023-09-27", end: "2023-09-27", by: world.eastOfficer)
        }
        let regional = try await world.event("Regional", states: [world.kazakhstan, world.uzbekistan], start: "2023-09-27", end: "2023-09-27")
        // the East officer reaches the event (Kazakhstan is among its states) but may not register Uzbek officials
        let east = try world.scope(world.eastOfficer, .manageProgramme)
        #expect(try await world.repositories.programmeEvent(east, id: regional.id) != nil)
        await #expect(throws: ValidationFailure.self) {
            try await world.records.importParticipants(
                Array("name,state\nB (fictional),UZB\n".utf8), into: regional,
                defaults: ParticipantImport.Defaults(
                    consent: ProgrammePerson.Consent(purpose: "p", givenOn: regional.start, method: "m"), retainUntil: CalendarDate("2026-01-01")!),
                by: world.eastOfficer.actor, scope: east)
        }
        // the Uzbek focal point sees the event and only Uzbek registrations; no programme-management or personal-data scope
        _ = try await world.importList("name,state,attended\nA (fictional),KAZ,all\nB (fictional),UZB,all\n", into: regional)
        let focal = try world.scope(world.focal, .viewProgramme)
        let seen = try await world.repositories.programmeRegistrations(focal, eventID: regional.id)
        #expect(seen.map(\.1.stateID) == [world.uzbekistan.id])
        #expect(throws: AccessDenied.self) { try world.scope(world.focal, .manageProgramme) }
        #expect(throws: AccessDenied.self) { try world.scope(world.focal, .readPersonalData) }
        await #expect(throws: StoreConflict.self) { try await world.repositories.personalData(focal, personIDs: seen.map(\.1.id)) }
    }

    @Test func thePurgeRemovesExpiredNamesAndKeepsEveryAggregate() async throws {
        // setup: two events; one list kept until 2025-06-30, the other until 2027
        let world = World()
        let old = try await world.event("Regional", states: [world.kazakhstan], start: "2023-09-27", end: "2023-09-28")
        let recent = try await world.event("National", states: [world.kazakhstan], start: "2024-04-01", end: "2024-04-04")
        _ = try await world.importList(
            "name,state,sex,attended\nA (fictional),KAZ,female,all\nB (fictional),KAZ,male,2023-09-27\nC (fictional),KAZ,,\n", into: old,
            retainUntil: "2025-06-30")
        _ = try await world.importList("name,state,sex,attended\nD (fictional),KAZ,female,all\n", into: recent, retainUntil: "2027-04-30")
        let scope = try world.scope(world.officer, .manageProgramme)
        let reading = try world.scope(world.officer, .readPersonalData)
        let before = try await world.repositories.programmeFigures(scope, year: nil)
        let people =
            try await world.repositories.programmeRegistrations(scope, eventID: old.id).map(\.1.id)
            + world.repositories.programmeRegistrations(scope, eventID: recent.id).map(\.1.id)
        // act
        let removed = try await world.records.purgeExpired(today: CalendarDate("2026-12-02")!, by: AuditActor(id: "cli", label: "cli"))
        // check: three names gone, one kept; figures identical; one audit entry saying how many
        #expect(removed == 3)
        #expect(try await world.repositories.personalData(reading, personIDs: people).values.map(\.name) == ["D (fictional)"])
        #expect(try await world.repositories.programmeFigures(scope, year: nil) == before)
        #expect(before.uniquePersons == 3 && before.personDays == 2 + 1 + 4 && before.registrations == 4)
        let entry = try #require(world.repositories.audit.last)
        #expect(entry.action == "programme.purge" && entry.details["removed"] == "3")
        // a second run removes nothing
        #expect(try await world.records.purgeExpired(today: CalendarDate("2026-12-02")!, by: AuditActor(id: "cli", label: "cli")) == 0)
    }

    @Test func attendanceIsOnlyForTheEventsDays() async throws {
        let world = World()
        let event = try await world.event("National", states: [world.kazakhstan], start: "2024-04-01", end: "2024-04-04")
        _ = try await world.importList("name,state\nA (fictional),KAZ\n", into: event)
        let scope = try world.scope(world.officer, .manageProgramme)
        let person = try #require(try await world.repositories.programmeRegistrations(scope, eventID: event.id).first?.1)
        try await world.records.recordAttendance(
            fields: ["day.2024-04-01": "on", "day.2024-04-03": "on"], personID: person.id, event: event, by: world.officer.actor, scope: scope)
        await #expect(throws: ProgrammeRuleViolation.dayOutsideEvent(CalendarDate("2024-04-05")!)) {
            try await world.records.recordAttendance(
                fields: ["day.2024-04-05": "on"], personID: person.id, event: event, by: world.officer.actor, scope: scope)
        }
        let registration = try #require(try await world.repositories.programmeRegistrations(scope, eventID: event.id).first?.0)
        #expect(registration.attended == [CalendarDate("2024-04-01")!, CalendarDate("2024-04-03")!])
    }
}
