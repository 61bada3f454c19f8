import CTTechCore
import Foundation

/// Step 8: the form that adds a roadmap item or changes one — a development item that closes a gap, or the adoption of
/// a new technology with its readiness profile — with its prerequisites, horizon, dates, owner, cost, funding and
/// milestones.
public struct RoadmapFormPage: WebPage {
    public static let template = "roadmap-form"

    struct MilestoneRow: Sendable, TemplateModel {
        let number: Int
        let legend: String
        let title: String
        let due: String
        let done: Bool
        let error: String?
    }

    struct ReadinessRow: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let hint: String
        let options: [Choice]
        let error: String?
    }

    public let layout: LayoutModel
    let heading: String
    let action: String
    let cancelHref: String
    let csrf: String
    let version: String?
    let errors: FormErrors
    let conflict: String?
    let values: [String: String]
    let kinds: [Choice]
    let areas: [Choice]
    let enablers: [Choice]
    let stages: [Choice]
    let technologies: [Choice]
    let horizons: [Choice]
    let owners: [Choice]
    let fundings: [Choice]
    let prerequisites: [Checkbox]
    let milestones: [MilestoneRow]
    let readiness: [ReadinessRow]
    let message: [String: String]

    static func fields(_ framework: CapabilityFramework, _ t: Localizer) -> [FormField] {
        var fields = [
            FormField("kind", "roadmap.field.kind", id: "rm-kind"), FormField("title", "roadmap.field.title", id: "rm-title"),
            FormField("description", "roadmap.field.description", id: "rm-description"), FormField("area", "capability.field.area", id: "rm-area"),
            FormField("enabler", "capability.field.enabler", id: "rm-enabler"), FormField("toStage", "roadmap.field.to-stage", id: "rm-stage"),
            FormField("technology", "roadmap.field.technology", id: "rm-technology"), FormField("horizon", "roadmap.field.horizon", id: "rm-horizon"),
            FormField("start", "policy.field.start", id: "rm-start"), FormField("end", "policy.field.end", id: "rm-end"),
            FormField("ownerAgency", "roadmap.field.owner", id: "rm-owner"), FormField("costLow", "policy.field.cost-low", id: "rm-cost-low"),
            FormField("costHigh", "policy.field.cost-high", id: "rm-cost-high"), FormField("currency", "policy.field.currency", id: "rm-currency"),
            FormField("funding", "roadmap.field.funding", id: "rm-funding"),
            FormField("prerequisites", "roadmap.field.prerequisites", id: "rm-prerequisites"),
            FormField("milestones", "roadmap.field.milestones", id: "rm-milestones"),
        ]
        for n in 1...RoadmapItemDraft.milestoneRows {
            fields.append(FormField("milestone.\(n).title", t("roadmap.field.milestone-number", ["number": String(n)]), id: "rm-ms-\(n)-title"))
            fields.append(FormField("milestone.\(n).due", t("roadmap.field.milestone-number", ["number": String(n)]), id: "rm-ms-\(n)-due"))
        }
        for d in framework.readiness { fields.append(FormField("readiness." + d.code, d.name(in: t.language), id: "rm-ready-" + d.code)) }
        return fields
    }

    public static func make(
        layout: LayoutModel, stateID: String, item: RoadmapItem?, framework: CapabilityFramework, method: MethodVersion, agencies: [Agency],
        items: [RoadmapItem], csrf: String, prefill: [String: String] = [:], submitted: [String: String]? = nil,
        failure: ValidationFailure? = nil, conflict: String? = nil, version: Int? = nil, cancel: String? = nil
    ) -> RoadmapFormPage {
        let t = layout.localizer
        let values =
            submitted ?? item.map { RoadmapItemDraft(item: $0).fields }
            ?? prefill.merging(["horizon": "medium", "kind": "development"]) { a, _ in a }
        let errors = FormErrors(t, failure, fields: fields(framework, t))
        func choices(_ name: String, none: String?, _ options: [(String, String)]) -> [Choice] {
            let chosen = values[name] ?? ""
            return (none.map { [Choice(value: "", label: $0, selected: chosen.isEmpty)] } ?? [])
                + options.map { Choice(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
        var message: [String: String] = [:]
        for name in [
            "kind", "title", "description", "area", "enabler", "toStage", "technology", "horizon", "start", "end", "ownerAgency", "currency",
            "funding", "prerequisites", "milestones",
        ] {
            if let m = errors.message(name) { message[name] = m }
        }
        if let m = errors.message("costLow") ?? errors.message("costHigh") { message["cost"] = m }
        let milestones = (1...RoadmapItemDraft.milestoneRows).map { n -> MilestoneRow in
            let prefix = "milestone.\(n)."
            let problems = [errors.message(prefix + "title"), errors.message(prefix + "due")].compactMap { $0 }
            return MilestoneRow(
                number: n, legend: t("roadmap.field.milestone-number", ["number": String(n)]), title: values[prefix + "title"] ?? "",
                due: values[prefix + "due"] ?? "", done: values[prefix + "done"] == "on",
                error: problems.isEmpty ? nil : problems.joined(separator: " "))
        }
        let readiness = framework.readiness.map { d -> ReadinessRow in
            let chosen = values["readiness." + d.code] ?? ""
            return ReadinessRow(
                id: "rm-ready-" + d.code, name: "readiness." + d.code, label: d.name(in: t.language), hint: d.description(in: t.language),
                options: [Choice(value: "", label: t("roadmap.readiness.not-rated"), selected: chosen.isEmpty)]
                    + ReadinessRating.allCases.map {
                        Choice(value: $0.rawValue, label: CapabilityWords.readiness($0, t), selected: $0.rawValue == chosen)
                    },
                error: errors.message("readiness." + d.code))
        }
        let others = items.filter { $0.id != item?.id }
        let (heading, action) =
            item.map { (t("roadmap.form.edit-title", ["title": $0.title]), SiteURL.roadmapItem(stateID, item: $0.id).path) }
            ?? (t("roadmap.form.new-title"), SiteURL.roadmap(stateID).path)
        return RoadmapFormPage(
            layout: layout, heading: heading, action: action,
            cancelHref: cancel ?? item.map { SiteURL.roadmapItem(stateID, item: $0.id).path } ?? SiteURL.roadmap(stateID).path, csrf: csrf,
            version: (version ?? item?.version).map(String.init), errors: errors, conflict: conflict, values: values,
            kinds: choices("kind", none: nil, RoadmapItem.Kind.allCases.map { ($0.rawValue, CapabilityWords.itemKind($0, t)) }),
            areas: choices("area", none: t("roadmap.form.no-area"), framework.areas.map { ($0.code, $0.code + " " + $0.name(in: t.language)) }),
            enablers: choices(
                "enabler", none: t("roadmap.form.no-enabler"), framework.enablers.map { ($0.code, $0.code + " " + $0.name(in: t.language)) }),
            stages: choices("toStage", none: t("roadmap.form.no-stage"), framework.stages.map { ($0.code, $0.code + " " + $0.name(in: t.language)) }),
            technologies: choices(
                "technology", none: t("roadmap.form.no-technology"),
                method.items(.technologies).map { ($0.code, $0.code + " " + $0.name(in: t.language)) }),
            horizons: choices("horizon", none: nil, RoadmapItem.Horizon.allCases.map { ($0.rawValue, CapabilityWords.horizon($0, t)) }),
            owners: choices("ownerAgency", none: t("roadmap.form.no-owner"), agencies.map { ($0.id, $0.name) }),
            fundings: choices(
                "funding", none: t("roadmap.form.no-funding"), RoadmapItem.Funding.allCases.map { ($0.rawValue, CapabilityWords.funding($0, t)) }),
            prerequisites: others.map {
                Checkbox(id: "rm-pre-" + $0.id, name: "prerequisite." + $0.id, label: $0.title, checked: values["prerequisite." + $0.id] == "on")
            }, milestones: milestones, readiness: readiness, message: message)
    }
}
