import CTTechCore

@testable import CTTechWeb

/// Issue 13: the programme of the fictional states — a regional workshop for Valdoria and Arvenna (two days) and a
/// national workshop in Valdoria, with fictional participants; an officer who also holds the personal-data right, a focal
/// point of Valdoria and a donor.
extension Valdoria {
    static let programmeOfficer = Identity(
        userID: id(1301), email: "omar.officer@ctt.example", displayName: "Omar Officer",
        grants: [
            RoleGrant(id: id(1302), userID: id(1301), role: .programmeOfficer, stateID: nil),
            RoleGrant(id: id(1303), userID: id(1301), role: .personalDataOfficer, stateID: nil),
        ])
    static let donor = Identity(
        userID: id(1304), email: "dana.donor@ctt.example", displayName: "Dana Donor",
        grants: [RoleGrant(id: id(1305), userID: id(1304), role: .donorViewer, stateID: nil)])

    static let regionalEvent = ProgrammeEvent(
        id: id(1310), kind: .regionalWorkshop, title: "Regional awareness workshop " + markup, stateIDs: [state.id, arvenna.id],
        start: date("2026-03-10"), end: date("2026-03-11"), venue: "Police academy", city: "Valdor", organisers: ["UNOCT/UNCCT", "INTERPOL"],
        facilitators: ["UNOCT/UNCCT Cyber Team"])
    static let nationalEvent = ProgrammeEvent(
        id: id(1311), kind: .nationalWorkshop, title: "National capacity-building workshop — Valdoria", stateIDs: [state.id],
        start: date("2026-06-02"), end: date("2026-06-04"), city: "Valdor")

    /// Eight Valdorian officials (four women) and three Arvennan (one woman, two men) at the regional workshop; the last
    /// Valdorian registered but did not come.
    static let programmePeople: [ProgrammePerson] = (1...11).map { n in
        ProgrammePerson(
            id: id(1320 + n),
            consent: ProgrammePerson.Consent(purpose: "Programme records", givenOn: date("2026-03-10"), method: "Signed registration form"),
            retainUntil: date("2029-03-01"), sex: n <= 8 ? (n <= 4 ? "female" : "male") : (n == 9 ? "female" : "male"),
            ageBand: ["30-39", "40-49", nil][n % 3], stateID: n <= 8 ? state.id : arvenna.id,
            agency: n % 2 == 0 ? "National Police" : "Ministry of Interior",
            agencyType: "law-enforcement", role: "Analyst")
    }
    static let programmeRegistrations: [(Registration, ProgrammePerson)] = programmePeople.enumerated().map { index, person in
        (
            Registration(
                eventID: regionalEvent.id, personID: person.id,
                attended: index == 7 ? [] : index == 6 ? [date("2026-03-10")] : Set(regionalEvent.days)), person
        )
    }
    static let programmePersonal: [String: PersonalData] = Dictionary(
        uniqueKeysWithValues: programmePeople.prefix(7).map {
            (
                $0.id,
                PersonalData(
                    personID: $0.id, name: "Participant \($0.id.suffix(2)) (fictional) " + markup, contact: "p\($0.id.suffix(2))@example.org")
            )
        })
}

extension ProgrammePage {
    static let mock = ProgrammePage.make(
        layout: Valdoria.layout("Programme events", identity: Valdoria.programmeOfficer, path: SiteURL.programme().path),
        events: [Valdoria.nationalEvent, Valdoria.regionalEvent], allYears: [2026, 2025], year: nil, states: [Valdoria.state, Valdoria.arvenna],
        canManage: true, canSeeFigures: true)
}

extension ProgrammeEventFormPage {
    static let refused = ProgrammeEventFormPage.make(
        layout: Valdoria.layout("New event", identity: Valdoria.programmeOfficer, path: SiteURL.programmeEventNew.path),
        states: [Valdoria.state, Valdoria.arvenna], csrf: Valdoria.csrf,
        submitted: [
            "kind": "national-workshop", "title": "Workshop " + Valdoria.markup, "state.\(Valdoria.state.id)": "on",
            "state.\(Valdoria.arvenna.id)": "on", "start": "2026-06-04", "end": "2026-06-02", "city": "",
        ],
        failure: Valdoria.refusal {
            try ProgrammeEventDraft(fields: [
                "kind": "national-workshop", "title": "Workshop", "state.\(Valdoria.state.id)": "on", "state.\(Valdoria.arvenna.id)": "on",
                "start": "2026-06-04", "end": "2026-06-02", "city": "",
            ]).validated(id: "x", known: [Valdoria.state.id, Valdoria.arvenna.id])
        })
}

extension ProgrammeEventPage {
    /// The officer with the personal-data right, after a refused import.
    static let officer = ProgrammeEventPage.make(
        layout: Valdoria.layout(
            Valdoria.regionalEvent.title, identity: Valdoria.programmeOfficer, path: SiteURL.programmeEvent(Valdoria.regionalEvent.id).path),
        event: Valdoria.regionalEvent, registrations: Valdoria.programmeRegistrations, personal: Valdoria.programmePersonal,
        purged: Set(Valdoria.programmePeople.suffix(4).map(\.id)), states: [Valdoria.state, Valdoria.arvenna], minimum: 5, canManage: true,
        csrf: Valdoria.csrf, today: Valdoria.date("2026-09-01"),
        importFailure: Valdoria.refusal {
            try ParticipantImport(
                bytes: Array("name,state,sex\nA (fictional),VLD,F\nB (fictional),XXX,male\n".utf8), event: Valdoria.regionalEvent,
                stateCodes: ["VLD": Valdoria.state.id, "ARV": Valdoria.arvenna.id],
                defaults: ParticipantImport.Defaults(
                    consent: ProgrammePerson.Consent(purpose: "p", givenOn: Valdoria.date("2026-03-10"), method: "m"),
                    retainUntil: Valdoria.date("2029-03-01")))
        },
        importFields: [
            "consentPurpose": "Programme records", "consentMethod": "Signed form", "consentDate": "2026-03-10", "retainUntil": "2029-03-01",
        ])

    /// The focal point of Valdoria: Valdorian participants as protected aggregates only.
    static let focal = ProgrammeEventPage.make(
        layout: Valdoria.layout(
            Valdoria.regionalEvent.title, identity: Valdoria.focalPoint, path: SiteURL.programmeEvent(Valdoria.regionalEvent.id).path),
        event: Valdoria.regionalEvent, registrations: Valdoria.programmeRegistrations.filter { $0.1.stateID == Valdoria.state.id }, personal: nil,
        states: [Valdoria.state], minimum: 5, canManage: false, csrf: Valdoria.csrf, today: Valdoria.date("2026-09-01"))
}

extension ProgrammeDashboardPage {
    static let mock = ProgrammeDashboardPage.make(
        layout: Valdoria.layout("Programme dashboards", identity: Valdoria.donor, path: SiteURL.programmeDashboard().path),
        figures: ProgrammeFigures(
            registrations: Valdoria.programmeRegistrations.map(\.0), events: [Valdoria.regionalEvent.id: Valdoria.regionalEvent],
            people: Dictionary(uniqueKeysWithValues: Valdoria.programmePeople.map { ($0.id, $0) })),
        events: [Valdoria.regionalEvent, Valdoria.nationalEvent],
        counts: ProgrammeEventCounts(
            events: [Valdoria.regionalEvent, Valdoria.nationalEvent],
            regions: [Valdoria.state.id: Valdoria.state.region, Valdoria.arvenna.id: Valdoria.arvenna.region]),
        states: [Valdoria.state, Valdoria.arvenna], minimum: 5, canSeeEvents: false,
        requests: Valdoria.programmeRequests, recommendations: [Valdoria.recommendation])
}

extension Valdoria {
    static let programmeRequests = [
        AssistanceRequest(
            id: id(1340), stateID: state.id, askedBy: "Counter-terrorism centre " + markup, eventID: regionalEvent.id, topics: ["T08"],
            summary: "Assessing terrorist use of AI", status: .triaged, receivedOn: date("2026-03-11"), changedOn: date("2026-04-01")),
        AssistanceRequest(
            id: id(1341), stateID: arvenna.id, askedBy: "Financial intelligence unit", eventID: regionalEvent.id, topics: ["T04", "T03"],
            summary: "Crypto-asset tracing", status: .delivered, receivedOn: date("2026-03-11"), changedOn: date("2026-06-04"),
            answeredBy: [nationalEvent.id]),
        AssistanceRequest(
            id: id(1342), stateID: state.id, askedBy: "Police", topics: ["T02"], summary: "Encrypted apps", status: .declined,
            receivedOn: date("2026-02-01"), changedOn: date("2026-02-20"), declineReason: "Covered by a partner's programme"),
        AssistanceRequest(
            id: id(1343), stateID: state.id, askedBy: "Police", topics: ["T09"], summary: "Counter-drone", receivedOn: date("2026-01-10")),
    ]
    static let recommendation = Recommendation(
        id: id(1350), stateID: state.id, eventID: nationalEvent.id, text: "Institutionalise the national threat assessment " + markup,
        madeOn: date("2026-06-04"),
        items: [
            ActionItem(
                id: id(1351), recommendationID: id(1350), action: "Designate a lead agency", ownerAgency: "Ministry of Interior",
                due: date("2026-07-31"), status: .done, evidence: "Designation letter"),
            ActionItem(
                id: id(1352), recommendationID: id(1350), action: "Run the first scoring round", ownerAgency: "National Police",
                due: date("2026-08-15")),
        ])
    static let technologies = ["T02": "Encrypted messaging", "T03": "Dark web", "T04": "Virtual assets", "T08": "AI", "T09": "Drones"]
}

extension ProgrammeRequestsPage {
    static let officer = ProgrammeRequestsPage.make(
        layout: Valdoria.layout("Requests for assistance", identity: Valdoria.programmeOfficer, path: SiteURL.programmeRequests.path),
        requests: Valdoria.programmeRequests, events: [Valdoria.regionalEvent, Valdoria.nationalEvent], states: [Valdoria.state, Valdoria.arvenna],
        technologies: Valdoria.technologies, today: Valdoria.date("2026-09-01"), canManage: true, csrf: Valdoria.csrf,
        submitted: ["state": Valdoria.state.id, "askedBy": "", "summary": "x"],
        failure: Valdoria.refusal {
            try AssistanceRequestDraft(fields: ["state": Valdoria.state.id, "askedBy": "", "summary": "x", "receivedOn": "2026-09-01"]).validated(
                id: "x", states: [Valdoria.state.id], events: [:], technologies: Set(Valdoria.technologies.keys))
        })
}

extension ProgrammeFollowUpsPage {
    static let officer = ProgrammeFollowUpsPage.make(
        layout: Valdoria.layout("Follow-up", identity: Valdoria.programmeOfficer, path: SiteURL.programmeFollowUps.path),
        recommendations: [Valdoria.recommendation], events: [Valdoria.regionalEvent, Valdoria.nationalEvent],
        states: [Valdoria.state, Valdoria.arvenna], today: Valdoria.date("2026-09-01"), canManage: true, csrf: Valdoria.csrf)
    static let focal = ProgrammeFollowUpsPage.make(
        layout: Valdoria.layout("Follow-up", identity: Valdoria.focalPoint, path: SiteURL.programmeFollowUps.path),
        recommendations: [Valdoria.recommendation], events: [Valdoria.nationalEvent], states: [Valdoria.state], today: Valdoria.date("2026-09-01"),
        canManage: false, csrf: Valdoria.csrf)
}

extension ProgrammeDuplicatesPage {
    static let mock = ProgrammeDuplicatesPage.make(
        layout: Valdoria.layout("Possible duplicates", identity: Valdoria.programmeOfficer, path: SiteURL.programmeDuplicates.path),
        suggestions: [
            DuplicateSuggestion(
                keep: Valdoria.programmePeople[0], other: Valdoria.programmePeople[1], keepEvents: [Valdoria.regionalEvent.id],
                otherEvents: [Valdoria.nationalEvent.id])
        ], personal: Valdoria.programmePersonal, events: [Valdoria.regionalEvent, Valdoria.nationalEvent], states: [Valdoria.state],
        csrf: Valdoria.csrf)
}
