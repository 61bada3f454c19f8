import CTTechCore
import CTTechTestSupport
import Foundation
import Testing

@testable import CTTechStore

/// Issue 13: the programme's registry in the store, on both databases — the dashboards' counts aggregated in SQL equal
/// the rules' (``ProgrammeFigures``) on generated programmes, the purge leaves them identical, and every read and write
/// stays within the scope's states.
@Suite("Programme registry in the store: figures in SQL, purge, tenancy (issue 13)")
struct ProgrammeStoreTests {
    struct Setup {
        let store: ProgrammeStore
        let states: [PartnerState]
        let all = SystemAuthority.programme(actorID: "officer", permission: .manageProgramme)
        let reading = SystemAuthority.programme(actorID: "officer", permission: .readPersonalData)
        let actor = AuditActor(id: "officer", label: "officer@example.org")

        func audit(_ action: AuditAction, _ entity: String) -> AuditEvent { AuditEvent(action, by: actor, entity: entity, state: nil) }

        /// The scope of an officer granted one state.
        func officer(of state: PartnerState, _ permission: Permission = .manageProgramme) throws -> ProgrammeScope {
            try Authorizer.programme(
                Identity(
                    userID: "o-\(state.code)", email: "o@example.org", displayName: "O",
                    grants: [
                        RoleGrant(
                            id: "g", userID: "o-\(state.code)", role: permission == .readPersonalData ? .personalDataOfficer : .programmeOfficer,
                            stateID: state.id)
                    ]),
                for: permission)
        }

        func addEvent(_ id: String, states: [PartnerState], start: String, days: Int) async throws -> ProgrammeEvent {
            let first = CalendarDate(start)!
            let event = ProgrammeEvent(
                id: id, kind: states.count > 1 ? .regionalWorkshop : .nationalWorkshop, title: "Event \(id)", stateIDs: states.map(\.id).sorted(),
                start: first, end: CalendarDate(epochMilliseconds: first.epochMilliseconds + Int64(days - 1) * 86_400_000), city: "City",
                organisers: ["UNOCT/UNCCT"], facilitators: [])
            try await store.addProgrammeEvent(event, scope: all, audit: audit(.programmeEventCreate, id))
            return event
        }

        func row(
            _ line: Int, name: String, state: PartnerState, sex: String?, days: Set<CalendarDate>, retain: String = "2030-01-01"
        )
            -> ParticipantImport.Row
        {
            let id = Identifier.make()
            return ParticipantImport.Row(
                line: line,
                person: ProgrammePerson(
                    id: id, consent: ProgrammePerson.Consent(purpose: "records", givenOn: CalendarDate("2023-01-01")!, method: "form"),
                    retainUntil: CalendarDate(retain)!, sex: sex, ageBand: nil, stateID: state.id, agency: "Agency", agencyType: nil, role: "Analyst"),
                personal: PersonalData(personID: id, name: name, contact: ""), attended: days)
        }
    }

    func setup(_ db: Persistence) async throws -> Setup {
        let states = [
            Fixture.state(code: "KAZ", name: "Kazakhstan"), Fixture.state(code: "UZB", name: "Uzbekistan"), Fixture.state(code: "KEN", name: "Kenya"),
        ]
        for s in states { try await PartnerStateStore(db).create(s, by: Fixture.admin, audit: Fixture.event("state.create")) }
        return Setup(store: ProgrammeStore(db), states: states)
    }

    /// A small deterministic generator (64-bit LCG), so a failing case can be run again.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func figuresAggregatedInSQLEqualTheRulesOnGeneratedProgrammes(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            for seed in UInt64(1)...4 {
                var g = Generator(state: seed)
                // setup: 5 events over two years (1–3 days; some regional), a pool of 18 officials; each event registers
                // some of the officials of its states, each attending some of its days; the officer then confirms every
                // suggested duplicate, so that each official is one person however many events they attended
                var events: [ProgrammeEvent] = []
                for index in 0..<5 {
                    let chosen = g.next(2) == 0 ? [s.states[g.next(3)]] : Array(s.states.prefix(2 + g.next(2)))
                    events.append(
                        try await s.addEvent(
                            "\(seed)-\(index)", states: chosen, start: "202\(3 + g.next(2))-0\(1 + g.next(9))-1\(g.next(9))", days: 1 + g.next(3)))
                }
                let pool = (0..<18).map {
                    (name: "Official \(seed)-\($0) (fictional)", state: s.states[$0 % 3], sex: [nil, "female", "male", "other"][$0 % 4])
                }
                var expected: [String: (person: ProgrammePerson, events: [String: Set<CalendarDate>])] = [:]
                for event in events {
                    var rows: [ParticipantImport.Row] = []
                    for official in pool where event.stateIDs.contains(official.state.id) && g.next(3) > 0 {
                        let days = Set(event.days.filter { _ in g.next(4) > 0 })
                        let row = s.row(rows.count + 2, name: official.name, state: official.state, sex: official.sex, days: days)
                        rows.append(row)
                        expected[official.name, default: (row.person, [:])].events[event.id] = days
                    }
                    if !rows.isEmpty {
                        try await s.store.registerParticipants(rows, eventID: event.id, scope: s.all, audit: s.audit(.programmeImport, event.id))
                    }
                }
                for suggestion in try await s.store.duplicateSuggestions(s.all) {
                    try await s.store.mergePeople(
                        keepID: suggestion.keep.id, otherID: suggestion.other.id, scope: s.all, audit: s.audit(.programmeMerge, suggestion.keep.id))
                }
                // the same programme as plain values, counted by the rules
                let registrations = expected.values.flatMap { entry in
                    entry.events.map { Registration(eventID: $0.key, personID: entry.person.id, attended: $0.value) }
                }
                let people = Dictionary(uniqueKeysWithValues: expected.values.map { ($0.person.id, $0.person) })
                let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0) })
                func rules(states: Set<String>?, year: Int?) -> ProgrammeFigures {
                    let held = byID.filter { year == nil || $0.value.start.year == year }
                    let reached = people.filter { states?.contains($0.value.stateID) ?? true }
                    return ProgrammeFigures(
                        registrations: registrations.filter { held[$0.eventID] != nil && reached[$0.personID] != nil }, events: held, people: reached)
                }
                // act / check: every state, each year, and one state's officer
                for year in [nil, 2023, 2024] {
                    let stored = try await s.store.programmeFigures(s.all, year: year)
                    let counted = rules(states: nil, year: year)
                    #expect(stored.uniquePersons == counted.uniquePersons, "seed \(seed) year \(String(describing: year))")
                    #expect(stored.registrations == counted.registrations && stored.personDays == counted.personDays)
                    #expect(stored.byState == counted.byState && stored.byEvent == counted.byEvent)
                }
                let kazakh = try s.officer(of: s.states[0])
                let stored = try await s.store.programmeFigures(kazakh, year: nil)
                let counted = rules(states: [s.states[0].id], year: nil)
                #expect(stored.uniquePersons == counted.uniquePersons && stored.personDays == counted.personDays)
                #expect(stored.byState.keys.allSatisfy { $0 == s.states[0].id } && stored.byEvent == counted.byEvent)
                // clean up for the next seed: a fresh registry (the events of earlier seeds stay, without participants)
                try await db.write { tx in
                    for table in [
                        "programme_event_tallies", "programme_year_tallies", "programme_person_years", "programme_attendance",
                        "programme_registrations",
                        "programme_personal_data", "programme_people",
                    ] {
                        try await tx.delete(from: table).run()
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func thePurgeRemovesExpiredPersonalDataAndKeepsTheFigures(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let event = try await s.addEvent("e1", states: [s.states[0]], start: "2023-09-27", days: 2)
            let days = Set(event.days)
            let rows = [
                s.row(2, name: "A (fictional)", state: s.states[0], sex: "female", days: days, retain: "2025-06-30"),
                s.row(3, name: "B (fictional)", state: s.states[0], sex: "male", days: [event.start], retain: "2026-12-01"),
                s.row(4, name: "C (fictional)", state: s.states[0], sex: nil, days: days, retain: "2026-12-02"),
            ]
            try await s.store.registerParticipants(rows, eventID: event.id, scope: s.all, audit: s.audit(.programmeImport, event.id))
            let before = try await s.store.programmeFigures(s.all, year: nil)
            // act: the day 2026-12-02 — A and B are past their date, C's is today
            let removed = try await s.store.purgeExpiredPersonalData(today: CalendarDate("2026-12-02")!, actor: s.actor)
            // check
            #expect(removed == 2)
            let left = try await s.store.personalData(s.reading, personIDs: rows.map(\.person.id))
            #expect(left.values.map(\.name) == ["C (fictional)"])
            #expect(try await s.store.programmeFigures(s.all, year: nil) == before)
            #expect(
                before.uniquePersons == 3 && before.personDays == 5 && before.byState[s.states[0].id] == ["female": 1, "male": 1, "undeclared": 1])
            let entries = try await AuditLogStore(db).list(SystemAuthority.administrator(), page: PageRequest(limit: 5))
            #expect(entries.first?.action == "programme.purge" && entries.first?.details.contains("\"removed\":\"2\"") == true)
            // nothing is suggested for the purged (their names are gone)
            #expect(try await s.store.purgeExpiredPersonalData(today: CalendarDate("2026-12-02")!, actor: s.actor) == 0)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func everyReadAndWriteStaysWithinTheScopesStates(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let (kaz, uzb, ken) = (s.states[0], s.states[1], s.states[2])
            let regional = try await s.addEvent("regional", states: [kaz, uzb], start: "2023-09-27", days: 1)
            let kenyan = try await s.addEvent("kenyan", states: [ken], start: "2024-05-14", days: 3)
            let rows = [
                s.row(2, name: "K (fictional)", state: kaz, sex: "female", days: Set(regional.days)),
                s.row(3, name: "U (fictional)", state: uzb, sex: "male", days: Set(regional.days)),
            ]
            try await s.store.registerParticipants(rows, eventID: regional.id, scope: s.all, audit: s.audit(.programmeImport, regional.id))
            let kazakh = try s.officer(of: kaz)
            // events: the regional one (Kazakhstan is among its states), never the Kenyan one
            #expect(try await s.store.programmeEvents(kazakh, year: nil).map(\.id) == ["regional"])
            #expect(try await s.store.programmeEvent(kazakh, id: kenyan.id) == nil)
            // registrations and figures: Kazakh officials only
            #expect(try await s.store.programmeRegistrations(kazakh, eventID: regional.id).map(\.1.stateID) == [kaz.id])
            #expect(try await s.store.programmeFigures(kazakh, year: nil).uniquePersons == 1)
            // personal data: only with the personal-data permission, and only of the scope's states
            await #expect(throws: StoreConflict.self) { try await s.store.personalData(kazakh, personIDs: rows.map(\.person.id)) }
            let kazakhReader = try s.officer(of: kaz, .readPersonalData)
            #expect(try await s.store.personalData(kazakhReader, personIDs: rows.map(\.person.id)).keys.sorted() == [rows[0].person.id])
            // writes: attendance of an Uzbek official, an event of a state not granted, Kenyan rows — all refused
            await #expect(throws: ProgrammeRuleViolation.notRegistered) {
                try await s.store.setAttendance(
                    eventID: regional.id, personID: rows[1].person.id, days: [], scope: kazakh, audit: s.audit(.programmeAttendance, regional.id))
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.store.addProgrammeEvent(kenyan, scope: kazakh, audit: s.audit(.programmeEventCreate, "x"))
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.store.registerParticipants(
                    [s.row(2, name: "N (fictional)", state: ken, sex: nil, days: [])], eventID: kenyan.id, scope: kazakh,
                    audit: s.audit(.programmeImport, kenyan.id))
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.store.mergePeople(
                    keepID: rows[0].person.id, otherID: rows[1].person.id, scope: kazakh, audit: s.audit(.programmeMerge, "x"))
            }
            // the same person twice in one event is refused whole: nothing of the file is written
            await #expect(throws: ProgrammeRuleViolation.alreadyRegistered(line: 3)) {
                try await s.store.registerParticipants(
                    [
                        s.row(2, name: "New (fictional)", state: kaz, sex: nil, days: []),
                        s.row(3, name: "k  (FICTIONAL)", state: kaz, sex: nil, days: []),
                    ],
                    eventID: regional.id, scope: s.all, audit: s.audit(.programmeImport, regional.id))
            }
            #expect(try await s.store.programmeRegistrations(s.all, eventID: regional.id).count == 2)
            // a day outside the event is refused
            await #expect(throws: ProgrammeRuleViolation.dayOutsideEvent(CalendarDate("2023-09-28")!)) {
                try await s.store.setAttendance(
                    eventID: regional.id, personID: rows[0].person.id, days: [CalendarDate("2023-09-28")!], scope: kazakh,
                    audit: s.audit(.programmeAttendance, regional.id))
            }
        }
    }
    @Test(arguments: TestDatabase.kinds)
    func requestsAndRecommendationsRoundTripWithinTheScope(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let followUps = FollowUpStore(db)
            let (kaz, ken) = (s.states[0], s.states[2])
            let workshop = try await s.addEvent("w", states: [ken], start: "2024-05-14", days: 3)
            let request = AssistanceRequest(
                id: Identifier.make(), stateID: ken.id, askedBy: "CT centre", eventID: workshop.id, topics: ["T08", "T03"], summary: "AI",
                receivedOn: CalendarDate("2023-09-13")!)
            try await followUps.addAssistanceRequest(request, scope: s.all, audit: s.audit(.requestCreate, request.id))
            #expect(try await followUps.assistanceRequests(s.all) == [request])
            // the rule runs on the stored request: no skipping, delivery only with the event that answered it
            let kazakh = try s.officer(of: kaz)
            await #expect(throws: StoreConflict.missing) {
                try await followUps.moveAssistanceRequest(
                    id: request.id, to: .triaged, on: CalendarDate("2023-10-01")!, reason: "", answeredBy: nil, scope: kazakh,
                    audit: s.audit(.requestMove, request.id))
            }
            await #expect(throws: ValidationFailure.self) {
                try await followUps.moveAssistanceRequest(
                    id: request.id, to: .planned, on: CalendarDate("2023-10-01")!, reason: "", answeredBy: nil, scope: s.all,
                    audit: s.audit(.requestMove, request.id))
            }
            for status in [AssistanceRequest.Status.triaged, .planned] {
                _ = try await followUps.moveAssistanceRequest(
                    id: request.id, to: status, on: CalendarDate("2023-12-01")!, reason: "", answeredBy: nil, scope: s.all,
                    audit: s.audit(.requestMove, request.id))
            }
            let delivered = try await followUps.moveAssistanceRequest(
                id: request.id, to: .delivered, on: workshop.end, reason: "", answeredBy: workshop.id, scope: s.all,
                audit: s.audit(.requestMove, request.id))
            #expect(try await followUps.assistanceRequests(s.all) == [delivered])
            #expect(delivered.answeredBy == [workshop.id] && delivered.changedOn == workshop.end)
            #expect(try await followUps.assistanceRequests(kazakh).isEmpty)
            // a recommendation with its items; progress recorded on the stored item, done only with evidence
            let recommendationID = Identifier.make()
            let items = (1...2).map { n in
                ActionItem(
                    id: Identifier.make(), recommendationID: recommendationID, action: "Action \(n)", ownerAgency: "Agency",
                    due: CalendarDate("2024-0\(6 + n)-30")!)
            }
            let recommendation = Recommendation(
                id: recommendationID, stateID: ken.id, eventID: workshop.id, text: "Institutionalise", madeOn: workshop.end, items: items)
            try await followUps.addRecommendation(recommendation, scope: s.all, audit: s.audit(.recommendationCreate, recommendationID))
            #expect(try await followUps.recommendations(s.all) == [recommendation])
            await #expect(throws: ValidationFailure.self) {
                try await followUps.recordActionItem(
                    id: items[0].id, status: .done, evidence: "", scope: s.all, audit: s.audit(.actionItemRecord, "x"))
            }
            await #expect(throws: StoreConflict.missing) {
                try await followUps.recordActionItem(
                    id: items[0].id, status: .done, evidence: "x", scope: kazakh, audit: s.audit(.actionItemRecord, "x"))
            }
            let done = try await followUps.recordActionItem(
                id: items[0].id, status: .done, evidence: "Letter", scope: s.all, audit: s.audit(.actionItemRecord, items[0].id))
            #expect(try await followUps.recommendations(s.all).first?.items == [done, items[1]])
            // a recommendation for an event of another state is refused
            await #expect(throws: StoreConflict.missing) {
                try await followUps.addRecommendation(
                    Recommendation(id: Identifier.make(), stateID: kaz.id, eventID: workshop.id, text: "x", madeOn: workshop.end, items: []),
                    scope: s.all, audit: s.audit(.recommendationCreate, "x"))
            }
        }
    }
}
