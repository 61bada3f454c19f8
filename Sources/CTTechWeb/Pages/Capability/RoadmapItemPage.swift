import CTTechCore
import Foundation

/// Step 8: one roadmap item — what it is, the gap it closes or the technology it adopts, its prerequisites and the items
/// waiting on it, its milestones, the readiness profile of an adoption (a profile, never one number), the moves from its
/// status, and its human-rights and gender reviews (through the reusable review component; for an adoption H06, H09,
/// H12 and H13 are mandatory besides the method's).
public struct RoadmapItemPage: WebPage {
    public static let template = "roadmap-item"

    struct Fact: Sendable, TemplateModel {
        let label: String
        let value: String
    }

    struct Link: Sendable, TemplateModel {
        let href: String
        let label: String
        let status: String
    }

    struct MilestoneLine: Sendable, TemplateModel {
        let id: String
        let name: String
        let title: String
        let due: String
        let done: Bool
        let overdue: Bool
    }

    struct ReadinessLine: Sendable, TemplateModel {
        let name: String
        let description: String
        let rating: String
        let ratingClass: String
        let width: Int
    }

    struct Move: Sendable, TemplateModel {
        let action: String
        let target: String
        let label: String
        let primary: Bool
    }

    /// Which of the page's forms was refused.
    public enum Refused: Sendable {
        case review(ReviewKind, [String: String], ValidationFailure)
        case rule(Message)
    }

    public let layout: LayoutModel
    let title: String
    let backHref: String
    let status: String
    let statusClass: String
    let editHref: String?
    let facts: [Fact]
    let description: String?
    let prerequisites: [Link]
    let dependants: [Link]
    let milestones: [MilestoneLine]
    let milestoneAction: String?
    let isAdoption: Bool
    let readiness: [ReadinessLine]
    let moves: [Move]
    let refusal: String?
    let csrf: String
    let version: Int
    let panels: [ReviewPanel]
    let gate: String?

    public static func make(
        layout: LayoutModel, stateID: String, item: RoadmapItem, items: [RoadmapItem], framework: CapabilityFramework, method: MethodVersion,
        agencies: [Agency], checklists: [ReviewChecklist], actorID: String, canPlan: Bool, canApprove: Bool, canReview: Bool,
        today: CalendarDate, csrf: String, refused: Refused? = nil
    ) -> RoadmapItemPage {
        let t = layout.localizer
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let agencyNames = Dictionary(agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var facts = [Fact(label: t("roadmap.field.kind"), value: CapabilityWords.itemKind(item.kind, t))]
        if let area = item.area { facts.append(Fact(label: t("capability.field.area"), value: CapabilityWords.area(area, framework: framework, t))) }
        if let enabler = item.enabler {
            facts.append(Fact(label: t("capability.field.enabler"), value: CapabilityWords.enabler(enabler, framework: framework, t)))
        }
        if let stage = item.toStage {
            facts.append(Fact(label: t("roadmap.field.to-stage"), value: CapabilityWords.stage(stage, framework: framework, t)))
        }
        if let technology = item.technology {
            let name = method.names(.technologies, in: t.language)[technology] ?? ""
            facts.append(Fact(label: t("roadmap.field.technology"), value: technology + " " + name))
        }
        facts.append(Fact(label: t("roadmap.field.horizon"), value: CapabilityWords.horizon(item.horizon, t)))
        facts.append(
            Fact(
                label: t("roadmap.field.when"),
                value: item.timeframe.map { $0.start.description + " – " + $0.end.description }
                    ?? t("roadmap.undated", ["days": String(item.durationDays)])))
        facts.append(Fact(label: t("roadmap.field.owner"), value: item.ownerAgencyID.flatMap { agencyNames[$0] } ?? "—"))
        facts.append(Fact(label: t("policy.column.cost"), value: PolicyWords.cost(item.cost, t)))
        facts.append(Fact(label: t("roadmap.field.funding"), value: CapabilityWords.funding(item.funding, t)))
        facts.append(Fact(label: t("policy.field.version"), value: String(item.version)))
        let link = { (other: RoadmapItem) in
            Link(href: SiteURL.roadmapItem(stateID, item: other.id).path, label: other.title, status: CapabilityWords.status(other.status, t))
        }
        let milestones = item.milestones.enumerated().map { index, m in
            MilestoneLine(
                id: "ms-\(index)", name: "done.\(index)", title: m.title, due: m.due.description, done: m.done, overdue: !m.done && m.due < today)
        }
        let readiness = framework.readiness.map { d -> ReadinessLine in
            let rating = item.readiness[d.code]
            let width = rating.map { ReadinessRating.allCases.firstIndex(of: $0).map { ($0 + 1) * 40 } ?? 0 } ?? 0
            return ReadinessLine(
                name: d.name(in: t.language), description: d.description(in: t.language), rating: CapabilityWords.readiness(rating, t),
                ratingClass: "ready-" + (rating?.rawValue ?? "none"), width: width)
        }
        var moves: [Move] = []
        if canPlan || canApprove {
            for target in item.status.next {
                if target == .approved && !canApprove { continue }
                if target != .approved && !canPlan { continue }
                let action =
                    target == .approved ? SiteURL.roadmapApprove(stateID, item: item.id).path : SiteURL.roadmapStatus(stateID, item: item.id).path
                moves.append(
                    Move(
                        action: action, target: target.rawValue, label: t("roadmap.move." + target.rawValue),
                        primary: target != .dropped && target != .proposed))
            }
        }
        var reviewRefusal: (ReviewKind, [String: String], ValidationFailure)?
        var refusal: String?
        switch refused {
        case .review(let kind, let fields, let failure): reviewRefusal = (kind, fields, failure)
        case .rule(let message): refusal = t(message)
        case nil: break
        }
        let own = actorID == item.createdBy || actorID == item.updatedBy
        let reviewable = item.status.isEditable
        let panels = checklists.map { list in
            ReviewPanel(
                list, t: t, action: canReview && !own && reviewable ? SiteURL.roadmapReview(stateID, item: item.id, list.kind).path : nil,
                version: item.version, csrf: csrf, refused: reviewRefusal.flatMap { $0.0 == list.kind ? ($0.1, $0.2) : nil },
                ownResponse: canReview && own, gating: item.kind == .adoption)
        }
        let blocking = checklists.flatMap(\.blocking)
        var gate: String?
        if item.kind == .adoption && (item.status == .proposed || item.status == .underReview) {
            gate =
                blocking.isEmpty
                ? t("roadmap.gate.clear") : t("roadmap.gate.blocked", count: blocking.count, ["checks": blocking.joined(separator: ", ")])
        }
        return RoadmapItemPage(
            layout: layout, title: item.title, backHref: SiteURL.roadmap(stateID).path, status: CapabilityWords.status(item.status, t),
            statusClass: "status-" + item.status.rawValue,
            editHref: canPlan && item.status.isEditable ? SiteURL.roadmapItemEdit(stateID, item: item.id).path : nil, facts: facts,
            description: item.description.isEmpty ? nil : item.description, prerequisites: item.prerequisites.compactMap { byID[$0] }.map(link),
            dependants: items.filter { $0.prerequisites.contains(item.id) }.map(link), milestones: milestones,
            milestoneAction: canPlan && item.status != .done && item.status != .dropped && !item.milestones.isEmpty
                ? SiteURL.roadmapMilestones(stateID, item: item.id).path : nil, isAdoption: item.kind == .adoption, readiness: readiness,
            moves: moves, refusal: refusal, csrf: csrf, version: item.version, panels: panels, gate: gate)
    }
}
