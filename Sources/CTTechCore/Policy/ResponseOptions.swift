import Foundation

/// The options for one risk (issue 10): every candidate response that addresses it (not withdrawn), ranked by the
/// risk it is expected to remove per unit of cost, with uncertainty.
///
/// Each draw samples the risk's likelihood (log-triangular) and impact (triangular) from the register's intervals and
/// every candidate's reductions from their intervals, and computes what each candidate alone would remove:
/// R₀ − R₁ with R = L × I (``ResidualRisk``). Over the draws: the mean removed, its 10th–90th percentiles, and for each
/// pair P(A removes more than B). Candidates are ranked by mean removed per unit of the middle of their cost range,
/// among those costed in the most common currency; the others follow, by mean removed. Same seed, same result.
public struct ResponseOptions: Sendable, Hashable {
    public struct Option: Sendable, Hashable {
        public let response: PolicyResponse
        /// Mean, 10th and 90th percentile of the risk removed over the draws.
        public let removed: Double
        public let removedLow: Double
        public let removedHigh: Double
        /// The planned effectiveness at the best reductions (``PlannedEffect``).
        public let planned: PlannedEffect
        /// Mean removed per unit of the middle of the cost range; nil without a cost in the compared currency.
        public let perCost: Double?
    }

    public let inherentRisk: Double
    public let options: [Option]
    /// The currency the costs are compared in (nil when no candidate has a cost).
    public let currency: String?
    /// P(row removes more than column), by response ids "A>B".
    public let pairwise: [String: Double]
    public let draws: Int

    public init(entry: RegisterDocument.Entry, candidates: [PolicyResponse], draws: Int = 2_000, seed: UInt64 = 2024) {
        let kind = RiskRegister.Kind(rawValue: entry.kind) ?? .otherRisk
        let factors = entry.factors?.factors
        let active = candidates.filter { $0.status != .withdrawn && $0.targets.contains { $0.riskID == entry.id } }
        let effects = active.map { $0.effects.filter { ResidualRisk.applies($0, to: kind) } }
        var generator = SplitMix64(seed: seed)
        var removed = [[Double]](repeating: [], count: active.count)
        var wins = [Int](repeating: 0, count: active.count * active.count)
        let logL = (log10(max(entry.likelihood.low, 1e-9)), log10(max(entry.likelihood.best, 1e-9)), log10(max(entry.likelihood.high, 1e-9)))
        let impactInterval = UncertainEstimate(ordered: entry.impact.low, entry.impact.best, entry.impact.high)
        var row = [Double](repeating: 0, count: active.count)
        for _ in 0..<max(draws, 1) {
            let likelihood = pow(10, MonteCarloPrioritisation.triangular(low: logL.0, mode: logL.1, high: logL.2, u: generator.nextUnit()))
            let impact = impactInterval.triangular(generator.nextUnit())
            let inherent = likelihood * impact
            for (i, list) in effects.enumerated() {
                var m = ResidualRisk.Multipliers()
                for effect in list { m.apply(effect, share: effect.sampledShare(generator.nextUnit())) }
                let residual = ResidualRisk.residual(likelihood: likelihood, impact: impact, factors: factors, m)
                row[i] = inherent - min(residual.likelihood * residual.impact, inherent)
                removed[i].append(row[i])
            }
            for a in active.indices {
                for b in active.indices where a != b && row[a] > row[b] { wins[a * active.count + b] += 1 }
            }
        }
        let costed = active.compactMap(\.cost?.currency)
        let currency = Dictionary(grouping: costed, by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        var options: [Option] = []
        for (i, response) in active.enumerated() {
            let sorted = removed[i].sorted()
            let mean = sorted.reduce(0, +) / Double(max(sorted.count, 1))
            let perCost: Double? = response.cost.flatMap { cost in
                cost.currency == currency && cost.middle > 0 ? mean / cost.middle : nil
            }
            options.append(
                Option(
                    response: response, removed: mean, removedLow: RatingSummary.quantile(sorted, 0.1),
                    removedHigh: RatingSummary.quantile(sorted, 0.9),
                    planned: PlannedEffect(response.effects, on: entry), perCost: perCost))
        }
        options.sort { a, b in
            switch (a.perCost, b.perCost) {
            case (let x?, let y?): return x != y ? x > y : a.removed > b.removed
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.removed != b.removed ? a.removed > b.removed : a.response.title < b.response.title
            }
        }
        var pairwise: [String: Double] = [:]
        for a in active.indices {
            for b in active.indices where a != b {
                pairwise[active[a].id + ">" + active[b].id] = Double(wins[a * active.count + b]) / Double(max(draws, 1))
            }
        }
        inherentRisk = entry.likelihood.best * entry.impact.best
        self.options = options
        self.currency = currency
        self.pairwise = pairwise
        self.draws = max(draws, 1)
    }
}
