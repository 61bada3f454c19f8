import CTTechCore
import Foundation

/// Step 8: the development roadmap — every item in dependency order with its horizon, dates, owner, cost and funding,
/// the critical path, and the timeline (a Gantt chart with a table beside it).
public struct RoadmapPage: WebPage {
    public static let template = "roadmap"

    struct Row: Sendable, TemplateModel {
        let position: Int
        let title: String
        let href: String
        let kind: String
        let gap: String
        let horizon: String
        let when: String
        let scheduled: Bool
        let early: Bool
        let owner: String
        let cost: String
        let funding: String
        let status: String
        let statusClass: String
        let prerequisites: String
        let critical: Bool
    }

    public let layout: LayoutModel
    let rows: [Row]
    let newHref: String?
    let backHref: String
    let timelineSVG: String
    let critical: String?
    let cycles: [String]
    let counts: String

    public static func make(
        layout: LayoutModel, stateID: String, items: [RoadmapItem], framework: CapabilityFramework, agencies: [Agency], today: CalendarDate,
        canPlan: Bool
    ) -> RoadmapPage {
        let t = layout.localizer
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let agencyNames = Dictionary(agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let outcome = RoadmapGraph(items: items).outcome()
        var order = items.map(\.id)
        var path: [String] = []
        var criticalText: String?
        var cycles: [String] = []
        switch outcome {
        case .ordered(let o, let p, let days):
            order = o
            path = p
            if !p.isEmpty {
                criticalText = t(
                    "roadmap.critical-path",
                    ["items": p.compactMap { byID[$0]?.title }.joined(separator: t("roadmap.then")), "days": t.grouped(Int64(days))])
            }
        case .cycles(let found):
            cycles = found.map { $0.compactMap { byID[$0]?.title }.joined(separator: t("roadmap.then")) }
        }
        let onPath = Set(path)
        let origin = items.compactMap { $0.timeframe?.start }.min().map { min($0, today) } ?? today
        let schedule = RoadmapSchedule(items: items, order: order, origin: origin)
        var bars: [CapabilityChart.Bar] = []
        var rows: [Row] = []
        for (index, id) in order.enumerated() {
            guard let item = byID[id], let slot = schedule.slots[id] else { continue }
            bars.append(
                CapabilityChart.Bar(
                    label: "\(index + 1). " + item.title, start: slot.start, end: slot.end, critical: onPath.contains(id), dated: slot.dated))
            var gap = item.area.map { CapabilityWords.area($0, framework: framework, t) } ?? ""
            if let enabler = item.enabler { gap += (gap.isEmpty ? "" : " · ") + enabler }
            if let stage = item.toStage { gap += " → " + String(stage) }
            if let technology = item.technology { gap += (gap.isEmpty ? "" : " · ") + technology }
            rows.append(
                Row(
                    position: index + 1, title: item.title, href: SiteURL.roadmapItem(stateID, item: item.id).path,
                    kind: CapabilityWords.itemKind(item.kind, t), gap: gap.isEmpty ? "—" : gap, horizon: CapabilityWords.horizon(item.horizon, t),
                    when: slot.start.description + " – " + slot.end.description, scheduled: !slot.dated, early: slot.startsBeforePrerequisite,
                    owner: item.ownerAgencyID.flatMap { agencyNames[$0] } ?? "—", cost: PolicyWords.cost(item.cost, t),
                    funding: CapabilityWords.funding(item.funding, t), status: CapabilityWords.status(item.status, t),
                    statusClass: "status-" + item.status.rawValue,
                    prerequisites: item.prerequisites.compactMap { byID[$0]?.title }.joined(separator: "; "), critical: onPath.contains(id)))
        }
        let open = items.filter { $0.status != .done && $0.status != .dropped }.count
        return RoadmapPage(
            layout: layout, rows: rows, newHref: canPlan ? SiteURL.roadmapNew(stateID).path : nil, backHref: SiteURL.capability(stateID).path,
            timelineSVG: CapabilityChart.timeline(bars, localizer: t), critical: criticalText, cycles: cycles,
            counts: t("capability.roadmap-summary", count: items.count, ["open": String(open)]))
    }
}
