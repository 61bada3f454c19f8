import Foundation

/// Prioritisation with uncertainty (DOMAIN.md §4): each draw samples every risk's likelihood and impact from triangular
/// distributions over their intervals (likelihood on a log₁₀ scale, since its bands are logarithmic), scores
/// likelihood × impact, and ranks the risks. Counting ranks over the draws gives each risk a rank distribution.
/// The same seed always gives the same result.
public enum MonteCarloPrioritisation {
    public struct Result: Sendable {
        /// In the order of the input.
        public let ranks: [RankDistribution]
        /// P(A ranked above B) for the pairs asked for, keyed "A>B".
        public let pairwise: [String: Double]
    }

    public static func run(_ risks: [RiskEstimate], draws: Int, seed: UInt64, topK: Int = 5, pairs: [(String, String)] = []) -> Result {
        let n = risks.count
        guard n > 0, draws > 0 else { return Result(ranks: [], pairwise: [:]) }
        var generator = SplitMix64(seed: seed)
        // Likelihood is sampled in log₁₀ space; a zero probability is floored at 10⁻⁹ to keep the logarithm finite.
        let logLikelihoods = risks.map { risk -> (low: Double, best: Double, high: Double) in
            (log10(max(risk.likelihood.low, 1e-9)), log10(max(risk.likelihood.best, 1e-9)), log10(max(risk.likelihood.high, 1e-9)))
        }
        var histogram = [Int32](repeating: 0, count: n * n)
        var scoreSums = [Double](repeating: 0, count: n)
        let index = Dictionary(risks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pairIndices = pairs.compactMap { pair -> (Int, Int, String)? in
            guard let a = index[pair.0], let b = index[pair.1] else { return nil }
            return (a, b, "\(pair.0)>\(pair.1)")
        }
        var pairWins = [Int](repeating: 0, count: pairIndices.count)
        // Each draw sorts packed integer keys: the score as a Float bit pattern (monotone for non-negative values), inverted
        // so that ascending order is descending score, above the risk's index (exact ties keep input order).
        var keys = [UInt64](repeating: 0, count: n)
        var rankOf = [Int](repeating: 0, count: n)
        for _ in 0..<draws {
            for i in 0..<n {
                let l = logLikelihoods[i]
                let logP = triangular(low: l.low, mode: l.best, high: l.high, u: generator.nextUnit())
                let impact = risks[i].impact.triangular(generator.nextUnit())
                let score = pow10(logP) * impact
                keys[i] = UInt64(~Float(score).bitPattern) << 32 | UInt64(i)
                scoreSums[i] += score
            }
            keys.sort()
            for (rank, key) in keys.enumerated() {
                let index = Int(key & 0xFFFF_FFFF)
                rankOf[index] = rank
                histogram[index * n + rank] += 1
            }
            for (k, pair) in pairIndices.enumerated() where rankOf[pair.0] < rankOf[pair.1] { pairWins[k] += 1 }
        }
        let ranks = (0..<n).map { i -> RankDistribution in
            let row = histogram[(i * n)..<(i * n + n)]
            return RankDistribution(
                id: risks[i].id, medianRank: percentileRank(row, draws: draws, 0.5), rankLow: percentileRank(row, draws: draws, 0.1),
                rankHigh: percentileRank(row, draws: draws, 0.9),
                probabilityTopK: Double(row.prefix(min(topK, n)).reduce(0) { $0 + Int($1) }) / Double(draws),
                meanScore: scoreSums[i] / Double(draws))
        }
        var pairwise: [String: Double] = [:]
        for (k, pair) in pairIndices.enumerated() { pairwise[pair.2] = Double(pairWins[k]) / Double(draws) }
        return Result(ranks: ranks, pairwise: pairwise)
    }

    /// The smallest rank (1-based) whose cumulative share of draws reaches `p`.
    static func percentileRank(_ row: ArraySlice<Int32>, draws: Int, _ p: Double) -> Int {
        let target = p * Double(draws)
        var cumulative = 0.0
        for (offset, count) in row.enumerated() {
            cumulative += Double(count)
            if cumulative >= target { return offset + 1 }
        }
        return row.count
    }

    static func triangular(low: Double, mode: Double, high: Double, u: Double) -> Double {
        let width = high - low
        guard width > 0 else { return mode }
        if u < (mode - low) / width { return low + (u * width * (mode - low)).squareRoot() }
        return high - ((1 - u) * width * (high - mode)).squareRoot()
    }

    static func log10(_ x: Double) -> Double { Foundation.log10(x) }
    static func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }
}
