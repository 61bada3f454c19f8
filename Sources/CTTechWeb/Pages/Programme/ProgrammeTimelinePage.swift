import CTTechCore

/// One partner state's programme timeline (issue 13): its events, its requests for assistance as they were received and
/// answered, the recommendations made to it and the due dates of their action items, latest first.
public struct ProgrammeTimelinePage: WebPage {
    public static let template = "programme-timeline"

    struct Entry: Sendable, TemplateModel {
        let date: String
        let kind: String
        let text: String
        let href: String?
        let detail: String?
        let overdue: Bool
    }

    public let layout: LayoutModel
    let backHref: String
    let state: String
    let entries: [Entry]

    public static func make(
        layout: LayoutModel, state: PartnerState, events: [ProgrammeEvent], requests: [AssistanceRequest], recommendations: [Recommendation],
        today: CalendarDate
    ) -> ProgrammeTimelinePage {
        let t = layout.localizer
        let titles = Dictionary(events.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var dated: [(CalendarDate, Int, Entry)] = []
        for event in events where event.stateIDs.contains(state.id) {
            dated.append(
                (
                    event.start, 0,
                    Entry(
                        date: ProgrammeWords.dates(event), kind: ProgrammeWords.kind(event.kind, t), text: event.title,
                        href: SiteURL.programmeEvent(event.id).path, detail: event.city.nonEmpty, overdue: false)
                ))
        }
        for request in requests where request.stateID == state.id {
            dated.append(
                (
                    request.receivedOn, 1,
                    Entry(
                        date: request.receivedOn.description, kind: t("programme.timeline.request"), text: request.summary,
                        href: SiteURL.programmeRequests.path + "#" + ProgrammeRequestsPage.anchor(request.id),
                        detail: t("programme.request.status." + request.status.rawValue), overdue: false)
                ))
            if request.status.isClosed {
                dated.append(
                    (
                        request.changedOn, 1,
                        Entry(
                            date: request.changedOn.description, kind: t("programme.request.status." + request.status.rawValue),
                            text: request.summary,
                            href: SiteURL.programmeRequests.path + "#" + ProgrammeRequestsPage.anchor(request.id),
                            detail: (request.answeredBy.compactMap { titles[$0] } + [request.declineReason]).filter { !$0.isEmpty }
                                .joined(separator: "; ").nonEmpty, overdue: false)
                    ))
            }
        }
        for recommendation in recommendations where recommendation.stateID == state.id {
            dated.append(
                (
                    recommendation.madeOn, 2,
                    Entry(
                        date: recommendation.madeOn.description, kind: t("programme.timeline.recommendation"), text: recommendation.text,
                        href: titles[recommendation.eventID] == nil ? nil : SiteURL.programmeEvent(recommendation.eventID).path,
                        detail: titles[recommendation.eventID], overdue: false)
                ))
            for item in recommendation.items {
                dated.append(
                    (
                        item.due, 3,
                        Entry(
                            date: item.due.description, kind: t("programme.timeline.due"), text: item.action,
                            href: SiteURL.programmeFollowUps.path + "#item-" + item.id,
                            detail: item.ownerAgency + " · " + t("programme.follow-up.status." + item.status.rawValue),
                            overdue: item.isOverdue(on: today))
                    ))
            }
        }
        return ProgrammeTimelinePage(
            layout: layout, backHref: SiteURL.programme().path, state: state.name,
            entries: dated.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.map(\.2))
    }
}
