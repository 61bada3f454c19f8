import CTTechCore

/// Recommendations of workshops and follow-up visits (issue 13), each with its action items — owner agency, due date,
/// status, evidence of completion — overdue items marked; programme officers record progress as a visit reviews them
/// and add new recommendations.
public struct ProgrammeFollowUpsPage: WebPage {
    public static let template = "programme-follow-ups"

    struct Item: Sendable, TemplateModel {
        let id: String
        let action: String
        let owner: String
        let due: String
        let status: String
        let statusClass: String
        let overdue: Bool
        let evidence: String
        let record: String?
        let statuses: [Choice]
    }

    struct Entry: Sendable, TemplateModel {
        let text: String
        let state: String
        let event: String
        let eventHref: String?
        let madeOn: String
        let standing: String
        let standingClass: String
        let items: [Item]
    }

    struct Count: Sendable, TemplateModel {
        let label: String
        let count: String
    }

    struct Row: Sendable, TemplateModel {
        let n: Int
        let action: String
        let owner: String
        let due: String
    }

    public let layout: LayoutModel
    let backHref: String
    let csvHref = SiteURL.programmeRecordsCSV(.actionItems).path
    let entries: [Entry]
    let counts: [Count]
    let overdue: String
    let canManage: Bool
    let csrf: String
    let action: String
    let errors: FormErrors
    let values: [String: String]
    let states: [Choice]
    let events: [Choice]
    let rows: [Row]
    let itemError: String?

    static let fields = [
        FormField("state", "programme.field.state", id: "f-state"), FormField("event", "programme.field.event", id: "f-event"),
        FormField("text", "programme.follow-up.text", id: "f-text"), FormField("madeOn", "programme.follow-up.made-on", id: "f-made"),
    ]

    public static func make(
        layout: LayoutModel, recommendations: [Recommendation], events: [ProgrammeEvent], states: [PartnerState], today: CalendarDate,
        canManage: Bool, csrf: String, submitted: [String: String]? = nil, failure: ValidationFailure? = nil, managed: Set<String>? = nil
    ) -> ProgrammeFollowUpsPage {
        // The states whose recommendations the officer may record and update (all those listed unless said).
        let managed = managed ?? Set(states.map(\.id))
        let t = layout.localizer
        let names = Dictionary(states.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let byID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = recommendations.flatMap(\.items)
        let values = submitted ?? ["madeOn": today.description]
        let errors = FormErrors(t, failure, fields: fields)
        let itemIssues = (failure?.issues ?? []).filter { $0.field.hasPrefix("item.") }
        return ProgrammeFollowUpsPage(
            layout: layout, backHref: SiteURL.programme().path,
            entries: recommendations.map { recommendation in
                let standing = recommendation.standing(on: today)
                let event = byID[recommendation.eventID]
                return Entry(
                    text: recommendation.text, state: names[recommendation.stateID] ?? "—",
                    event: event.map { $0.title + " (" + ProgrammeWords.dates($0) + ")" } ?? "—",
                    eventHref: event.map { SiteURL.programmeEvent($0.id).path }, madeOn: recommendation.madeOn.description,
                    standing: t("programme.follow-up.standing." + standing.rawValue), standingClass: "status-" + standing.rawValue,
                    items: recommendation.items.map { item in
                        Item(
                            id: item.id, action: item.action, owner: item.ownerAgency, due: item.due.description,
                            status: t("programme.follow-up.status." + item.status.rawValue), statusClass: "status-" + item.status.rawValue,
                            overdue: item.isOverdue(on: today), evidence: item.evidence,
                            record: canManage && managed.contains(recommendation.stateID) ? SiteURL.programmeActionItem(item.id).path : nil,
                            statuses: ActionItem.Status.allCases.map {
                                Choice(value: $0.rawValue, label: t("programme.follow-up.status." + $0.rawValue), selected: $0 == item.status)
                            })
                    })
            },
            counts: ActionItem.Status.allCases.map { status in
                Count(label: t("programme.follow-up.status." + status.rawValue), count: t.grouped(Int64(items.filter { $0.status == status }.count)))
            }, overdue: t("programme.follow-up.overdue-count", count: items.filter { $0.isOverdue(on: today) }.count), canManage: canManage,
            csrf: csrf, action: SiteURL.programmeFollowUps.path, errors: errors, values: values,
            states: [Choice(value: "", label: t("policy.choose"), selected: (values["state"] ?? "").isEmpty)]
                + states.filter { managed.contains($0.id) }.map { Choice(value: $0.id, label: $0.name, selected: values["state"] == $0.id) },
            events: [Choice(value: "", label: t("policy.choose"), selected: (values["event"] ?? "").isEmpty)]
                + events.filter { $0.kind != .training }.sorted { $0.start > $1.start }.prefix(ProgrammeRequestsPage.offeredEvents).map {
                    Choice(value: $0.id, label: $0.title + " (" + ProgrammeWords.dates($0) + ")", selected: values["event"] == $0.id)
                },
            rows: (1...RecommendationDraft.itemRows).map { n in
                Row(n: n, action: values["item.\(n).action"] ?? "", owner: values["item.\(n).owner"] ?? "", due: values["item.\(n).due"] ?? "")
            },
            itemError: itemIssues.isEmpty ? nil : itemIssues.map { FormErrors.label(fromCode: $0.field) + ": " + $0.text(t) }.joined(separator: "; "))
    }
}
