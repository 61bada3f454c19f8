import Foundation

/// Indicator progress (DOMAIN.md §4: "indicator progress (baseline → target, actuals over time). Evidence older than a
/// set age decays").
///
/// - Progress of one indicator = (latest actual − baseline) / (target − baseline), clamped to 0–1 (the same formula
///   serves both directions, since a decrease has target < baseline).
/// - Its evidence is stale when the latest actual is older than the method's `evidenceMaxAgeDays` on the day of
///   reading; its weight is then 0.5^((age − max) / max): it halves for every further period of that length.
/// - Credited progress = progress × weight; a response's progress is the mean credited progress of its indicators, an
///   indicator without any actual counting 0.
public struct IndicatorProgress: Sendable, Hashable {
    public let indicatorID: String
    public let latest: IndicatorActual?
    /// 0–1, nil without an actual.
    public let progress: Double?
    public let ageDays: Int?
    public let stale: Bool
    public let weight: Double
    public var credited: Double { (progress ?? 0) * weight }

    public init(_ indicator: Indicator, today: CalendarDate, maxAgeDays: Int) {
        indicatorID = indicator.id
        let latest = indicator.actuals.max { ($0.date, $0.id) < ($1.date, $1.id) }
        self.latest = latest
        guard let latest else {
            (progress, ageDays, stale, weight) = (nil, nil, false, 0)
            return
        }
        progress = Self.progress(value: latest.value, baseline: indicator.baseline, target: indicator.target, direction: indicator.direction)
        let age = max(today.daysSinceEpoch - latest.date.daysSinceEpoch, 0)
        ageDays = age
        stale = age > maxAgeDays
        weight = Self.weight(ageDays: age, maxAgeDays: maxAgeDays)
    }

    /// (value − baseline) / (target − baseline) clamped to 0–1; when target equals baseline, 1 if the value is at or beyond
    /// it in the better direction, else 0.
    public static func progress(value: Double, baseline: Double, target: Double, direction: Indicator.Direction) -> Double {
        guard target != baseline else {
            switch direction {
            case .increase: return value >= target ? 1 : 0
            case .decrease: return value <= target ? 1 : 0
            }
        }
        return min(max((value - baseline) / (target - baseline), 0), 1)
    }

    /// 1 up to `maxAgeDays`, then halving for every further `maxAgeDays`.
    public static func weight(ageDays: Int, maxAgeDays: Int) -> Double {
        let limit = max(maxAgeDays, 1)
        guard ageDays > limit else { return 1 }
        return pow(0.5, Double(ageDays - limit) / Double(limit))
    }

    /// The mean credited progress of a response's indicators (nil when it has none).
    public static func overall(_ progresses: [IndicatorProgress]) -> Double? {
        progresses.isEmpty ? nil : progresses.map(\.credited).reduce(0, +) / Double(progresses.count)
    }
}

/// Observed effectiveness (issue 10): when a scenario a response addresses is scored again in a round after the
/// response's baseline round, (R₀ − R₁) / R₀ with R = median best likelihood × median combined impact of the assessors'
/// scores, R₀ from the latest round up to the baseline that scored the scenario, R₁ from the latest round after it.
public struct ObservedEffectiveness: Sendable, Hashable, Codable {
    public let scenarioID: String
    public let baselineRound: Int
    public let followUpRound: Int
    public let baselineRisk: Double
    public let followUpRisk: Double
    public var observed: Double { baselineRisk > 0 ? (baselineRisk - followUpRisk) / baselineRisk : 0 }

    /// nil when the scenario has no scores up to the baseline or none after it.
    public init?(scenarioID: String, baselineRound: Int, scores: [ScenarioScore]) {
        let own = scores.filter { $0.scenarioID == scenarioID }
        guard let before = own.filter({ $0.round <= baselineRound }).map(\.round).max(),
            let after = own.filter({ $0.round > baselineRound }).map(\.round).max()
        else { return nil }
        func risk(_ round: Int) -> Double {
            let inRound = own.filter { $0.round == round }
            let likelihood = RatingSummary.quantile(inRound.map(\.likelihood.best).sorted(), 0.5)
            let impact = RatingSummary.quantile(inRound.map { Double($0.combinedImpact) }.sorted(), 0.5)
            return likelihood * impact
        }
        self.scenarioID = scenarioID
        self.baselineRound = baselineRound
        followUpRound = after
        baselineRisk = risk(before)
        followUpRisk = risk(after)
    }
}
