import CTTechCore

/// Requests for assistance (issue 13): the pipeline received → triaged → planned → delivered (or declined), how long
/// each open request has waited, and, for programme officers, the forms that record a request and move one on.
public struct ProgrammeRequestsPage: WebPage {
    public static let template = "programme-requests"

    struct Stage: Sendable, TemplateModel {
        let label: String
        let count: String
        let ageing: String
    }

    struct Move: Sendable, TemplateModel {
        let action: String
        let targets: [Choice]
        let events: [Choice]
        let id: String
    }

    struct Row: Sendable, TemplateModel {
        /// The row's fragment (`request-<id>`), where a state's timeline points.
        let anchor: String
        let state: String
        let received: String
        let age: String
        let old: Bool
        let askedBy: String
        let topics: String
        let summary: String
        let event: String
        let answeredBy: String
        let status: String
        let statusClass: String
        let reason: String
        let move: Move?
    }

    public let layout: LayoutModel
    let backHref: String
    let csvHref = SiteURL.programmeRecordsCSV(.requests).path
    let stages: [Stage]
    let rows: [Row]
    let canManage: Bool
    let action: String
    let csrf: String
    let errors: FormErrors
    let values: [String: String]
    let states: [Choice]
    let events: [Choice]
    let topics: [Checkbox]
    let stateError: String?
    let askedByError: String?
    let eventError: String?
    let topicsError: String?
    let summaryError: String?
    let receivedError: String?
    let moveError: String?

    /// The most recent events offered in the form (a large programme has thousands).
    public static let offeredEvents = 200

    /// Requests waiting longer than this are marked.
    public static let oldAfterDays = 90

    static let fields = [
        FormField("state", "programme.field.state", id: "r-state"), FormField("askedBy", "programme.request.asked-by", id: "r-asked"),
        FormField("event", "programme.field.event", id: "r-event"), FormField("topics", "programme.request.topics", id: "r-topics"),
        FormField("summary", "programme.request.summary", id: "r-summary"), FormField("receivedOn", "programme.request.received", id: "r-received"),
    ]

    public static func make(
        layout: LayoutModel, requests: [AssistanceRequest], events: [ProgrammeEvent], states: [PartnerState], technologies: [String: String],
        today: CalendarDate, canManage: Bool, csrf: String, submitted: [String: String]? = nil, failure: ValidationFailure? = nil,
        moveFailure: (id: String, failure: ValidationFailure)? = nil, managed: Set<String>? = nil
    ) -> ProgrammeRequestsPage {
        // The states whose requests the officer may record and move (all those listed unless said).
        let managed = managed ?? Set(states.map(\.id))
        let t = layout.localizer
        let names = Dictionary(states.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let titles = Dictionary(events.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let order = AssistanceRequest.Status.allCases
        let stages = order.map { status in
            let here = requests.filter { $0.status == status }
            let ages = here.map { $0.age(on: today) }.sorted()
            let ageing =
                status.isClosed || ages.isEmpty
                ? "" : t("programme.request.ageing", ["median": String(ages[ages.count / 2]), "oldest": String(ages.last ?? 0)])
            return Stage(label: t("programme.request.status." + status.rawValue), count: t.grouped(Int64(here.count)), ageing: ageing)
        }
        let sorted = requests.sorted {
            (order.firstIndex(of: $0.status) ?? 0, $1.receivedOn, $0.id) < (order.firstIndex(of: $1.status) ?? 0, $0.receivedOn, $1.id)
        }
        let values = submitted ?? ["receivedOn": today.description]
        let errors = FormErrors(t, failure, fields: fields)
        return ProgrammeRequestsPage(
            layout: layout, backHref: SiteURL.programme().path, stages: stages,
            rows: sorted.map { request in
                let age = request.age(on: today)
                return Row(
                    anchor: ProgrammeRequestsPage.anchor(request.id), state: names[request.stateID] ?? "—", received: request.receivedOn.description,
                    age: t("programme.request.days", count: age),
                    old: !request.status.isClosed && age > oldAfterDays, askedBy: request.askedBy,
                    topics: request.topics.map { code in technologies[code].map { code + " " + $0 } ?? code }.joined(separator: "; "),
                    summary: request.summary, event: request.eventID.flatMap { titles[$0] } ?? "—",
                    answeredBy: request.answeredBy.compactMap { titles[$0] }.joined(separator: "; "),
                    status: t("programme.request.status." + request.status.rawValue), statusClass: "status-" + request.status.rawValue,
                    reason: request.declineReason,
                    move: canManage && !request.status.isClosed && managed.contains(request.stateID)
                        ? Move(
                            action: SiteURL.programmeRequestStatus(request.id).path,
                            targets: request.status.next.map {
                                Choice(value: $0.rawValue, label: t("programme.request.status." + $0.rawValue), selected: false)
                            },
                            events: [Choice(value: "", label: t("programme.request.no-event"), selected: true)]
                                + events.filter { $0.stateIDs.contains(request.stateID) }.sorted { $0.start > $1.start }.prefix(offeredEvents).map {
                                    Choice(value: $0.id, label: $0.title + " (" + ProgrammeWords.dates($0) + ")", selected: false)
                                },
                            id: request.id) : nil)
            }, canManage: canManage, action: SiteURL.programmeRequests.path, csrf: csrf, errors: errors, values: values,
            states: [Choice(value: "", label: t("policy.choose"), selected: (values["state"] ?? "").isEmpty)]
                + states.filter { managed.contains($0.id) }.map { Choice(value: $0.id, label: $0.name, selected: values["state"] == $0.id) },
            events: [Choice(value: "", label: t("programme.request.no-event"), selected: (values["event"] ?? "").isEmpty)]
                + events.sorted { $0.start > $1.start }.prefix(offeredEvents).map {
                    Choice(value: $0.id, label: $0.title + " (" + ProgrammeWords.dates($0) + ")", selected: values["event"] == $0.id)
                },
            topics: technologies.keys.sorted().map { code in
                Checkbox(
                    id: "r-topic-" + code, name: "topic." + code, label: code + " " + (technologies[code] ?? ""),
                    checked: values["topic." + code] == "on")
            }, stateError: errors.message("state"), askedByError: errors.message("askedBy"), eventError: errors.message("event"),
            topicsError: errors.message("topics"), summaryError: errors.message("summary"), receivedError: errors.message("receivedOn"),
            moveError: moveFailure.map { failure in failure.failure.issues.map { $0.text(t) }.joined(separator: "; ") })
    }

    /// The fragment of a request's row.
    static func anchor(_ id: String) -> String { "request-" + id }
}
