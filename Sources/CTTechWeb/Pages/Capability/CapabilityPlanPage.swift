import CTTechCore
import Foundation

/// Step 8: targets and the priority areas for development of one assessment — how relevant each area is to the state's
/// prioritised threats (from the register), the targets (set by hand or proposed from the register), and the gaps ranked
/// by priority = gap × threat relevance × feasibility, each with the scenarios that justify it and the way onto the roadmap.
public struct CapabilityPlanPage: WebPage {
    public static let template = "capability-plan"

    struct RelevanceRow: Sendable, TemplateModel {
        let area: String
        let relevance: String
        let proposed: String
        let scenarios: String
    }

    struct AreaRow: Sendable, TemplateModel {
        let rank: Int
        let area: String
        let gaps: String
        let relevance: String
        let priority: String
        let scenarios: String
    }

    struct PriorityRow: Sendable, TemplateModel {
        let rank: Int
        let area: String
        let enabler: String
        let move: String
        let gap: Int
        let relevance: String
        let feasibility: String
        let priority: String
        let source: String
        let roadmapHref: String?
        /// The item that already closes this gap, if one does.
        let onRoadmapHref: String?
    }

    struct TargetSelect: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let current: String
        let options: [Choice]
        let error: String?
    }

    struct AreaForm: Sendable, TemplateModel {
        let id: String
        let heading: String
        let action: String
        let open: Bool
        let selects: [TargetSelect]
        let feasibility: [TargetSelect]
        let errors: FormErrors
    }

    public let layout: LayoutModel
    let heading: String
    let backHref: String
    let registerNote: String
    let hasRelevance: Bool
    let relevanceRows: [RelevanceRow]
    let proposeAction: String?
    let csrf: String
    let version: Int
    let gapsSVG: String
    let areaPriorities: [AreaRow]
    let priorities: [PriorityRow]
    let areaForms: [AreaForm]
    let canPlan: Bool
    let conflict: String?
    let formula: String

    /// - Parameters:
    ///   - relevance: per area, from the register the assessment names (nil without one).
    ///   - refused: the area whose target form was refused, with what was typed and why.
    public static func make(
        layout: LayoutModel, stateID: String, assessment: CapabilityAssessment, framework: CapabilityFramework, grid: MaturityGrid,
        targets: [CapabilityTarget], priorities: [DevelopmentPriority], relevance: [String: AreaRelevance]?, registerTitle: String?,
        canPlan: Bool, csrf: String, refused: (area: String, fields: [String: String], failure: ValidationFailure)? = nil, conflict: String? = nil,
        roadmap: [RoadmapItem] = []
    ) -> CapabilityPlanPage {
        let t = layout.localizer
        let a = assessment
        let relevanceRows = a.areas.compactMap { area -> RelevanceRow? in
            guard let r = relevance?[area] else { return nil }
            return RelevanceRow(
                area: CapabilityWords.area(area, framework: framework, t), relevance: t.percent(r.relevance),
                proposed: r.proposedStage.map { CapabilityWords.stage($0, framework: framework, t) } ?? "—",
                scenarios: r.scenarios.prefix(3).map(\.title).joined(separator: "; "))
        }
        let rows = priorities.filter { $0.gap > 0 }.enumerated().map { index, p in
            PriorityRow(
                rank: index + 1, area: CapabilityWords.area(p.area, framework: framework, t),
                enabler: CapabilityWords.enabler(p.enabler, framework: framework, t), move: "\(p.current) → \(p.target)", gap: p.gap,
                relevance: t.percent(p.relevance), feasibility: t.percent(p.feasibility), priority: t.number(p.priority),
                source: t("capability.target-source." + p.source.rawValue),
                roadmapHref: canPlan
                    ? SiteURL.roadmapNew(stateID, gap: .init(capability: a.id, area: p.area, enabler: p.enabler, stage: p.target)).path : nil,
                // A gap an item already closes links to it rather than offering a second one.
                onRoadmapHref: roadmap.first {
                    $0.area == p.area && $0.enabler == p.enabler && ($0.toStage ?? 0) >= p.target && $0.status != .dropped
                }.map { SiteURL.roadmapItem(stateID, item: $0.id).path })
        }
        let areaRows = AreaPriority.rank(priorities).enumerated().map { index, a in
            AreaRow(
                rank: index + 1, area: CapabilityWords.area(a.area, framework: framework, t),
                gaps: t("capability.plan.area-gaps", count: a.gaps, ["stages": String(a.stages)]), relevance: t.percent(a.relevance),
                priority: t.number(a.priority), scenarios: a.scenarios.prefix(3).map(\.title).joined(separator: "; "))
        }
        let byCell = Dictionary(targets.map { ("\($0.area)|\($0.enabler)", $0) }, uniquingKeysWith: { first, _ in first })
        let forms = a.areas.map { area -> AreaForm in
            let mine = refused?.area == area ? refused : nil
            let prefix = "tg-" + area + "-"
            var fields: [FormField] = [FormField("targets", "capability.plan.targets", id: prefix + "form")]
            for e in framework.enablers { fields.append(FormField("target." + e.code, e.code + " " + e.name(in: t.language), id: prefix + e.code)) }
            for name in ["cost", "prerequisites", "readiness"] {
                fields.append(FormField(name, "capability.feasibility.field." + name, id: prefix + name))
            }
            let errors = FormErrors(t, mine?.failure, fields: fields)
            let areaTargets = framework.enablers.compactMap { byCell["\(area)|\($0.code)"] }
            let feasibility = areaTargets.first?.feasibility ?? Feasibility()
            let selects = framework.enablers.map { e -> TargetSelect in
                let level = grid.level(area, e.code)?.level ?? 0
                let chosen = mine?.fields["target." + e.code] ?? byCell["\(area)|\(e.code)"].map { String($0.stage) } ?? ""
                return TargetSelect(
                    id: prefix + e.code, name: "target." + e.code, label: e.code + " " + e.name(in: t.language),
                    current: t("capability.plan.current", ["level": String(level)]),
                    options: [Choice(value: "", label: t("capability.plan.no-target"), selected: chosen.isEmpty)]
                        + (max(level, 1)...5).map {
                            Choice(value: String($0), label: CapabilityWords.stage($0, framework: framework, t), selected: String($0) == chosen)
                        },
                    error: errors.message("target." + e.code))
            }
            let ratings = [("cost", feasibility.cost), ("prerequisites", feasibility.prerequisites), ("readiness", feasibility.readiness)].map {
                name, value -> TargetSelect in
                let chosen = mine?.fields[name] ?? value.rawValue
                return TargetSelect(
                    id: prefix + name, name: name, label: t("capability.feasibility.field." + name),
                    current: t("capability.feasibility.hint." + name),
                    options: Feasibility.Rating.allCases.map {
                        Choice(value: $0.rawValue, label: CapabilityWords.rating($0, t), selected: $0.rawValue == chosen)
                    },
                    error: errors.message(name))
            }
            return AreaForm(
                id: prefix + "form", heading: CapabilityWords.area(area, framework: framework, t),
                action: SiteURL.capabilityTargets(stateID, capability: a.id, area: area).path, open: mine != nil, selects: selects,
                feasibility: ratings, errors: errors)
        }
        return CapabilityPlanPage(
            layout: layout, heading: t("capability.plan.heading", ["title": a.title]),
            backHref: SiteURL.capabilityAssessment(stateID, capability: a.id).path,
            registerNote: registerTitle.map { t("capability.plan.register", ["title": $0]) } ?? t("capability.plan.no-register"),
            hasRelevance: relevance != nil, relevanceRows: relevanceRows,
            proposeAction: canPlan && relevance != nil ? SiteURL.capabilityPropose(stateID, capability: a.id).path : nil, csrf: csrf,
            version: a.version, gapsSVG: CapabilityChart.gaps(priorities, localizer: t), areaPriorities: areaRows, priorities: rows, areaForms: forms,
            canPlan: canPlan,
            conflict: conflict, formula: t("capability.plan.formula"))
    }
}
