import CTTechCore

/// The programme's dashboards (issue 13): participants counted three ways (unique persons, registrations, person-days),
/// the share of women against the 30 % target, participants by state and by event split by sex, and events by kind —
/// every count of people under the smallest group published suppressed, with complementary suppression, so nothing hidden
/// can be worked out from the totals. Aggregates only: donors read this page and nothing else of the programme.
public struct ProgrammeDashboardPage: WebPage {
    public static let template = "programme-dashboard"

    struct Year: Sendable, TemplateModel {
        let label: String
        let href: String
        let current: Bool
    }

    struct KindRow: Sendable, TemplateModel {
        let kind: String
        let count: String
    }

    struct ShareRow: Sendable, TemplateModel {
        let label: String
        let women: String
        let declared: String
        let share: String
        let meets: Bool
    }

    public let layout: LayoutModel
    let backHref: String?
    let years: [Year]
    let heading: String
    let totals: String
    let shareRows: [ShareRow]
    let chartSVG: String
    let byState: ProgrammeTableModel
    let byEvent: ProgrammeTableModel
    let kinds: [KindRow]
    let minimum: String
    let target: String

    public static let womenTarget = 0.30

    /// `figures`: the year's (or all years') figures; `events`: the events the viewer reaches in the year.
    public static func make(
        layout: LayoutModel, figures: ProgrammeFigures, events: [ProgrammeEvent], states: [PartnerState], allYears: [Int], year: Int?,
        minimum: Int, canSeeEvents: Bool
    ) -> ProgrammeDashboardPage {
        let t = layout.localizer
        let names = Dictionary(states.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var years = [Year(label: t("programme.all-years"), href: SiteURL.programmeDashboard().path, current: year == nil)]
        years += allYears.sorted(by: >).map { Year(label: String($0), href: SiteURL.programmeDashboard(year: $0).path, current: $0 == year) }
        let stateRows = figures.byState.keys.sorted { (names[$0] ?? $0) < (names[$1] ?? $1) }
        let stateTable = ProgrammeFigures.table(figures.byState, rows: stateRows, minimum: minimum)
        let ordered = events.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.filter { figures.byEvent[$0.id] != nil }
        let eventTable = ProgrammeFigures.table(figures.byEvent, rows: ordered.map(\.id), minimum: minimum)
        // The share of women is published only from published counts: the female column total and the declared totals.
        let women = stateTable.columnTotals.first ?? nil
        let undeclared = stateTable.columnTotals.last ?? nil
        var declared: Int?
        if let total = stateTable.total, let undeclared { declared = total - undeclared }
        let share: Double? = {
            guard let women, let declared, declared > 0 else { return nil }
            return Double(women) / Double(declared)
        }()
        let label = year.map(String.init) ?? t("programme.all-years")
        let shareRow = ShareRow(
            label: label, women: ProgrammeWords.count(women, t), declared: ProgrammeWords.count(declared, t),
            share: share.map { t.percent($0) } ?? "◆", meets: (share ?? 0) >= womenTarget)
        var kindCounts: [ProgrammeEvent.Kind: Int] = [:]
        for event in events { kindCounts[event.kind, default: 0] += 1 }
        return ProgrammeDashboardPage(
            layout: layout, backHref: canSeeEvents ? SiteURL.programme(year: year).path : nil, years: years,
            heading: t("programme.dashboard.heading", ["period": label]),
            totals: t(
                "programme.dashboard.totals",
                [
                    "persons": ProgrammeWords.count(stateTable.total, t), "registrations": t.grouped(Int64(figures.registrations)),
                    "days": t.grouped(Int64(figures.personDays)),
                ]),
            shareRows: [shareRow],
            chartSVG: ProgrammeChart.womenShare([ProgrammeChart.Bar(label: label, share: share)], target: womenTarget, localizer: t),
            byState: ProgrammeTableModel(
                stateTable, heading: t("programme.field.state"), caption: t("programme.dashboard.by-state"), labels: names, t),
            byEvent: ProgrammeTableModel(
                eventTable, heading: t("programme.field.event"), caption: t("programme.dashboard.by-event"),
                labels: Dictionary(
                    ordered.map { ($0.id, $0.title + " (" + ProgrammeWords.dates($0) + ")") }, uniquingKeysWith: { first, _ in first }),
                links: canSeeEvents
                    ? Dictionary(ordered.map { ($0.id, SiteURL.programmeEvent($0.id).path) }, uniquingKeysWith: { first, _ in first }) : [:],
                t),
            kinds: ProgrammeEvent.Kind.allCases.map { KindRow(kind: ProgrammeWords.kind($0, t), count: t.grouped(Int64(kindCounts[$0] ?? 0))) },
            minimum: String(minimum), target: t.percent(womenTarget))
    }
}
