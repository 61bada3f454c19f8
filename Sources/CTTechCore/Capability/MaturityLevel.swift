/// The maturity reached by one area and enabler (DOMAIN.md §4 "Capability level"), from the answers to its criteria.
public struct MaturityLevel: Sendable, Hashable {
    /// The highest stage achieved, 0 when not even stage 1 is.
    public let level: Int
    /// The next stage with an applicable criterion above `level`, nil when there is none (the top is reached).
    public let next: Int?
    /// Share of the next stage's applicable criteria that are met (Fully or Largely), 0–1; nil without a next stage.
    public let progress: Double?
    /// Criteria answered and criteria in the cell.
    public let answered: Int
    public let criteria: Int

    /// The level rule: a stage is achieved when it has an applicable criterion and every applicable criterion of it and
    /// of every stage below is met. Unanswered criteria count as not met; N/A ones neither help nor block, so a stage whose
    /// criteria are all N/A does not block the stages above it and is not achieved on its own (the level is the highest
    /// stage with an applicable criterion that it and every applicable stage below it meet).
    ///
    /// `answers` gives each stage's criteria answers (nil: unanswered), stages 1…5.
    public static func compute(_ answers: [Int: [CriterionAnswer?]]) -> MaturityLevel {
        var level = 0
        var next: Int?
        var progress: Double?
        for stage in CapabilityFramework.stageRange {
            let stageAnswers = answers[stage] ?? []
            let applicable = stageAnswers.filter { $0?.isApplicable ?? true }
            if applicable.isEmpty { continue }
            let met = applicable.filter { $0?.meets ?? false }.count
            if met == applicable.count {
                level = stage
            } else {
                next = stage
                progress = Double(met) / Double(applicable.count)
                break
            }
        }
        let all = answers.values.joined()
        return MaturityLevel(level: level, next: next, progress: progress, answered: all.filter { $0 != nil }.count, criteria: all.count)
    }

    /// The level of `area` × `enabler` in `framework` from `answers` (criterion code → answer for this area).
    public static func compute(framework: CapabilityFramework, area: String, enabler: String, answers: [String: CriterionAnswer]) -> MaturityLevel {
        var byStage: [Int: [CriterionAnswer?]] = [:]
        for criterion in framework.criteria(area: area) where criterion.enabler == enabler {
            byStage[criterion.stage, default: []].append(answers[criterion.code])
        }
        return compute(byStage)
    }
}

/// The maturity grid of an assessment: the level of every area in scope × every enabler. No composite score: the grid is
/// the result.
public struct MaturityGrid: Sendable, Hashable {
    public let areas: [String]
    public let enablers: [String]
    public let cells: [Cell: MaturityLevel]

    public struct Cell: Sendable, Hashable, Comparable {
        public let area: String
        public let enabler: String

        public init(area: String, enabler: String) {
            self.area = area
            self.enabler = enabler
        }

        public static func < (a: Cell, b: Cell) -> Bool { (a.area, a.enabler) < (b.area, b.enabler) }
    }

    public init(framework: CapabilityFramework, areas: [String], records: [CriterionRecord]) {
        var byArea: [String: [String: CriterionAnswer]] = [:]
        for record in records { byArea[record.area, default: [:]][record.criterion] = record.answer }
        self.areas = areas
        enablers = framework.enablers.map(\.code)
        let generic = Dictionary(grouping: framework.criteria.filter { $0.area == nil }, by: \.enabler)
        let specific = Dictionary(grouping: framework.criteria.filter { $0.area != nil }, by: { Cell(area: $0.area ?? "", enabler: $0.enabler) })
        var cells: [Cell: MaturityLevel] = [:]
        for area in areas {
            let answers = byArea[area] ?? [:]
            for enabler in framework.enablers.map(\.code) {
                let cell = Cell(area: area, enabler: enabler)
                var byStage: [Int: [CriterionAnswer?]] = [:]
                for criterion in (generic[enabler] ?? []) + (specific[cell] ?? []) {
                    byStage[criterion.stage, default: []].append(answers[criterion.code])
                }
                cells[cell] = MaturityLevel.compute(byStage)
            }
        }
        self.cells = cells
    }

    public func level(_ area: String, _ enabler: String) -> MaturityLevel? { cells[Cell(area: area, enabler: enabler)] }
}
