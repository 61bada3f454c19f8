/// Why the method's rules refused a change to a capability assessment or the roadmap (not the input's shape). The store
/// and the in-memory double call these checks inside their transactions.
public enum CapabilityRuleViolation: RuleViolation, Hashable {
    /// Answers name criteria that are not in the assessment's framework version (or not of that area).
    case criteriaOfOtherFramework(codes: [String])
    /// Answers name an area the assessment does not cover.
    case areaNotAssessed(String)
    /// Answers cite evidence that is not of this assessment (another assessment's or another state's).
    case foreignEvidence(ids: [String])
    /// A target is below the level already reached.
    case targetBelowLevel(area: String, enabler: String, target: Int, level: Int)
    /// The prerequisites would make a cycle; its members are named.
    case cycle(members: [String])
    /// A prerequisite is not an item of this state's roadmap.
    case unknownPrerequisite(String)
    /// The item cannot move to that status from where it is.
    case statusTransition(from: RoadmapItem.Status, to: RoadmapItem.Status)
    /// Its content is fixed once work has started, finished or been dropped.
    case contentLocked(RoadmapItem.Status)
    /// An adoption's mandatory checks are unreviewed or Not met for this version.
    case adoptionNotReviewed(checks: [String])
    /// The reviewer wrote the item (created it or last changed its content).
    case selfReview
    /// The review was made for another version of the item than the one now stored.
    case reviewOfOtherVersion(reviewed: Int, current: Int)
    /// Checks are recorded only while the item is proposed, under review or approved.
    case notReviewable(RoadmapItem.Status)
    /// A validated assessment validates a self-assessment of the same state; a follow-up follows one of the same state.
    case unknownLinkedAssessment(String)

    public var explanation: Message {
        switch self {
        case .criteriaOfOtherFramework(let codes):
            Message("errors.rule.capability.criteria-other-framework", count: codes.count, ["codes": codes.joined(separator: ", ")])
        case .areaNotAssessed(let area): Message("errors.rule.capability.area-not-assessed", ["area": area])
        case .foreignEvidence(let ids): Message("errors.rule.capability.foreign-evidence", count: ids.count, ["ids": ids.joined(separator: ", ")])
        case .targetBelowLevel(let area, let enabler, let target, let level):
            Message(
                "errors.rule.capability.target-below-level",
                ["area": area, "enabler": enabler, "target": String(target), "level": String(level)])
        case .cycle(let members): Message("errors.rule.roadmap.cycle", ["members": members.joined(separator: " → ")])
        case .unknownPrerequisite(let id): Message("errors.rule.roadmap.unknown-prerequisite", ["id": id])
        case .statusTransition(let from, _): Message("errors.rule.roadmap-transition.\(from.rawValue)")
        case .contentLocked: "errors.rule.roadmap.locked"
        case .adoptionNotReviewed(let checks):
            Message("errors.rule.roadmap.adoption-not-reviewed", count: checks.count, ["checks": checks.joined(separator: ", ")])
        case .selfReview: "errors.rule.roadmap.self-review"
        case .reviewOfOtherVersion(let reviewed, let current):
            Message("errors.rule.roadmap.review-other-version", ["reviewed": String(reviewed), "current": String(current)])
        case .notReviewable: "errors.rule.roadmap.not-reviewable"
        case .unknownLinkedAssessment(let id): Message("errors.rule.capability.unknown-linked", ["id": id])
        }
    }

    /// Inside a write: every answer is for a criterion of `framework` that applies to its area, the area is one the
    /// assessment covers, and its evidence belongs to the assessment.
    public static func checkAnswers(
        _ records: [CriterionRecord], assessment: CapabilityAssessment, framework: CapabilityFramework, evidenceIDs: Set<String>
    ) throws(CapabilityRuleViolation) {
        for record in records where !assessment.areas.contains(record.area) { throw .areaNotAssessed(record.area) }
        let foreign = records.filter { record in
            guard let criterion = framework.criterion(record.criterion) else { return true }
            return criterion.area != nil && criterion.area != record.area
        }
        if !foreign.isEmpty { throw .criteriaOfOtherFramework(codes: foreign.map(\.criterion).sorted()) }
        let unknown = Set(records.flatMap(\.evidenceIDs)).subtracting(evidenceIDs)
        if !unknown.isEmpty { throw .foreignEvidence(ids: unknown.sorted()) }
    }

    /// Inside a write: no target is below the level its area and enabler already reached.
    public static func checkTargets(_ targets: [CapabilityTarget], grid: MaturityGrid) throws(CapabilityRuleViolation) {
        for target in targets {
            let level = grid.level(target.area, target.enabler)?.level ?? 0
            if target.stage < level { throw .targetBelowLevel(area: target.area, enabler: target.enabler, target: target.stage, level: level) }
        }
    }

    /// Inside a write: every prerequisite is an item of the state's roadmap and the graph stays acyclic. `items` is the
    /// roadmap with the changed item already in place.
    public static func checkPrerequisites(of item: RoadmapItem, in items: [RoadmapItem]) throws(CapabilityRuleViolation) {
        let ids = Set(items.map(\.id))
        for prerequisite in item.prerequisites where !ids.contains(prerequisite) { throw .unknownPrerequisite(prerequisite) }
        if case .cycles(let cycles) = RoadmapGraph(items: items).outcome() {
            let titles = Dictionary(items.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            let cycle = cycles.first { $0.contains(item.id) } ?? cycles[0]
            throw .cycle(members: cycle.map { titles[$0] ?? $0 })
        }
    }

    /// Inside a write: the move must be one ``RoadmapItem/Status/next`` allows; approving an adoption needs its checklists
    /// clear (every mandatory check answered for this version and none Not met).
    public static func checkTransition(
        _ item: RoadmapItem, to target: RoadmapItem.Status, checklists: [ReviewChecklist]
    ) throws(CapabilityRuleViolation) {
        guard item.status.next.contains(target) else { throw .statusTransition(from: item.status, to: target) }
        if target == .approved && item.kind == .adoption {
            let blocking = checklists.flatMap(\.blocking)
            if !blocking.isEmpty { throw .adoptionNotReviewed(checks: blocking) }
        }
    }

    /// Inside a write: content may change only while ``RoadmapItem/Status/isEditable``.
    public static func checkEditable(_ item: RoadmapItem) throws(CapabilityRuleViolation) {
        guard item.status.isEditable else { throw .contentLocked(item.status) }
    }

    /// Inside a write: a review is by someone who did not write the item, of the version now stored, while it can be
    /// reviewed.
    public static func checkReview(of item: RoadmapItem, by reviewerID: String, version: Int) throws(CapabilityRuleViolation) {
        guard item.status.isEditable else { throw .notReviewable(item.status) }
        guard reviewerID != item.createdBy && reviewerID != item.updatedBy else { throw .selfReview }
        guard version == item.version else { throw .reviewOfOtherVersion(reviewed: version, current: item.version) }
    }
}

extension ReviewChecklist {
    /// A roadmap item's two checklists: the method's mandatory checks, plus the framework's adoption checks for an adoption.
    public static func roadmap(
        _ item: RoadmapItem, method: MethodVersion, framework: CapabilityFramework, reviews: [CheckReview]
    ) -> [ReviewChecklist] {
        var method = method
        if item.kind == .adoption { method.mandatoryChecks.formUnion(framework.adoptionChecks) }
        return both(method: method, reviews: reviews, version: item.version)
    }
}
