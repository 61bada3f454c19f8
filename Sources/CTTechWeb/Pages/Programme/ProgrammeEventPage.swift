import CTTechCore

/// One programme event (issue 13): what, when, where, for which states and by whom; its participants as protected
/// aggregates for everyone who may see the event; for programme officers the pseudonymous registrations with the days
/// attended (names only with the personal-data right) and the participant-list import with every bad line named.
public struct ProgrammeEventPage: WebPage {
    public static let template = "programme-event"

    struct Day: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let checked: Bool
    }

    struct Person: Sendable, TemplateModel {
        let position: Int
        let pseudonym: String
        let name: String?
        let contact: String?
        let purged: Bool
        let state: String
        let sex: String
        let ageBand: String
        let agency: String
        let role: String
        let action: String
        let days: [Day]
        let attended: String
    }

    public let layout: LayoutModel
    let backHref: String
    let title: String
    let kind: String
    let dates: String
    let place: String
    let states: String
    let organisers: String
    let facilitators: String
    let counts: String
    let table: ProgrammeTableModel
    /// The agenda and the linked national work (absent on pages built without them).
    let agenda: EventAgendaModel?
    /// Each of the event's states (in the reader's scope) with its programme timeline.
    let timelines: [EventAgendaModel.Comparison]
    let minimum: String
    let people: [Person]
    let canManage: Bool
    let showsNames: Bool
    let importAction: String
    let importErrors: [String]
    let hasImportErrors: Bool
    let importValues: [String: String]
    let csrf: String
    let columns: String

    public static func make(
        layout: LayoutModel, event: ProgrammeEvent, registrations: [(Registration, ProgrammePerson)], personal: [String: PersonalData]?,
        purged: Set<String> = [],
        states: [PartnerState], minimum: Int, canManage: Bool, csrf: String, today: CalendarDate, importFailure: ValidationFailure? = nil,
        importFields: [String: String]? = nil, managed: ((String) -> Bool)? = nil, agenda: EventAgendaModel? = nil
    ) -> ProgrammeEventPage {
        let t = layout.localizer
        let names = Dictionary(states.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let events = [event.id: event]
        let people = Dictionary(registrations.map { ($0.1.id, $0.1) }, uniquingKeysWith: { first, _ in first })
        let figures = ProgrammeFigures(registrations: registrations.map(\.0), events: events, people: people)
        let table = PublishedTable.byState(figures, names: names, minimum: minimum)
        let days = event.days
        let defaults =
            importFields ?? [
                "consentPurpose": t("programme.import.default-purpose"), "consentMethod": t("programme.import.default-method"),
                "consentDate": event.start.description,
                "retainUntil": CalendarDate("\(event.start.year + 3)-\(event.start.month < 10 ? "0" : "")\(event.start.month)-01")?.description ?? "",
            ]
        return ProgrammeEventPage(
            layout: layout, backHref: SiteURL.programme().path, title: event.title, kind: ProgrammeWords.kind(event.kind, t),
            dates: ProgrammeWords.dates(event), place: [event.venue, event.city].filter { !$0.isEmpty }.joined(separator: ", "),
            states: event.stateIDs.compactMap { names[$0] }.sorted().joined(separator: ", "),
            organisers: event.organisers.isEmpty ? "—" : event.organisers.joined(separator: ", "),
            facilitators: event.facilitators.isEmpty ? "—" : event.facilitators.joined(separator: ", "),
            counts: t(
                "programme.event.counts",
                [
                    "registrations": ProgrammeWords.small(figures.registrations, minimum: minimum, t),
                    "persons": ProgrammeWords.count(table.total, t),
                    "days": ProgrammeWords.small(figures.personDays, minimum: minimum, t),
                ]),
            table: ProgrammeTableModel(table, heading: t("programme.field.state"), caption: t("programme.event.table-caption"), t),
            agenda: agenda,
            timelines: event.stateIDs.compactMap { id in
                names[id].map { EventAgendaModel.Comparison(label: $0, href: SiteURL.programmeTimeline(id).path) }
            }
            .sorted { $0.label < $1.label },
            minimum: String(minimum),
            people: canManage
                ? registrations.filter { managed?($0.1.stateID) ?? true }.enumerated().map { index, pair in
                    let (registration, person) = pair
                    let data = personal?[person.id]
                    return Person(
                        position: index + 1, pseudonym: ProgrammeWords.pseudonym(person.id), name: data?.name, contact: data?.contact,
                        purged: purged.contains(person.id), state: names[person.stateID] ?? "—",
                        sex: person.sex.map { ProgrammeWords.sex($0, t) } ?? "—", ageBand: person.ageBand ?? "—",
                        agency: person.agency.isEmpty ? "—" : person.agency, role: person.role.isEmpty ? "—" : person.role,
                        action: SiteURL.programmeAttendance(event.id, person: person.id).path,
                        days: days.map { day in
                            Day(
                                id: "d-\(index + 1)-\(day)", name: "day.\(day)", label: day.description,
                                checked: registration.attended.contains(day))
                        }, attended: t("programme.event.days-attended", count: registration.attended.intersection(days).count))
                } : [],
            canManage: canManage, showsNames: personal != nil, importAction: SiteURL.programmeImport(event.id).path,
            importErrors: (importFailure?.issues ?? []).prefix(200).map { ProgrammeWords.importProblem($0, t) },
            hasImportErrors: importFailure != nil, importValues: defaults, csrf: csrf,
            columns: ParticipantImport.columns.joined(separator: ", "))
    }
}
