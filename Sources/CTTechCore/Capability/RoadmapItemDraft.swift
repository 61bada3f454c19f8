/// What a planner submits for a roadmap item, as typed. Prerequisites are checkboxes `prerequisite.<item id>`, milestones
/// numbered rows `milestone.<n>.title|due|done` (n = 1…``milestoneRows``; a wholly empty row is ignored) and readiness
/// `readiness.<dimension>` (not-ready, partly-ready, ready; adoptions).
public struct RoadmapItemDraft: Sendable, Hashable {
    public var fields: [String: String]

    /// How many milestone rows the form offers.
    public static let milestoneRows = 6

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// What the checks need to know about the state and the framework.
    public struct Context: Sendable {
        public var framework: CapabilityFramework
        public var technologies: Set<String>
        public var agencyIDs: Set<String>
        /// The state's roadmap items (other than the one edited) that may be prerequisites.
        public var itemIDs: Set<String>

        public init(framework: CapabilityFramework, technologies: Set<String>, agencyIDs: Set<String>, itemIDs: Set<String>) {
            self.framework = framework
            self.technologies = technologies
            self.agencyIDs = agencyIDs
            self.itemIDs = itemIDs
        }
    }

    public struct Content: Sendable, Hashable {
        public var kind: RoadmapItem.Kind
        public var title: String
        public var description: String
        public var area: String?
        public var enabler: String?
        public var toStage: Int?
        public var technology: String?
        public var horizon: RoadmapItem.Horizon
        public var timeframe: Timeframe?
        public var ownerAgencyID: String?
        public var cost: CostRange?
        public var funding: RoadmapItem.Funding?
        public var prerequisites: [String]
        public var milestones: [Milestone]
        public var readiness: [String: ReadinessRating]
    }

    /// Checked whole, every problem named by its field. An adoption names the technology adopted; a development item may
    /// name the gap it closes (area, enabler, target stage). Prerequisites must be the state's items (a foreign or unknown
    /// id is refused, never ignored); cycles are checked by the store with the whole roadmap.
    public func validated(in context: Context) throws(ValidationFailure) -> Content {
        var v = Validator()
        let kind = RoadmapItem.Kind(rawValue: (fields["kind"] ?? "").trimmingWhitespace())
        if kind == nil { v.add("kind", "validation.one-of", ["values": RoadmapItem.Kind.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let title = v.text(fields["title"], field: "title", maxLength: 200)
        let description = v.text(fields["description"], field: "description", required: false, maxLength: 4_000) ?? ""
        let area = optionalCode("area", in: Set(context.framework.areas.map(\.code)), validator: &v)
        let enabler = optionalCode("enabler", in: Set(context.framework.enablers.map(\.code)), validator: &v)
        var toStage: Int?
        let stageText = (fields["toStage"] ?? "").trimmingWhitespace()
        if !stageText.isEmpty {
            if let stage = Int(stageText), CapabilityFramework.stageRange.contains(stage) {
                toStage = stage
            } else {
                v.add("toStage", "validation.capability.stage")
            }
        }
        let technology = optionalCode("technology", in: context.technologies, validator: &v)
        if kind == .adoption && technology == nil && fields["technology"]?.trimmingWhitespace().isEmpty ?? true {
            v.add("technology", "validation.capability.technology-required")
        }
        let horizon = RoadmapItem.Horizon(rawValue: (fields["horizon"] ?? "").trimmingWhitespace())
        if horizon == nil { v.add("horizon", "validation.one-of", ["values": RoadmapItem.Horizon.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let timeframe = v.timeframe(fields)
        let owner = optionalCode("ownerAgency", in: context.agencyIDs, validator: &v, key: "validation.policy.agency-unknown")
        let cost = v.costRange(fields)
        let fundingText = (fields["funding"] ?? "").trimmingWhitespace()
        let funding = RoadmapItem.Funding(rawValue: fundingText)
        if !fundingText.isEmpty && funding == nil {
            v.add("funding", "validation.one-of", ["values": RoadmapItem.Funding.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        var prerequisites: [String] = []
        for key in fields.keys.sorted() where key.hasPrefix("prerequisite.") && CapabilityAssessmentDraft.isOn(fields[key]) {
            let id = String(key.dropFirst("prerequisite.".count))
            if context.itemIDs.contains(id) { prerequisites.append(id) } else { v.add("prerequisites", "validation.capability.prerequisite-unknown") }
        }
        if prerequisites.count > CapabilityLimits.prerequisitesPerItem {
            v.add("prerequisites", "validation.capability.too-many-prerequisites", ["max": String(CapabilityLimits.prerequisitesPerItem)])
        }
        var milestones: [Milestone] = []
        for n in 1...Self.milestoneRows {
            let prefix = "milestone.\(n)."
            let titleText = (fields[prefix + "title"] ?? "").trimmingWhitespace()
            let dueText = (fields[prefix + "due"] ?? "").trimmingWhitespace()
            if titleText.isEmpty && dueText.isEmpty { continue }
            let milestoneTitle = v.text(titleText, field: prefix + "title", maxLength: 200)
            let due = CalendarDate(dueText)
            if due == nil { v.add(prefix + "due", "validation.date") }
            if let milestoneTitle, let due {
                milestones.append(Milestone(title: milestoneTitle, due: due, done: CapabilityAssessmentDraft.isOn(fields[prefix + "done"])))
            }
        }
        if fields.keys.contains(where: { $0.hasPrefix("milestone.\(Self.milestoneRows + 1).") }) {
            v.add("milestones", "validation.capability.too-many-milestones", ["max": String(Self.milestoneRows)])
        }
        var readiness: [String: ReadinessRating] = [:]
        let dimensions = Set(context.framework.readiness.map(\.code))
        for key in fields.keys.sorted() where key.hasPrefix("readiness.") {
            let dimension = String(key.dropFirst("readiness.".count))
            let text = (fields[key] ?? "").trimmingWhitespace()
            if text.isEmpty { continue }
            guard dimensions.contains(dimension), let rating = ReadinessRating(rawValue: text) else {
                v.add(key, "validation.one-of", ["values": ReadinessRating.allCases.map(\.rawValue).joined(separator: ", ")])
                continue
            }
            readiness[dimension] = rating
        }
        try v.check()
        return Content(
            kind: kind ?? .development, title: title ?? "", description: description, area: area, enabler: enabler, toStage: toStage,
            technology: technology, horizon: horizon ?? .medium, timeframe: timeframe, ownerAgencyID: owner, cost: cost, funding: funding,
            prerequisites: prerequisites, milestones: milestones.sorted { $0.due < $1.due }, readiness: kind == .adoption ? readiness : [:])
    }

    private func optionalCode(_ name: String, in known: Set<String>, validator v: inout Validator, key: String? = nil) -> String? {
        let text = (fields[name] ?? "").trimmingWhitespace()
        if text.isEmpty { return nil }
        guard known.contains(text) else {
            v.add(name, key ?? "validation.capability.\(name)-unknown")
            return nil
        }
        return text
    }

    /// The version the form was read at.
    public var version: Int? { fields["version"].flatMap { Int($0.trimmingWhitespace()) } }
}

extension RoadmapItemDraft {
    /// The form's fields for a stored item (to edit it).
    public init(item: RoadmapItem) {
        var fields = [
            "kind": item.kind.rawValue, "title": item.title, "description": item.description, "area": item.area ?? "", "enabler": item.enabler ?? "",
            "toStage": item.toStage.map(String.init) ?? "", "technology": item.technology ?? "", "horizon": item.horizon.rawValue,
            "ownerAgency": item.ownerAgencyID ?? "", "funding": item.funding?.rawValue ?? "", "version": String(item.version),
        ]
        if let timeframe = item.timeframe {
            fields["start"] = timeframe.start.description
            fields["end"] = timeframe.end.description
        }
        if let cost = item.cost {
            fields["costLow"] = String(cost.low)
            fields["costHigh"] = String(cost.high)
            fields["currency"] = cost.currency
        }
        for id in item.prerequisites { fields["prerequisite." + id] = "on" }
        for (index, milestone) in item.milestones.enumerated() {
            fields["milestone.\(index + 1).title"] = milestone.title
            fields["milestone.\(index + 1).due"] = milestone.due.description
            if milestone.done { fields["milestone.\(index + 1).done"] = "on" }
        }
        for (dimension, rating) in item.readiness { fields["readiness." + dimension] = rating.rawValue }
        self.init(fields: fields)
    }
}
