import CTTechCore

/// The programme calendar (issue 13): the events of the states the viewer is granted, latest first, by year; links to
/// the dashboards and, for programme officers, to a new event.
public struct ProgrammePage: WebPage {
    public static let template = "programme"
    /// Up to this many events the calendar offers every year at once; a larger programme is shown a year at a time.
    public static let allYearsUpTo = 300

    struct Event: Sendable, TemplateModel {
        let dates: String
        let month: String
        let kind: String
        let title: String
        let href: String
        let city: String
        let states: String
    }

    struct Year: Sendable, TemplateModel {
        let label: String
        let href: String
        let current: Bool
    }

    public let layout: LayoutModel
    let events: [Event]
    let years: [Year]
    let newHref: String?
    let dashboardHref: String?
    let requestsHref = SiteURL.programmeRequests.path
    let followUpsHref = SiteURL.programmeFollowUps.path
    let csvHref = SiteURL.programmeRecordsCSV(.events).path
    let productsHref = SiteURL.programmeProducts.path
    let duplicatesHref: String?
    let summary: String
    /// Each state in the reader's scope, with its programme timeline.
    let timelines: [EventAgendaModel.Comparison]

    public static func make(
        layout: LayoutModel, events: [ProgrammeEvent], allYears: [Int], year: Int?, offersAllYears: Bool = true, states: [PartnerState],
        canManage: Bool, canSeeFigures: Bool
    ) -> ProgrammePage {
        let t = layout.localizer
        let names = Dictionary(states.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var years = offersAllYears ? [Year(label: t("programme.all-years"), href: SiteURL.programme().path, current: year == nil)] : []
        years += allYears.sorted(by: >).map { Year(label: String($0), href: SiteURL.programme(year: $0).path, current: $0 == year) }
        return ProgrammePage(
            layout: layout,
            events: events.map { event in
                Event(
                    dates: ProgrammeWords.dates(event), month: t("programme.month." + String(event.start.month)) + " " + String(event.start.year),
                    kind: ProgrammeWords.kind(event.kind, t), title: event.title, href: SiteURL.programmeEvent(event.id).path, city: event.city,
                    states: event.stateIDs.compactMap { names[$0] }.sorted().joined(separator: ", "))
            }, years: years, newHref: canManage ? SiteURL.programmeEventNew.path : nil,
            dashboardHref: canSeeFigures ? SiteURL.programmeDashboard().path : nil,
            duplicatesHref: canManage ? SiteURL.programmeDuplicates.path : nil, summary: t("programme.events-count", count: events.count),
            timelines: states.sorted { $0.name < $1.name }.map {
                EventAgendaModel.Comparison(label: $0.name, href: SiteURL.programmeTimeline($0.id).path)
            })
    }
}
