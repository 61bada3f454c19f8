import CTTechCore
import CTTechStore

/// Demo programme records (issue 13) built from the CT TECH programme's public facts (DOMAIN.md §5): five regional
/// awareness-raising workshops "over the space of three months" in 2023 (135 participants, 33 % women, from 29 partner
/// states), five national capacity-building workshops in 2024 (146 participants), a bilateral meeting and two follow-up
/// visits.
///
/// Only the events and the totals are real. Every participant is fictional ("Participant KAZ-07 (fictional)", an
/// example.org address) and derived from indices, never at random, so every seed gives the same figures. The twelve
/// partner states public sources name get their real names and no assessment data; the seventeen they do not name are
/// labelled placeholders ("East Africa partner state 2 (not named in public sources)"), never a guessed real country.
enum DemoProgramme {
    static let scope = SystemAuthority.programme(actorID: "demo-seed", permission: .manageProgramme)
    static let namedProfile = "CT TECH partner state (public programme facts only; no assessment data)."
    static let placeholderProfile = "Placeholder for a partner state that public sources do not name; used only for the programme's demo figures."

    typealias StateEntry = (code: String, name: String, region: Region, named: Bool)

    /// The partner states public sources name (DOMAIN.md §5).
    static let namedStates: [StateEntry] = [
        ("KAZ", "Kazakhstan", .centralAsia, true), ("KGZ", "Kyrgyzstan", .centralAsia, true), ("MNG", "Mongolia", .centralAsia, true),
        ("TJK", "Tajikistan", .centralAsia, true), ("TKM", "Turkmenistan", .centralAsia, true), ("UZB", "Uzbekistan", .centralAsia, true),
        // Colombia borders the Caribbean; the programme invited it to the workshop for the Caribbean and Central America.
        ("COL", "Colombia", .caribbean, true), ("SUR", "Suriname", .caribbean, true), ("TTO", "Trinidad and Tobago", .caribbean, true),
        ("KEN", "Kenya", .eastAfrica, true), ("BIH", "Bosnia and Herzegovina", .southernEurope, true), ("PHL", "Philippines", .asia, true),
    ]

    /// Every partner state of the demo programme: the twelve named and seventeen placeholders (29, as in the public figures).
    static let states: [StateEntry] =
        namedStates + placeholders("EA", "East Africa", .eastAfrica, 6) + placeholders("EU", "Europe", .southernEurope, 3)
        + placeholders("ME", "Middle East and North Africa", .mena, 3) + placeholders("AS", "South and Southeast Asia", .asia, 5)

    static func placeholders(_ prefix: String, _ label: String, _ region: Region, _ count: Int) -> [StateEntry] {
        (1...count).map { (code: "\(prefix)\($0)", name: "\(label) partner state \($0) (not named in public sources)", region: region, named: false) }
    }

    /// An event of the demo programme and how many fictional participants each of its states sends (0: none recorded).
    struct Spec: Sendable {
        let kind: ProgrammeEvent.Kind
        let title: String
        let delegations: [(code: String, count: Int)]
        let start: CalendarDate
        let end: CalendarDate
        let city: String
        var venue = ""
        var organisers = ["UNOCT/UNCCT", "INTERPOL"]
        var facilitators = ["UNOCT/UNCCT Cyber Team", "INTERPOL Innovation Centre"]

        var dayCount: Int { end.daysSinceEpoch - start.daysSinceEpoch + 1 }
    }

    static func regional(
        _ region: String, _ delegations: [(code: String, count: Int)], _ start: String, _ end: String, city: String, venue: String = ""
    ) -> Spec {
        Spec(
            kind: .regionalWorkshop, title: "CT TECH regional awareness raising workshop for \(region)", delegations: delegations,
            start: CalendarDate(start)!, end: CalendarDate(end)!, city: city, venue: venue)
    }

    static func national(_ state: String, _ code: String, _ count: Int, _ start: String, _ end: String, city: String) -> Spec {
        Spec(
            kind: .nationalWorkshop, title: "CT TECH national capacity-building workshop — \(state)", delegations: [(code, count)],
            start: CalendarDate(start)!, end: CalendarDate(end)!, city: city)
    }

    static func visit(_ state: String, _ code: String, _ start: String, _ end: String, city: String) -> Spec {
        Spec(
            kind: .followUpVisit, title: "CT TECH follow-up visit — \(state)", delegations: [(code, 0)], start: CalendarDate(start)!,
            end: CalendarDate(end)!, city: city)
    }

    /// Every event, in date order. Regional delegations: Nairobi 29, Tashkent 28, Sarajevo 30, Bangkok 25, Port of Spain 23
    /// (135 persons from 29 states); national workshops 30 + 30 + 28 + 30 + 28 = 146.
    static let events: [Spec] = [
        regional(
            "East Africa", [("KEN", 8), ("EA1", 4), ("EA2", 4), ("EA3", 4), ("EA4", 3), ("EA5", 3), ("EA6", 3)], "2023-09-12", "2023-09-13",
            city: "Nairobi"),
        Spec(
            kind: .bilateralMeeting, title: "Bilateral meeting on tailored capacity-building assistance", delegations: [("KEN", 0)],
            start: CalendarDate("2023-09-14")!, end: CalendarDate("2023-09-14")!, city: "Nairobi", organisers: ["UNOCT"], facilitators: []),
        // Hosted by the Government of Uzbekistan, opened by the Head of the Academy of the Ministry of Internal Affairs.
        regional(
            "Central Asia and Mongolia", [("KAZ", 4), ("KGZ", 4), ("MNG", 4), ("TJK", 4), ("TKM", 4), ("UZB", 8)], "2023-09-27", "2023-09-27",
            city: "Tashkent", venue: "Academy of the Ministry of Internal Affairs"),
        regional(
            "Europe and the Middle East and North Africa", [("BIH", 8), ("EU1", 4), ("EU2", 4), ("EU3", 4), ("ME1", 4), ("ME2", 3), ("ME3", 3)],
            "2023-10-24", "2023-10-25", city: "Sarajevo"),
        regional(
            "South and Southeast Asia", [("PHL", 8), ("AS1", 4), ("AS2", 4), ("AS3", 3), ("AS4", 3), ("AS5", 3)], "2023-11-07", "2023-11-08",
            city: "Bangkok"),
        regional("the Caribbean and Central America", [("COL", 6), ("SUR", 6), ("TTO", 11)], "2023-11-16", "2023-11-17", city: "Port of Spain"),
        national("Trinidad and Tobago", "TTO", 30, "2024-02-20", "2024-02-22", city: "Port of Spain"),
        national("Bosnia and Herzegovina", "BIH", 30, "2024-04-01", "2024-04-04", city: "Sarajevo"),
        national("Kenya", "KEN", 28, "2024-05-14", "2024-05-16", city: "Nairobi"),
        visit("Kenya", "KEN", "2024-06-18", "2024-06-19", city: "Nairobi"),
        national("Philippines", "PHL", 30, "2024-07-09", "2024-07-11", city: "Manila"),
        visit("Philippines", "PHL", "2024-09-10", "2024-09-11", city: "Manila"),
        national("Uzbekistan", "UZB", 28, "2024-10-15", "2024-10-18", city: "Tashkent"),
    ]

    static let ageBands = ["30-39", "40-49", "30-39", "50-59", "under-30", "40-49", "30-39", "60-plus"]
    static let agencies: [(type: String, agency: String, role: String)] = [
        ("law-enforcement", "National police (fictional unit)", "Investigator"),
        ("intelligence", "National intelligence service (fictional unit)", "Analyst"),
        ("law-enforcement", "Counter-terrorism police (fictional unit)", "Analyst"),
        ("ministry", "Ministry of the interior (fictional department)", "Policy officer"),
        ("justice", "Office of the prosecutor (fictional unit)", "Prosecutor"),
        ("regulator", "Communications regulator (fictional unit)", "Technical officer"),
        ("law-enforcement", "Cybercrime police (fictional unit)", "Digital forensics examiner"),
        ("military", "Armed forces cyber command (fictional unit)", "Liaison officer"),
        ("other", "National CERT (fictional unit)", "Incident handler"),
    ]
    /// How many of a national workshop's participants attended the regional workshop before.
    static let returning = 8
    /// Consent given for a shorter period, already over, so `cttech purge-expired` has something to remove in the demo.
    static let shortRetention = CalendarDate("2025-06-30")!

    /// A fictional participant, everything derived from indices.
    struct Attendee: Sendable, Hashable {
        let code: String
        let number: Int
        let female: Bool
        let ageBand: String
        let agency: Int
        var shortRetention = false
        /// The day (index into the event's days) they missed; nil when they attended every day.
        var missedDay: Int? = nil

        var name: String { "Participant \(code)-\(padded) (fictional)" }
        var contact: String { "participant.\(code.lowercased()).\(padded)@example.org" }
        var padded: String { number < 10 ? "0\(number)" : String(number) }
    }

    /// The participants of every event of ``events``, in the same order.
    static let plan: [[Attendee]] = makePlan()

    static func makePlan() -> [[Attendee]] {
        var regional: [String: [Attendee]] = [:]
        var index = 0
        var nationalIndex = 0
        var plan: [[Attendee]] = []
        let hosts = Set(events.filter { $0.kind == .nationalWorkshop }.flatMap { $0.delegations.map { $0.code } })
        for spec in events {
            var attendees: [Attendee] = []
            switch spec.kind {
            case .regionalWorkshop:
                // Every regional participant attends one regional workshop, every day of it; one in three is a woman.
                for (code, count) in spec.delegations {
                    for number in 1...count {
                        var attendee = Attendee(
                            code: code, number: number, female: index % 3 == 0, ageBand: ageBands[index % ageBands.count],
                            agency: index % agencies.count)
                        // Ten who do not come back to a national workshop agreed to a shorter retention, already over.
                        attendee.shortRetention = index % 11 == 1 && (number > returning || !hosts.contains(code))
                        attendees.append(attendee)
                        regional[code, default: []].append(attendee)
                        index += 1
                    }
                }
            case .nationalWorkshop:
                let (code, count) = spec.delegations[0]
                let before = regional[code] ?? []
                for local in 0..<count {
                    var attendee: Attendee
                    if local < min(returning, before.count) {
                        // The same name and contact as at the regional workshop: the registry suggests them as duplicates.
                        attendee = before[local]
                        attendee.shortRetention = false
                    } else {
                        attendee = Attendee(
                            code: code, number: before.count + local - min(returning, before.count) + 1, female: (local + nationalIndex) % 3 == 1,
                            ageBand: ageBands[(local + 3 * nationalIndex) % ageBands.count], agency: (local + 2 * nationalIndex) % agencies.count)
                    }
                    attendee.missedDay = local % 5 == 2 ? (local / 5) % spec.dayCount : nil
                    attendees.append(attendee)
                }
                nationalIndex += 1
            case .bilateralMeeting, .followUpVisit, .training:
                break
            }
            plan.append(attendees)
        }
        return plan
    }

    /// The figures the plan must give (DOMAIN.md §5): 135 regional participants, 45 of them women (33 %), from 29 partner
    /// states; 28 at Tashkent; 23 at Port of Spain; 146 at the national workshops. ``seed(_:)`` refuses to run otherwise.
    struct Figures: Sendable, Equatable {
        var regionalPersons: Int
        var regionalWomen: Int
        var regionalStates: Int
        var tashkent: Int
        var portOfSpain: Int
        var nationalPersons: Int
    }

    static let figures = Figures(regionalPersons: 135, regionalWomen: 45, regionalStates: 29, tashkent: 28, portOfSpain: 23, nationalPersons: 146)

    static func measured() -> Figures {
        func count(_ kind: ProgrammeEvent.Kind, city: String? = nil) -> [Attendee] {
            zip(events, plan).filter { $0.0.kind == kind && (city == nil || $0.0.city == city) }.flatMap { $0.1 }
        }
        let regional = count(.regionalWorkshop)
        return Figures(
            regionalPersons: Set(regional).count, regionalWomen: regional.filter(\.female).count, regionalStates: Set(regional.map(\.code)).count,
            tashkent: count(.regionalWorkshop, city: "Tashkent").count, portOfSpain: count(.regionalWorkshop, city: "Port of Spain").count,
            nationalPersons: count(.nationalWorkshop).count)
    }

    /// Loads the demo programme unless the programme already has an event (idempotent).
    static func seed(_ services: AppServices) async throws {
        guard try await services.programme.programmeEvents(scope, year: nil).isEmpty else { return }
        let figures = measured()
        precondition(figures == Self.figures, "The demo programme no longer matches the public figures: \(figures)")
        precondition(Set(states.map { $0.code }).count == states.count && states.count == figures.regionalStates, "Demo programme state codes")
        let stateIDs = try await ensureStates(services)
        var created: [ProgrammeEvent] = []
        for (spec, attendees) in zip(events, plan) {
            let event = ProgrammeEvent(
                id: Identifier.make(), kind: spec.kind, title: spec.title, stateIDs: spec.delegations.map { id(of: $0.code, in: stateIDs) },
                start: spec.start, end: spec.end, venue: spec.venue, city: spec.city, organisers: spec.organisers, facilitators: spec.facilitators)
            try await services.programme.addProgrammeEvent(
                event, scope: scope,
                audit: AuditEvent(.programmeEventCreate, by: DemoAssessment.seedActor, entity: event.id, state: nil, ["title": event.title]))
            created.append(event)
            guard !attendees.isEmpty else { continue }
            // Returning participants are registered as new persons with the name and contact of their regional record. The
            // registry lists them among the duplicate suggestions for the officer to confirm; the demo leaves them
            // unconfirmed on purpose (persons are never merged silently), so until then they count once per record.
            let rows = attendees.enumerated().map { line, attendee in
                row(attendee, line: line + 2, stateID: id(of: attendee.code, in: stateIDs), event: event)
            }
            try await services.programme.registerParticipants(
                rows, eventID: event.id, scope: scope,
                audit: AuditEvent(.programmeImport, by: DemoAssessment.seedActor, entity: event.id, state: nil, ["rows": String(rows.count)]))
        }
        try await seedFollowUps(services, events: created, stateIDs: stateIDs)
    }

    /// The requests for assistance the regional workshops brought ("requested capacity-building assistance in conducting
    /// national threat assessments and developing law enforcement capabilities frameworks", AI, dark web, crypto-assets),
    /// answered by the national workshops, and the recommendations of the follow-up visits with their action items. The
    /// wording of each request and recommendation is illustrative; the events are the public ones.
    static func seedFollowUps(_ services: AppServices, events: [ProgrammeEvent], stateIDs: [String: String]) async throws {
        let actor = DemoAssessment.seedActor
        func event(_ kind: ProgrammeEvent.Kind, _ code: String) -> ProgrammeEvent? {
            events.first { $0.kind == kind && $0.stateIDs.contains(id(of: code, in: stateIDs)) }
        }
        let requests: [(code: String, topics: [String], summary: String, askedBy: String, status: AssistanceRequest.Status, reason: String)] = [
            (
                "KEN", ["T08"], "Assistance in assessing terrorist use of artificial intelligence for the national threat assessment",
                "Counter-terrorism centre", .delivered, ""
            ),
            (
                "PHL", ["T03"], "Training on dark-web investigations for counter-terrorism investigators", "National police, cybercrime unit",
                .delivered, ""
            ),
            ("UZB", ["T04"], "Tracing crypto-asset financing of terrorism", "Financial intelligence unit", .delivered, ""),
            (
                "TTO", ["T01", "T08"], "Developing a law-enforcement capabilities framework for new technologies", "Ministry of National Security",
                .delivered, ""
            ),
            (
                "BIH", ["T03", "T04"], "Dark-web and crypto-asset investigations in one course", "State Investigation and Protection Agency",
                .delivered, ""
            ),
            ("KAZ", ["T04"], "Crypto-asset investigations", "Financial monitoring agency", .planned, ""),
            ("MNG", ["T08"], "Awareness of AI-generated propaganda", "General intelligence agency", .triaged, ""),
            ("COL", ["T09"], "Counter-drone capabilities", "National police", .received, ""),
            (
                "EA1", ["T02"], "Encrypted messaging applications in investigations", "Police service", .declined,
                "Covered by a partner organisation's programme in the region"
            ),
        ]
        for (index, entry) in requests.enumerated() {
            let stateID = id(of: entry.code, in: stateIDs)
            let asked = events.first { $0.kind == .regionalWorkshop && $0.stateIDs.contains(stateID) }
            var request = AssistanceRequest(
                id: Identifier.make(), stateID: stateID, askedBy: entry.askedBy, eventID: asked?.id, topics: entry.topics, summary: entry.summary,
                receivedOn: asked?.end ?? CalendarDate("2023-11-30")!)
            try await services.followUps.addAssistanceRequest(
                request, scope: scope,
                audit: AuditEvent(.requestCreate, by: actor, entity: request.id, state: stateID, ["topics": entry.topics.joined(separator: ",")]))
            let answer = event(.nationalWorkshop, entry.code)
            let path: [AssistanceRequest.Status] =
                switch entry.status {
                case .received: []
                case .triaged: [.triaged]
                case .planned: [.triaged, .planned]
                case .delivered: [.triaged, .planned, .delivered]
                case .declined: [.triaged, .declined]
                }
            for (step, status) in path.enumerated() {
                let day = CalendarDate(epochMilliseconds: request.receivedOn.epochMilliseconds + Int64(20 * (step + 1) + index) * 86_400_000)
                request = try await services.followUps.moveAssistanceRequest(
                    id: request.id, to: status, on: status == .delivered ? (answer?.end ?? day) : day,
                    reason: status == .declined ? entry.reason : "", answeredBy: status == .delivered ? answer?.id : nil, scope: scope,
                    audit: AuditEvent(.requestMove, by: actor, entity: request.id, state: stateID, ["to": status.rawValue]))
            }
        }
        // The follow-up visits review the national workshops' recommendations.
        let recommendations: [(code: String, text: String, items: [(String, String, String, ActionItem.Status, String)])] = [
            (
                "KEN", "Institutionalise the national threat assessment of terrorist use of new technologies",
                [
                    (
                        "Designate a lead agency and a focal point for the assessment", "Counter-terrorism centre", "2024-07-31", .done,
                        "Designation letter of 2 July 2024"
                    ),
                    (
                        "Run the first scoring round with all agencies of the institutional map", "Counter-terrorism centre", "2024-10-31",
                        .inProgress, ""
                    ),
                    ("Adopt a data-protection procedure for OSINT collection", "National police service", "2024-09-30", .open, ""),
                ]
            ),
            (
                "KEN", "Build dark-web investigation capacity",
                [
                    (
                        "Train a core team of investigators", "Directorate of criminal investigations",
                        "2025-03-31", .open, ""
                    )
                ]
            ),
            (
                "PHL", "Strengthen the capabilities framework for crypto-asset investigations",
                [
                    (
                        "Self-assess the virtual-assets area with the financial intelligence unit", "Anti-money laundering council", "2024-12-15",
                        .done,
                        "Self-assessment entered at the follow-up visit"
                    ),
                    ("Include human-rights safeguards in the tool procurement", "National police", "2025-02-28", .open, ""),
                ]
            ),
        ]
        for entry in recommendations {
            let stateID = id(of: entry.code, in: stateIDs)
            guard let visit = event(.followUpVisit, entry.code) else { continue }
            let recommendationID = Identifier.make()
            let items = entry.items.map { item in
                ActionItem(
                    id: Identifier.make(), recommendationID: recommendationID, action: item.0, ownerAgency: item.1, due: CalendarDate(item.2)!,
                    status: item.3, evidence: item.4)
            }
            try await services.followUps.addRecommendation(
                Recommendation(id: recommendationID, stateID: stateID, eventID: visit.id, text: entry.text, madeOn: visit.end, items: items),
                scope: scope, audit: AuditEvent(.recommendationCreate, by: actor, entity: recommendationID, state: stateID))
        }
    }

    static func id(of code: String, in stateIDs: [String: String]) -> String {
        guard let id = stateIDs[code] else { preconditionFailure("Demo programme state \(code) missing") }
        return id
    }

    /// The id of every programme state by code, creating those missing (default marking AMBER, like ``DemoData``).
    static func ensureStates(_ services: AppServices) async throws -> [String: String] {
        let admin = SystemAuthority.administrator(actorID: "demo-seed")
        var ids: [String: String] = [:]
        for entry in states {
            if let existing = try await services.states.find(code: entry.code, visible: SystemAuthority.allStates) {
                ids[entry.code] = existing.id
                continue
            }
            let state = PartnerState(
                id: Identifier.make(), code: entry.code, name: entry.name, region: entry.region, defaultTLP: .amber,
                profile: entry.named ? namedProfile : placeholderProfile, version: 1)
            try await services.states.create(
                state, by: admin,
                audit: AuditEvent(.stateCreate, by: DemoAssessment.seedActor, entity: state.id, state: state.id, ["code": state.code]))
            ids[entry.code] = state.id
        }
        return ids
    }

    /// One import row: consent given on the event's first day by a signed form, kept three years unless agreed shorter.
    static func row(_ attendee: Attendee, line: Int, stateID: String, event: ProgrammeEvent) -> ParticipantImport.Row {
        let id = Identifier.make()
        let first = event.start
        let threeYears = CalendarDate(String(first.year + 3) + first.description.dropFirst(4))!
        let agency = agencies[attendee.agency]
        let days = event.days
        let attended = Set(days.enumerated().filter { $0.offset != attendee.missedDay }.map(\.element))
        let person = ProgrammePerson(
            id: id,
            consent: ProgrammePerson.Consent(
                purpose: "Participation records of the CT TECH programme", givenOn: first, method: "Signed registration form"),
            retainUntil: attendee.shortRetention ? shortRetention : threeYears, sex: attendee.female ? "female" : "male", ageBand: attendee.ageBand,
            stateID: stateID, agency: agency.agency, agencyType: agency.type, role: agency.role)
        return ParticipantImport.Row(
            line: line, person: person, personal: PersonalData(personID: id, name: attendee.name, contact: attendee.contact), attended: attended)
    }
}
