import CTTechCore

/// The programme's dashboards (issue 13): participants counted three ways (unique persons, registrations, person-days),
/// the share of women by year against the 30 % target, participants by state and by event split by sex, events by kind,
/// year and region, the requests pipeline and the action items by status. Every count of people under the smallest
/// group published is suppressed, with complementary suppression, so nothing hidden can be worked out from the totals.
///
/// Each breakdown of people is published once, for the whole programme: a breakdown per year beside one for all years
/// would let a reader subtract one from the other and recover what either hides. Aggregates only: donors read this page
/// and nothing else of the programme.
public struct ProgrammeDashboardPage: WebPage {
    public static let template = "programme-dashboard"

    struct KindRow: Sendable, TemplateModel {
        let kind: String
        let count: String
    }

    struct YearRow: Sendable, TemplateModel {
        let kind: String
        let counts: [String]
        let total: String
    }

    struct YearLink: Sendable, TemplateModel {
        let label: String
        let href: String
        let current: Bool
    }

    struct ShareRow: Sendable, TemplateModel {
        let label: String
        let women: String
        let declared: String
        let share: String
        let verdict: String
    }

    public let layout: LayoutModel
    let backHref: String?
    let totals: String
    let shareRows: [ShareRow]
    let chartSVG: String
    let byYear: ProgrammeTableModel
    let byState: ProgrammeTableModel
    let byEvent: ProgrammeTableModel
    let years: [String]
    let eventYears: [YearLink]
    let kinds: [YearRow]
    let regions: [KindRow]
    let pipeline: [KindRow]
    let actions: [KindRow]
    let minimum: String
    let target: String

    public static let womenTarget = 0.30

    public static func make(
        layout: LayoutModel, figures: ProgrammeFigures, events: [ProgrammeEvent], counts: ProgrammeEventCounts, states: [PartnerState],
        minimum: Int, canSeeEvents: Bool,
        requests: [AssistanceRequest] = [], recommendations: [Recommendation] = [], eventsOf: Int? = nil
    ) -> ProgrammeDashboardPage {
        let t = layout.localizer
        let names = Dictionary(states.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let stateTable = PublishedTable.byState(figures, names: names, minimum: minimum)
        // The events of one year (the latest by default), each row protected on its own and no column totals: rows can be
        // chosen freely, and a programme of 2,000 events is not one table to protect at once.
        let eventYears = counts.years
        let shownYear = eventsOf.flatMap { eventYears.contains($0) ? $0 : nil } ?? eventYears.last
        let ordered = events.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.filter { figures.byEvent[$0.id] != nil && $0.start.year == shownYear }
        let yearTable = PublishedTable.byYear(figures, minimum: minimum)
        let eventTable = PublishedTable.byEvent(figures.byEvent, events: ordered, minimum: minimum)
        // The share of women is taken only from published counts: the women's cell over the row's published total minus
        // its published "not declared" cell.
        func share(women: Int?, total: Int?, undeclared: Int?) -> Double? {
            guard let women, let total, let undeclared, total - undeclared > 0 else { return nil }
            return Double(women) / Double(total - undeclared)
        }
        func row(_ label: String, women: Int?, total: Int?, undeclared: Int?) -> (ShareRow, ProgrammeChart.Bar) {
            let value = share(women: women, total: total, undeclared: undeclared)
            let declared = total.flatMap { total in undeclared.map { total - $0 } }
            let verdict =
                (total ?? 1) == 0
                ? t("programme.dashboard.no-data")
                : value.map { t($0 >= womenTarget ? "programme.dashboard.met" : "programme.dashboard.not-met") } ?? "◆"
            return (
                ShareRow(
                    label: label, women: ProgrammeWords.count(women, t), declared: ProgrammeWords.count(declared, t),
                    share: value.map { t.percent($0) } ?? ((total ?? 1) == 0 ? "—" : "◆"), verdict: verdict),
                ProgrammeChart.Bar(label: label, share: value)
            )
        }
        var shares = yearTable.rows.map { year in row(year.label, women: year.cells[0], total: year.total, undeclared: year.cells[3]) }
        if yearTable.rows.count > 1, let totals = yearTable.columnTotals {
            shares.append(row(t("programme.all-years"), women: totals[0], total: yearTable.total, undeclared: totals[3]))
        }
        return ProgrammeDashboardPage(
            layout: layout, backHref: canSeeEvents ? SiteURL.programme().path : nil,
            totals: t(
                "programme.dashboard.totals",
                [
                    "persons": ProgrammeWords.count(stateTable.total, t),
                    "registrations": ProgrammeWords.small(figures.registrations, minimum: minimum, t),
                    "days": ProgrammeWords.small(figures.personDays, minimum: minimum, t),
                ]),
            shareRows: shares.map(\.0),
            chartSVG: ProgrammeChart.womenShare(shares.map(\.1), target: womenTarget, localizer: t),
            byYear: ProgrammeTableModel(
                yearTable, heading: t("programme.field.period"), caption: t("programme.dashboard.by-year"),
                csv: .programmeFiguresCSV(.participantsByYear),
                t),
            byState: ProgrammeTableModel(
                stateTable, heading: t("programme.field.state"), caption: t("programme.dashboard.by-state"),
                csv: .programmeFiguresCSV(.participantsByState), t),
            byEvent: ProgrammeTableModel(
                eventTable, heading: t("programme.field.event"),
                caption: t("programme.dashboard.by-event", ["year": shownYear.map(String.init) ?? "—"]),
                labels: Dictionary(
                    ordered.map { ($0.id, $0.title + " (" + ProgrammeWords.dates($0) + ")") }, uniquingKeysWith: { first, _ in first }),
                links: canSeeEvents
                    ? Dictionary(ordered.map { ($0.id, SiteURL.programmeEvent($0.id).path) }, uniquingKeysWith: { first, _ in first }) : [:],
                csv: .programmeFiguresCSV(.participantsByEvent, year: shownYear),
                t),
            years: eventYears.map(String.init),
            eventYears: eventYears.map {
                YearLink(label: String($0), href: SiteURL.programmeDashboard(eventsOf: $0).path + "#by-event", current: $0 == shownYear)
            },
            kinds: ProgrammeEvent.Kind.allCases.map { kind in
                let counts = eventYears.map { counts.byKindYear[kind.rawValue]?[$0] ?? 0 }
                return YearRow(
                    kind: ProgrammeWords.kind(kind, t), counts: counts.map { t.grouped(Int64($0)) }, total: t.grouped(Int64(counts.reduce(0, +))))
            },
            regions: Region.allCases.compactMap { region in
                // An event counts once in every region one of its states belongs to.
                counts.byRegion[region.rawValue].map { KindRow(kind: t("region.\(region.rawValue)"), count: t.grouped(Int64($0))) }
            },
            pipeline: AssistanceRequest.Status.allCases.map { status in
                KindRow(
                    kind: t("programme.request.status." + status.rawValue), count: t.grouped(Int64(requests.filter { $0.status == status }.count)))
            },
            actions: ActionItem.Status.allCases.map { status in
                KindRow(
                    kind: t("programme.follow-up.status." + status.rawValue),
                    count: t.grouped(Int64(recommendations.flatMap(\.items).filter { $0.status == status }.count)))
            }, minimum: String(minimum), target: t.percent(womenTarget))
    }
}
