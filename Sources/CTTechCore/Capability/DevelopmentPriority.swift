/// How feasible closing a gap is (step 8): three ordinal judgements, each favourable, moderate or unfavourable.
public struct Feasibility: Sendable, Codable, Hashable {
    public enum Rating: String, Sendable, Codable, CaseIterable, Hashable {
        case favourable
        case moderate
        case unfavourable

        /// favourable 3, moderate 2, unfavourable 1.
        public var points: Int {
            switch self {
            case .favourable: 3
            case .moderate: 2
            case .unfavourable: 1
            }
        }
    }

    /// Cost relative to the means available (favourable: cheap).
    public var cost: Rating
    /// Prerequisites still to be met (favourable: none).
    public var prerequisites: Rating
    /// Readiness of the agencies to take it on (favourable: ready).
    public var readiness: Rating

    public init(cost: Rating = .moderate, prerequisites: Rating = .moderate, readiness: Rating = .moderate) {
        self.cost = cost
        self.prerequisites = prerequisites
        self.readiness = readiness
    }

    /// (cost + prerequisites + readiness points) / 9: between 1/3 (all unfavourable) and 1 (all favourable), rising with
    /// each judgement.
    public var value: Double { Double(cost.points + prerequisites.points + readiness.points) / 9 }
}

/// The target stage of one area and enabler of an assessment, set by hand or proposed from the risk register.
public struct CapabilityTarget: Sendable, Codable, Hashable {
    public enum Source: String, Sendable, Codable, CaseIterable, Hashable {
        case hand
        case proposed
    }

    public var assessmentID: String
    public var area: String
    public var enabler: String
    public var stage: Int
    public var source: Source
    public var feasibility: Feasibility
    public var setBy: String
    public var setAt: Int64

    public init(
        assessmentID: String, area: String, enabler: String, stage: Int, source: Source, feasibility: Feasibility, setBy: String, setAt: Int64
    ) {
        self.assessmentID = assessmentID
        self.area = area
        self.enabler = enabler
        self.stage = stage
        self.source = source
        self.feasibility = feasibility
        self.setBy = setBy
        self.setAt = setAt
    }
}

/// A scenario of the register as threat relevance sees it.
public struct RelevantRisk: Sendable, Hashable {
    public var id: String
    public var title: String
    public var technologies: [String]
    public var purposes: [String]
    /// Mean risk score over the register's draws, before and after the approved responses.
    public var inherent: Double
    public var residual: Double

    public init(id: String, title: String, technologies: [String], purposes: [String], inherent: Double, residual: Double) {
        self.id = id
        self.title = title
        self.technologies = technologies
        self.purposes = purposes
        self.inherent = inherent
        self.residual = residual
    }
}

/// How much an area matters for the state's prioritised threats (DOMAIN.md §4 "Priority of a capability gap").
public struct AreaRelevance: Sendable, Hashable {
    public let area: String
    /// The highest residual risk among the scenarios the area counters, divided by the highest inherent risk of the
    /// register: 0 (counters nothing scored) to 1 (counters the top risk, unreduced).
    public let relevance: Double
    /// The scenarios that justify it, highest residual risk first.
    public let scenarios: [RelevantRisk]

    /// The stage the register asks of the area: ⌈4 × relevance⌉ (1 Start-up to 4 Strategic), nil when the area counters
    /// no scored scenario. Stage 5 (Dynamic) is an aspiration a state sets by hand, never proposed: a register cannot
    /// say that continuous improvement is due.
    public var proposedStage: Int? {
        guard relevance > 0 else { return nil }
        return min(4, max(1, Int((4 * relevance - 1e-9).rounded(.up))))
    }

    public init(area: String, relevance: Double, scenarios: [RelevantRisk]) {
        self.area = area
        self.relevance = relevance
        self.scenarios = scenarios
    }

    /// The relevance of every area of `framework` to `risks`: each area's scope (technologies and purposes it counters)
    /// picks its scenarios; the highest residual among them over the highest inherent of all sets the relevance.
    public static func compute(framework: CapabilityFramework, risks: [RelevantRisk]) -> [String: AreaRelevance] {
        let top = risks.map(\.inherent).max() ?? 0
        var result: [String: AreaRelevance] = [:]
        for area in framework.areas.map(\.code) {
            let scope = framework.scope(of: area)
            let countered = risks.filter { scope.counters(technologies: $0.technologies, purposes: $0.purposes) }
                .sorted { ($1.residual, $0.title) < ($0.residual, $1.title) }
            let highest = countered.first?.residual ?? 0
            let relevance = top > 0 ? min(1, max(0, highest / top)) : 0
            result[area] = AreaRelevance(area: area, relevance: relevance, scenarios: countered)
        }
        return result
    }
}

/// One gap of step 8: an area and enabler below its target, with its priority.
public struct DevelopmentPriority: Sendable, Hashable {
    public let area: String
    public let enabler: String
    public let current: Int
    public let target: Int
    public let relevance: Double
    public let feasibility: Double
    /// The scenarios that justify the priority (from the register), highest residual risk first.
    public let scenarios: [RelevantRisk]
    public let source: CapabilityTarget.Source

    /// target − current (never below 0).
    public var gap: Int { max(0, target - current) }

    /// gap × threat relevance × feasibility: 0 for a zero gap, rising with each factor.
    public var priority: Double { Self.priority(gap: gap, relevance: relevance, feasibility: feasibility) }

    public static func priority(gap: Int, relevance: Double, feasibility: Double) -> Double {
        Double(max(0, gap)) * max(0, relevance) * max(0, feasibility)
    }

    public init(
        area: String, enabler: String, current: Int, target: Int, relevance: Double, feasibility: Double, scenarios: [RelevantRisk],
        source: CapabilityTarget.Source
    ) {
        self.area = area
        self.enabler = enabler
        self.current = current
        self.target = target
        self.relevance = relevance
        self.feasibility = feasibility
        self.scenarios = scenarios
        self.source = source
    }

    /// The gaps of an assessment ranked by priority (highest first; ties by gap, then framework order of area and enabler).
    /// Cells without a target have no gap. Without a register (`relevance` nil) every area counts as fully relevant.
    public static func rank(
        framework: CapabilityFramework, grid: MaturityGrid, targets: [CapabilityTarget], relevance: [String: AreaRelevance]?
    ) -> [DevelopmentPriority] {
        let areaOrder = Dictionary(framework.areas.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let enablerOrder = Dictionary(framework.enablers.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = targets.compactMap { target -> DevelopmentPriority? in
            guard let level = grid.level(target.area, target.enabler) else { return nil }
            let area = relevance?[target.area]
            return DevelopmentPriority(
                area: target.area, enabler: target.enabler, current: level.level, target: target.stage,
                relevance: relevance == nil ? 1 : area?.relevance ?? 0, feasibility: target.feasibility.value,
                scenarios: Array((area?.scenarios ?? []).prefix(5)), source: target.source)
        }
        return rows.sorted {
            ($1.priority, $1.gap, areaOrder[$0.area] ?? 0, enablerOrder[$0.enabler] ?? 0)
                < ($0.priority, $0.gap, areaOrder[$1.area] ?? 0, enablerOrder[$1.enabler] ?? 0)
        }
    }
}

/// One area's gaps together (step 8's "priority areas for development"): the sum of its enablers' gaps and priorities,
/// with the scenarios that justify it.
public struct AreaPriority: Sendable, Hashable {
    public let area: String
    /// Enablers below their target.
    public let gaps: Int
    /// Stages missing, summed over the enablers.
    public let stages: Int
    public let relevance: Double
    /// The sum of the enablers' priorities.
    public let priority: Double
    public let scenarios: [RelevantRisk]

    /// The areas with a gap, highest summed priority first (ties: more stages missing, then the order given).
    public static func rank(_ rows: [DevelopmentPriority]) -> [AreaPriority] {
        var order: [String] = []
        var byArea: [String: [DevelopmentPriority]] = [:]
        for row in rows where row.gap > 0 {
            if byArea[row.area] == nil { order.append(row.area) }
            byArea[row.area, default: []].append(row)
        }
        let areas = order.enumerated().map { index, area -> (Int, AreaPriority) in
            let list = byArea[area] ?? []
            return (
                index,
                AreaPriority(
                    area: area, gaps: list.count, stages: list.map(\.gap).reduce(0, +), relevance: list.first?.relevance ?? 0,
                    priority: list.map(\.priority).reduce(0, +), scenarios: list.first?.scenarios ?? [])
            )
        }
        return areas.sorted { ($1.1.priority, $1.1.stages, $0.0) < ($0.1.priority, $0.1.stages, $1.0) }.map(\.1)
    }
}
