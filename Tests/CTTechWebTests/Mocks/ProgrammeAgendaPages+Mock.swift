import CTTechCore

@testable import CTTechWeb

/// Issue 13: the fictional programme's knowledge products, the regional workshop's agenda, and a follow-up visit to
/// Valdoria that links its capability baseline and follow-up.
extension Valdoria {
    static let handbook = KnowledgeProduct(
        id: id(1501), title: "Handbook on new technologies " + markup, kind: .handbook, languages: ["en", "ar", "ru"], year: 2023,
        audience: "Law enforcement", topics: ["T08", "T09"], link: "https://example.org/handbook", summary: "Fictional summary.")
    static let guide = KnowledgeProduct(
        id: id(1502), title: "Reference guide on crypto-assets", kind: .referenceGuide, languages: ["fr"], year: 2024, audience: "", topics: [],
        link: "", summary: "")

    static let agendaSessions = [
        AgendaSession(
            id: id(1511), eventID: regionalEvent.id, day: date("2026-03-10"), starts: "09:30", title: "Presenting the handbook " + markup,
            presenter: "UNOCT/UNCCT", productIDs: [handbook.id, guide.id], steps: [3, 4]),
        AgendaSession(
            id: id(1512), eventID: regionalEvent.id, day: date("2026-03-11"), starts: "", title: "States share their approaches", presenter: "",
            productIDs: [], steps: []),
    ]

    static let followUpVisit = ProgrammeEvent(
        id: id(1520), kind: .followUpVisit, title: "Follow-up visit — Valdoria", stateIDs: [state.id], start: date("2026-09-01"),
        end: date("2026-09-01"), city: "Valdor")

    static func resolved(
        _ kind: EventLink.Kind, _ target: String, _ role: EventLink.Role, _ title: String, event: String
    ) -> EventAgendaModel.Resolved {
        EventAgendaModel.Resolved(
            link: EventLink(eventID: event, stateID: state.id, kind: kind, targetID: target, role: role), title: title,
            href: SiteURL.capabilityAssessment(state.id, capability: target).path)
    }
}

extension EventAgendaModel {
    /// The regional workshop for its officer: two sessions, the assessment run there, the forms.
    static let workshop = EventAgendaModel.make(
        event: Valdoria.regionalEvent, sessions: Valdoria.agendaSessions, products: [Valdoria.guide, Valdoria.handbook],
        linked: [
            EventAgendaModel.Resolved(
                link: EventLink(
                    eventID: Valdoria.regionalEvent.id, stateID: Valdoria.state.id, kind: .assessment, targetID: Valdoria.assessment.id, role: .run),
                title: Valdoria.assessment.title, href: SiteURL.assessment(Valdoria.state.id, Valdoria.assessment.id).path)
        ],
        linkable: [
            EventAgendaModel.Resolved(
                link: EventLink(eventID: "", stateID: Valdoria.state.id, kind: .assessment, targetID: Valdoria.assessment.id, role: .run),
                title: Valdoria.assessment.title, href: SiteURL.assessment(Valdoria.state.id, Valdoria.assessment.id).path)
        ], names: [Valdoria.state.id: Valdoria.state.name, Valdoria.arvenna.id: Valdoria.arvenna.name], canManage: true, csrf: Valdoria.csrf,
        Valdoria.layout("x", identity: Valdoria.programmeOfficer, path: "/").localizer)

    /// The follow-up visit: baseline and follow-up capability assessments, and the comparison they open.
    static let visit = EventAgendaModel.make(
        event: Valdoria.followUpVisit, sessions: [], products: [],
        linked: [
            Valdoria.resolved(.capability, Valdoria.id(1531), .baseline, "Baseline 2025", event: Valdoria.followUpVisit.id),
            Valdoria.resolved(.capability, Valdoria.id(1532), .followUp, "Validated 2026", event: Valdoria.followUpVisit.id),
        ], linkable: nil, names: [Valdoria.state.id: Valdoria.state.name], canManage: false, csrf: Valdoria.csrf,
        Valdoria.layout("x", identity: Valdoria.focalPoint, path: "/").localizer)
}

extension ProgrammeEventPage {
    static let withAgenda = ProgrammeEventPage.make(
        layout: Valdoria.layout(
            Valdoria.regionalEvent.title, identity: Valdoria.programmeOfficer, path: SiteURL.programmeEvent(Valdoria.regionalEvent.id).path),
        event: Valdoria.regionalEvent, registrations: [], personal: nil, states: [Valdoria.state, Valdoria.arvenna], minimum: 5, canManage: true,
        csrf: Valdoria.csrf, today: Valdoria.date("2026-09-01"), agenda: .workshop)

    static let visit = ProgrammeEventPage.make(
        layout: Valdoria.layout(
            Valdoria.followUpVisit.title, identity: Valdoria.focalPoint, path: SiteURL.programmeEvent(Valdoria.followUpVisit.id).path),
        event: Valdoria.followUpVisit, registrations: [], personal: nil, states: [Valdoria.state], minimum: 5, canManage: false,
        csrf: Valdoria.csrf, today: Valdoria.date("2026-09-01"), agenda: .visit)
}

extension ProgrammeProductsPage {
    static let refused = ProgrammeProductsPage.make(
        layout: Valdoria.layout("Knowledge products", identity: Valdoria.programmeOfficer, path: SiteURL.programmeProducts.path),
        products: [Valdoria.guide, Valdoria.handbook], technologies: Valdoria.technologies, canManage: true, csrf: Valdoria.csrf,
        submitted: ["title": "Guide " + Valdoria.markup, "kind": "handbook", "year": "1999", "link": "ftp://x"],
        failure: Valdoria.refusal {
            try KnowledgeProductDraft(fields: ["title": "Guide", "kind": "handbook", "year": "1999", "link": "ftp://x"]).validated(
                id: "x", technologies: Set(Valdoria.technologies.keys))
        })
}

extension ProgrammeProductPage {
    static let mock = ProgrammeProductPage.make(
        layout: Valdoria.layout(Valdoria.handbook.title, identity: Valdoria.focalPoint, path: SiteURL.programmeProduct(Valdoria.handbook.id).path),
        product: Valdoria.handbook, technologies: Valdoria.technologies, presentations: [Valdoria.agendaSessions[0]],
        events: [Valdoria.regionalEvent])
}

extension ProgrammeTimelinePage {
    static let mock = ProgrammeTimelinePage.make(
        layout: Valdoria.layout("Programme timeline", identity: Valdoria.focalPoint, path: SiteURL.programmeTimeline(Valdoria.state.id).path),
        state: Valdoria.state, events: [Valdoria.regionalEvent, Valdoria.nationalEvent], requests: Valdoria.programmeRequests,
        recommendations: [Valdoria.recommendation], today: Valdoria.date("2026-09-01"))
}
