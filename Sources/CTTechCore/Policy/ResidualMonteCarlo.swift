import Foundation

/// The register's Monte Carlo with residual risk (issue 10): in every draw the inherent likelihood and impact of each
/// risk are sampled exactly as ``MonteCarloPrioritisation/run(_:draws:seed:topK:pairs:)`` samples them (same seed, same
/// stream, so the inherent ranks do not move when responses are added), each declared effect's reduction is drawn from
/// its interval (triangular, from its own stream seeded by the response and the effect's position, so adding a response
/// leaves every other draw as it was), and the residual of the same draw is computed by ``ResidualRisk``. Both are
/// ranked. Residual ≤ inherent holds in every draw, since every multiplier is at most 1.
public enum ResidualMonteCarlo {
    /// A risk's reductions: the indexes of the effects (in ``run(_:factors:reductions:effects:effectSeeds:draws:seed:topK:)``'s
    /// `effects`) that act on it.
    public struct Result: Sendable {
        public let inherent: [RankDistribution]
        public let residual: [RankDistribution]
        /// Per risk: 10th, 50th and 90th percentile and mean of the effectiveness 1 − residual / inherent over the draws.
        public let effectiveness: [Spread]
    }

    public struct Spread: Sendable, Hashable, Codable {
        public let p10: Double
        public let median: Double
        public let p90: Double
        public let mean: Double
    }

    /// The multiplier slots of the fast path: five factors, every dimension, then each dimension.
    static let slotCount = 6 + ImpactDimension.allCases.count

    static func slot(_ effect: DeclaredEffect) -> Int {
        switch effect.factor {
        case .intent: 0
        case .actorCapability: 1
        case .technologyAccessibility: 2
        case .opportunity: 3
        case .likelihood: 4
        case .impact: effect.dimension.flatMap { ImpactDimension.allCases.firstIndex(of: $0) }.map { 6 + $0 } ?? 5
        }
    }

    /// The seed of one effect's stream: FNV-1a of "<response id>#<position>", mixed with the register's seed.
    public static func effectSeed(responseID: String, position: Int, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(responseID)#\(position)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash ^ seed
    }

    public static func run(
        _ risks: [RiskEstimate], factors: [ResidualRisk.Factors?], reductions: [[Int]], effects: [DeclaredEffect], effectSeeds: [UInt64],
        draws: Int, seed: UInt64, topK: Int = 5
    ) -> Result {
        let n = risks.count
        guard n > 0, draws > 0, factors.count == n, reductions.count == n, effectSeeds.count == effects.count else {
            return Result(inherent: [], residual: [], effectiveness: [])
        }
        var generator = SplitMix64(seed: seed)
        var effectGenerators = effectSeeds.map { SplitMix64(seed: $0) }
        let slots = effects.map(slot)
        var shares = [Double](repeating: 0, count: effects.count)
        let logLikelihoods = risks.map { risk -> (low: Double, best: Double, high: Double) in
            (log10(max(risk.likelihood.low, 1e-9)), log10(max(risk.likelihood.best, 1e-9)), log10(max(risk.likelihood.high, 1e-9)))
        }
        let fast = factors.map { $0.map(FastFactors.init) }
        var histogram = [Int32](repeating: 0, count: n * n)
        var residualHistogram = [Int32](repeating: 0, count: n * n)
        var effectivenessHistogram = [Int32](repeating: 0, count: n * 101)
        var scoreSums = [Double](repeating: 0, count: n)
        var residualSums = [Double](repeating: 0, count: n)
        var effectivenessSums = [Double](repeating: 0, count: n)
        var keys = [UInt64](repeating: 0, count: n)
        var residualKeys = [UInt64](repeating: 0, count: n)
        var m = [Double](repeating: 1, count: slotCount)
        for _ in 0..<draws {
            for e in effects.indices { shares[e] = effects[e].sampledShare(effectGenerators[e].nextUnit()) }
            for i in 0..<n {
                let l = logLikelihoods[i]
                let likelihood = pow(10, MonteCarloPrioritisation.triangular(low: l.low, mode: l.best, high: l.high, u: generator.nextUnit()))
                let impact = risks[i].impact.triangular(generator.nextUnit())
                let score = likelihood * impact
                var residual = score
                if !reductions[i].isEmpty {
                    for k in 0..<slotCount { m[k] = 1 }
                    for e in reductions[i] { m[slots[e]] *= 1 - shares[e] }
                    let ratio = fast[i].map { $0.likelihoodRatio(m) } ?? m[4]
                    let share = fast[i].map { $0.impactShare(m) } ?? m[5]
                    residual = min(likelihood * ratio * ResidualRisk.reduce(impact, share), score)
                }
                keys[i] = UInt64(~Float(score).bitPattern) << 32 | UInt64(i)
                residualKeys[i] = UInt64(~Float(residual).bitPattern) << 32 | UInt64(i)
                scoreSums[i] += score
                residualSums[i] += residual
                let effectiveness = score > 0 ? 1 - residual / score : 0
                effectivenessSums[i] += effectiveness
                effectivenessHistogram[i * 101 + min(max(Int((effectiveness * 100).rounded()), 0), 100)] += 1
            }
            keys.sort()
            for (rank, key) in keys.enumerated() { histogram[Int(key & 0xFFFF_FFFF) * n + rank] += 1 }
            residualKeys.sort()
            for (rank, key) in residualKeys.enumerated() { residualHistogram[Int(key & 0xFFFF_FFFF) * n + rank] += 1 }
        }
        func distribution(_ table: [Int32], _ sums: [Double], _ i: Int) -> RankDistribution {
            let row = table[(i * n)..<(i * n + n)]
            return RankDistribution(
                id: risks[i].id, medianRank: MonteCarloPrioritisation.percentileRank(row, draws: draws, 0.5),
                rankLow: MonteCarloPrioritisation.percentileRank(row, draws: draws, 0.1),
                rankHigh: MonteCarloPrioritisation.percentileRank(row, draws: draws, 0.9),
                probabilityTopK: Double(row.prefix(min(topK, n)).reduce(0) { $0 + Int($1) }) / Double(draws), meanScore: sums[i] / Double(draws))
        }
        let spreads = (0..<n).map { i -> Spread in
            let row = effectivenessHistogram[(i * 101)..<(i * 101 + 101)]
            func percentile(_ p: Double) -> Double { Double(MonteCarloPrioritisation.percentileRank(row, draws: draws, p) - 1) / 100 }
            return Spread(p10: percentile(0.1), median: percentile(0.5), p90: percentile(0.9), mean: effectivenessSums[i] / Double(draws))
        }
        return Result(
            inherent: (0..<n).map { distribution(histogram, scoreSums, $0) },
            residual: (0..<n).map { distribution(residualHistogram, residualSums, $0) },
            effectiveness: spreads)
    }

    /// ``ResidualRisk/Factors`` laid out for the draws: the same formulas over a flat array of multipliers.
    struct FastFactors {
        let intent: Double
        let actorCapability: Double
        let technologyAccessibility: Double
        let opportunity: Double
        /// Dimension scores in ``ImpactDimension/allCases`` order; NaN where the dimension was not scored.
        let dimensions: [Double]
        let horizonYears: Int
        let derivedBefore: Double
        let maxDimension: Double

        init(_ factors: ResidualRisk.Factors) {
            intent = factors.intent
            actorCapability = factors.actorCapability
            technologyAccessibility = factors.technologyAccessibility
            opportunity = factors.opportunity
            dimensions = ImpactDimension.allCases.map { factors.dimensions[$0] ?? .nan }
            horizonYears = factors.horizonYears
            derivedBefore = factors.derivedLikelihood
            maxDimension = factors.dimensions.values.max() ?? .nan
        }

        func likelihoodRatio(_ m: [Double]) -> Double {
            guard m[0] < 1 || m[1] < 1 || m[2] < 1 || m[3] < 1, derivedBefore > 0 else { return m[4] }
            let threat =
                ResidualRisk.reduce(intent, m[0])
                * min(ResidualRisk.reduce(actorCapability, m[1]), ResidualRisk.reduce(technologyAccessibility, m[2]))
            let after = LikelihoodModel.probability(
                LikelihoodModel.score(threat: threat, opportunity: ResidualRisk.reduce(opportunity, m[3])), horizonYears: horizonYears)
            return min(after / derivedBefore, 1) * m[4]
        }

        func impactShare(_ m: [Double]) -> Double {
            guard !maxDimension.isNaN else { return m[5] }
            guard maxDimension > 1 else { return 1 }
            var after = 1.0
            for (k, value) in dimensions.enumerated() where !value.isNaN {
                after = max(after, ResidualRisk.reduce(value, m[5] * m[6 + k]))
            }
            return min((after - 1) / (maxDimension - 1), 1)
        }
    }
}
