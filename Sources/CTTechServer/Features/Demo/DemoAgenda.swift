import CTTechCore
import CTTechStore

/// The programme's knowledge products and agendas in the demo (issue 13). Public fact: seven knowledge products
/// (handbooks and reference guides) were launched at the third UN Counter-Terrorism Week in 2023 and presented at the
/// regional workshops. Their titles here are illustrative, not the publications' own. The fictional Valdoria gets a
/// training workshop where its threat assessment, live session and capability assessments were worked on, and a
/// follow-up visit a year on that links the police's capability baseline and its follow-up self-assessment, so that
/// their comparison opens.
enum DemoAgenda {
    static let products: [(title: String, kind: KnowledgeProduct.Kind, topics: [String])] = [
        ("Handbook 1 (illustrative title): assessing terrorist use of new technologies", .handbook, ["T01", "T08"]),
        ("Handbook 2 (illustrative title): policy responses grounded in human rights", .handbook, []),
        ("Reference guide 3 (illustrative title): online investigations and digital evidence", .referenceGuide, ["T02", "T03"]),
        ("Reference guide 4 (illustrative title): crypto-assets and terrorism financing", .referenceGuide, ["T04"]),
        ("Reference guide 5 (illustrative title): unmanned aircraft systems", .referenceGuide, ["T09"]),
        ("Reference guide 6 (illustrative title): artificial intelligence for law enforcement", .referenceGuide, ["T08"]),
        ("Handbook 7 (illustrative title): gender dimensions of countering terrorist use of technology", .handbook, []),
    ]

    static func seed(_ services: AppServices, valdoria: String?) async throws {
        let scope = DemoProgramme.scope
        guard try await services.agenda.knowledgeProducts(scope).isEmpty else { return }
        let actor = DemoAssessment.seedActor
        var ids: [String] = []
        for spec in products {
            let product = KnowledgeProduct(
                id: Identifier.make(), title: spec.title, kind: spec.kind, languages: ["en", "fr", "ru", "ar"], year: 2023,
                audience: "Law enforcement and policy makers", topics: spec.topics, link: "",
                summary: "Launched at the third United Nations Counter-Terrorism Week, June 2023.")
            try await services.agenda.addKnowledgeProduct(
                product, scope: scope, audit: AuditEvent(.productCreate, by: actor, entity: product.id, state: nil, ["title": product.title]))
            ids.append(product.id)
        }
        func session(_ event: ProgrammeEvent, day: CalendarDate, _ starts: String, _ title: String, products: [String], steps: [Int]) async throws {
            try await services.agenda.addAgendaSession(
                AgendaSession(
                    id: Identifier.make(), eventID: event.id, day: day, starts: starts, title: title, presenter: "UNOCT/UNCCT and INTERPOL",
                    productIDs: products, steps: steps), scope: scope, audit: AuditEvent(.agendaAdd, by: actor, entity: event.id, state: nil))
        }
        for event in try await services.programme.programmeEvents(scope, year: nil) where event.kind == .regionalWorkshop {
            try await session(event, day: event.start, "09:30", "Presentation of the seven CT TECH knowledge products", products: ids, steps: [])
            try await session(
                event, day: event.end, "11:00", "Partner states share their approaches to new technologies", products: [ids[0], ids[1]],
                steps: [1, 3])
        }
        guard let valdoria else { return }
        try await seedValdoria(services, valdoria: valdoria, products: ids)
    }

    /// Valdoria's training workshop and follow-up visit (fictional state, 2025–2026), linked to its national work.
    static func seedValdoria(_ services: AppServices, valdoria: String, products: [String]) async throws {
        let scope = DemoProgramme.scope
        let actor = DemoAssessment.seedActor
        let training = ProgrammeEvent(
            id: Identifier.make(), kind: .training, title: "Training on the national method — Valdoria (fictional)", stateIDs: [valdoria],
            start: CalendarDate("2025-11-20")!, end: CalendarDate("2025-11-22")!, venue: "Police academy", city: "Valdor (fictional)",
            organisers: ["UNOCT/UNCCT", "INTERPOL"], facilitators: ["Fatima Facilitator (fictional)"])
        let visit = ProgrammeEvent(
            id: Identifier.make(), kind: .followUpVisit, title: "Follow-up visit — Valdoria (fictional)", stateIDs: [valdoria],
            start: CalendarDate("2026-11-24")!, end: CalendarDate("2026-11-24")!, city: "Valdor (fictional)", organisers: ["UNOCT/UNCCT"])
        for event in [training, visit] {
            try await services.programme.addProgrammeEvent(
                event, scope: scope, audit: AuditEvent(.programmeEventCreate, by: actor, entity: event.id, state: valdoria, ["title": event.title]))
        }
        // Sixteen fictional Valdorian officials at the training (half of them women, one missing its second day), six of
        // whom come back for the visit — registered anew there, so the registry suggests them as duplicates to confirm.
        let trainees = (1...16).map { n in
            DemoProgramme.Attendee(
                code: "VLD", number: n, female: n % 2 == 1, ageBand: ["25-34", "35-44", "45-54"][n % 3], agency: [2, 0, 1, 3, 6, 4][n % 6],
                missedDay: n == 5 ? 1 : nil)
        }
        for (event, attendees) in [(training, trainees), (visit, Array(trainees.prefix(6)))] {
            let rows = attendees.enumerated().map { line, attendee in
                DemoProgramme.row(attendee, line: line + 2, stateID: valdoria, event: event)
            }
            try await services.programme.registerParticipants(
                rows, eventID: event.id, scope: scope,
                audit: AuditEvent(.programmeImport, by: actor, entity: event.id, state: valdoria, ["rows": String(rows.count)]))
        }
        for (day, starts, title, items, steps) in [
            ("2025-11-20", "09:00", "Scoring threat scenarios together (live session)", [products[0]], [3, 4]),
            ("2025-11-21", "09:00", "Capability self-assessment of the counter-terrorism police", [products[2]], [7]),
            ("2025-11-22", "14:00", "Validating the self-assessment and drafting the roadmap", [products[1], products[6]], [7, 8]),
        ] {
            try await services.agenda.addAgendaSession(
                AgendaSession(
                    id: Identifier.make(), eventID: training.id, day: CalendarDate(day)!, starts: starts, title: title, presenter: "UNOCT/UNCCT",
                    productIDs: items, steps: steps), scope: scope, audit: AuditEvent(.agendaAdd, by: actor, entity: training.id, state: valdoria))
        }
        func link(_ event: ProgrammeEvent, _ kind: EventLink.Kind, _ target: String, _ role: EventLink.Role) async throws {
            try await services.agenda.addEventLink(
                EventLink(eventID: event.id, stateID: valdoria, kind: kind, targetID: target, role: role), scope: scope,
                audit: AuditEvent(.eventLink, by: actor, entity: event.id, state: valdoria, ["kind": kind.rawValue, "role": role.rawValue]))
        }
        if let assessment = try await services.assessments.records.list(SystemAuthority.tenant(valdoria, permission: .viewAssessment)).first {
            try await link(training, .assessment, assessment.id, .run)
        }
        // The workshop's own session, not the follow-up one a visitor may try joining.
        let sessions = try await services.live.liveSessions(SystemAuthority.tenant(valdoria, permission: .viewLiveSession))
        if let live = sessions.first(where: { $0.title.hasPrefix("National workshop") }) {
            try await link(training, .liveSession, live.id, .run)
        }
        // The police's baseline self-assessment and its validation were done at the training (20 and 22 November 2025);
        // the visit a year on compares that baseline with the follow-up self-assessment of 20 November 2026.
        let capability = try await services.capability.capabilityAssessments(SystemAuthority.tenant(valdoria, permission: .viewCapability))
        if let baseline = capability.first(where: { $0.kind == .selfAssessed && $0.title.hasPrefix("Baseline 2025 — counter-terrorism police") }),
            let validated = capability.first(where: { $0.kind == .validated }),
            let followUp = capability.first(where: { $0.kind == .selfAssessed && $0.title.hasPrefix("Follow-up 2026") })
        {
            try await link(training, .capability, baseline.id, .run)
            try await link(training, .capability, validated.id, .run)
            try await link(visit, .capability, baseline.id, .baseline)
            try await link(visit, .capability, followUp.id, .followUp)
        }
    }
}
