/// Two capability assessments side by side (step 7 and follow-up): the baseline against the follow-up, or the
/// self-assessment against the validated one — levels per area and enabler, and the criteria whose answers differ with
/// both evidences.
public struct CapabilityComparison: Sendable, Hashable {
    public struct CellChange: Sendable, Hashable {
        public let area: String
        public let enabler: String
        public let before: MaturityLevel
        public let after: MaturityLevel

        /// after − before, in stages.
        public var delta: Int { after.level - before.level }
    }

    public struct CriterionChange: Sendable, Hashable {
        public let area: String
        public let criterion: String
        public let before: CriterionRecord?
        public let after: CriterionRecord?

        /// Implementation rose (+1), fell (−1) or changed without an order (0: to or from N/A or unanswered).
        public var direction: Int {
            guard let b = before?.answer.strength, let a = after?.answer.strength else { return 0 }
            return a > b ? 1 : a < b ? -1 : 0
        }
    }

    /// Every area and enabler both assessments cover, in the framework's order.
    public let cells: [CellChange]
    /// The criteria (of the areas both cover) whose answers differ, in the framework's order.
    public let criteria: [CriterionChange]

    public init(
        framework: CapabilityFramework, before: MaturityGrid, after: MaturityGrid, beforeRecords: [CriterionRecord], afterRecords: [CriterionRecord]
    ) {
        let areas = after.areas.filter(before.areas.contains)
        var cells: [CellChange] = []
        for area in areas {
            for enabler in after.enablers {
                guard let b = before.level(area, enabler), let a = after.level(area, enabler) else { continue }
                cells.append(CellChange(area: area, enabler: enabler, before: b, after: a))
            }
        }
        self.cells = cells
        let beforeIndex = Dictionary(beforeRecords.map { ("\($0.area)|\($0.criterion)", $0) }, uniquingKeysWith: { first, _ in first })
        let afterIndex = Dictionary(afterRecords.map { ("\($0.area)|\($0.criterion)", $0) }, uniquingKeysWith: { first, _ in first })
        var criteria: [CriterionChange] = []
        for area in areas {
            for criterion in framework.criteria(area: area) {
                let key = "\(area)|\(criterion.code)"
                let b = beforeIndex[key]
                let a = afterIndex[key]
                if b?.answer != a?.answer { criteria.append(CriterionChange(area: area, criterion: criterion.code, before: b, after: a)) }
            }
        }
        self.criteria = criteria
    }

    /// Cells whose level moved.
    public var moved: [CellChange] { cells.filter { $0.delta != 0 } }
}
