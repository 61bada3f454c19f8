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
        let logLikelihoods = risks.map { risk -> (low: Double, best: Double, high: Double) in
            (log10(max(risk.likelihood.low, 1e-9)), log10(max(risk.likelihood.best, 1e-9)), log10(max(risk.likelihood.high, 1e-9)))
        }
        let impacts = risks.map(\.impact)
        // The hot loop reads flat buffers only (no reference counting, no bounds checks): each risk's factors, its acting
        // effects as (slot, effect) pairs from `actStart[i]` to `actStart[i + 1]`, and the slots they touch.
        let layout = FastLayout(factors: factors, reductions: reductions, slots: slots)
        // Rank counts in 16 bits, half the memory of the random increments of each draw; every 65,535 draws they are added
        // to the 32-bit totals, so no count overflows.
        let histogram = Buffer<UInt16>(n * n, value: 0)
        let residualHistogram = Buffer<UInt16>(n * n, value: 0)
        var table = [Int32](repeating: 0, count: n * n)
        var residualTable = [Int32](repeating: 0, count: n * n)
        func flush() {
            for k in 0..<(n * n) {
                table[k] += Int32(histogram[k])
                residualTable[k] += Int32(residualHistogram[k])
                histogram[k] = 0
                residualHistogram[k] = 0
            }
        }
        let effectivenessHistogram = Buffer<Int32>(n * 101, value: 0)
        let scoreSums = Buffer<Double>(n, value: 0)
        let residualSums = Buffer<Double>(n, value: 0)
        let effectivenessSums = Buffer<Double>(n, value: 0)
        let scores = Buffer<Double>(n, value: 0)
        let residuals = Buffer<Double>(n, value: 0)
        let shares = Buffer<Double>(max(effects.count, 1), value: 0)
        let m = Buffer<Double>(slotCount, value: 1)
        defer {
            [histogram, residualHistogram].forEach { $0.free() }
            effectivenessHistogram.free()
            [scoreSums, residualSums, effectivenessSums, scores, residuals, shares, m].forEach { $0.free() }
        }
        // Each draw's ranking: keys (score as an inverted Float bit pattern above the risk's index) in index order, sorted
        // by a stable radix sort on the score bits, so exact ties keep index order — the same ranking as
        // ``MonteCarloPrioritisation``'s sort of the whole key.
        let keys = Buffer<UInt64>(n, value: 0)
        let scratch = Buffer<UInt64>(n, value: 0)
        let counts = Buffer<Int>(RadixSort.buckets, value: 0)
        defer { [keys, scratch].forEach { $0.free() }; counts.free() }
        for draw in 0..<draws {
            if draw > 0 && draw % Int(UInt16.max) == 0 { flush() }
            for e in effects.indices { shares[e] = effects[e].sampledShare(effectGenerators[e].nextUnit()) }
            for i in 0..<n {
                let l = logLikelihoods[i]
                let likelihood = pow(10, MonteCarloPrioritisation.triangular(low: l.low, mode: l.best, high: l.high, u: generator.nextUnit()))
                let impact = impacts[i].triangular(generator.nextUnit())
                let score = likelihood * impact
                var residual = score
                let (from, to) = (layout.actStart[i], layout.actStart[i + 1])
                if from < to {
                    for k in from..<to { m[layout.actSlot[k]] *= 1 - shares[layout.actEffect[k]] }
                    let ratio = layout.likelihoodRatio(i, m)
                    let share = layout.impactShare(i, m)
                    residual = min(likelihood * ratio * ResidualRisk.reduce(impact, share), score)
                    for k in layout.touchStart[i]..<layout.touchStart[i + 1] { m[layout.touchSlot[k]] = 1 }
                }
                scores[i] = score
                residuals[i] = residual
                scoreSums[i] += score
                residualSums[i] += residual
                let effectiveness = score > 0 ? 1 - residual / score : 0
                effectivenessSums[i] += effectiveness
                effectivenessHistogram[i * 101 + min(max(Int((effectiveness * 100).rounded()), 0), 100)] += 1
            }
            for i in 0..<n { keys[i] = UInt64(~Float(scores[i]).bitPattern) << 32 | UInt64(i) }
            RadixSort.sortByHigh32(keys, scratch: scratch, counts: counts)
            for rank in 0..<n { histogram[Int(keys[rank] & 0xFFFF_FFFF) * n + rank] += 1 }
            for i in 0..<n { keys[i] = UInt64(~Float(residuals[i]).bitPattern) << 32 | UInt64(i) }
            RadixSort.sortByHigh32(keys, scratch: scratch, counts: counts)
            for rank in 0..<n { residualHistogram[Int(keys[rank] & 0xFFFF_FFFF) * n + rank] += 1 }
        }
        flush()
        let effectivenessTable = effectivenessHistogram.array
        let (sums, residualSumsArray, effectivenessSumsArray) = (scoreSums.array, residualSums.array, effectivenessSums.array)
        func distribution(_ table: [Int32], _ sums: [Double], _ i: Int) -> RankDistribution {
            let row = table[(i * n)..<(i * n + n)]
            return RankDistribution(
                id: risks[i].id, medianRank: MonteCarloPrioritisation.percentileRank(row, draws: draws, 0.5),
                rankLow: MonteCarloPrioritisation.percentileRank(row, draws: draws, 0.1),
                rankHigh: MonteCarloPrioritisation.percentileRank(row, draws: draws, 0.9),
                probabilityTopK: Double(row.prefix(min(topK, n)).reduce(0) { $0 + Int($1) }) / Double(draws), meanScore: sums[i] / Double(draws))
        }
        let spreads = (0..<n).map { i -> Spread in
            let row = effectivenessTable[(i * 101)..<(i * 101 + 101)]
            func percentile(_ p: Double) -> Double { Double(MonteCarloPrioritisation.percentileRank(row, draws: draws, p) - 1) / 100 }
            return Spread(p10: percentile(0.1), median: percentile(0.5), p90: percentile(0.9), mean: effectivenessSumsArray[i] / Double(draws))
        }
        return Result(
            inherent: (0..<n).map { distribution(table, sums, $0) }, residual: (0..<n).map { distribution(residualTable, residualSumsArray, $0) },
            effectiveness: spreads)
    }

    /// A stable least-significant-digit radix sort of keys by their high 32 bits (three passes of 11 bits): equal high
    /// halves keep their input order.
    enum RadixSort {
        static let buckets = 1 << 11

        static func sortByHigh32(_ keys: Buffer<UInt64>, scratch: Buffer<UInt64>, counts: Buffer<Int>) {
            let n = keys.count
            var source = keys.base
            var target = scratch.base
            for pass in 0..<3 {
                let shift = UInt64(32 + pass * 11)
                for b in 0..<buckets { counts[b] = 0 }
                for k in 0..<n { counts[Int((source[k] >> shift) & 0x7FF)] += 1 }
                var total = 0
                for b in 0..<buckets {
                    let c = counts[b]
                    counts[b] = total
                    total += c
                }
                for k in 0..<n {
                    let digit = Int((source[k] >> shift) & 0x7FF)
                    target[counts[digit]] = source[k]
                    counts[digit] += 1
                }
                swap(&source, &target)
            }
            // Three passes leave the result in the scratch buffer: copy it back.
            keys.base.update(from: source, count: n)
        }
    }

    /// A fixed-size buffer for the draws' inner loop: no copy on write, no reference counting per access.
    final class Buffer<Element>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Element>
        let count: Int

        init(_ count: Int, value: Element) {
            self.count = count
            base = .allocate(capacity: max(count, 1))
            base.initialize(repeating: value, count: count)
        }

        subscript(_ i: Int) -> Element {
            get { base[i] }
            set { base[i] = newValue }
        }

        var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

        func free() {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    /// ``ResidualRisk/Factors`` and the acting effects laid out flat for the draws: the same formulas over a flat array
    /// of multipliers (`m`: five factors, every dimension, then each dimension).
    struct FastLayout {
        let hasFactors: [Bool]
        let intent: [Double]
        let actorCapability: [Double]
        let technologyAccessibility: [Double]
        let opportunity: [Double]
        let horizonYears: [Int]
        let derivedBefore: [Double]
        let maxDimension: [Double]
        /// Dimension scores, `dimensionCount` per risk; NaN where a dimension was not scored.
        let dimensions: [Double]
        let actStart: [Int]
        let actSlot: [Int]
        let actEffect: [Int]
        let touchStart: [Int]
        let touchSlot: [Int]
        static let dimensionCount = ImpactDimension.allCases.count

        init(factors: [ResidualRisk.Factors?], reductions: [[Int]], slots: [Int]) {
            hasFactors = factors.map { $0 != nil }
            intent = factors.map { $0?.intent ?? 1 }
            actorCapability = factors.map { $0?.actorCapability ?? 1 }
            technologyAccessibility = factors.map { $0?.technologyAccessibility ?? 1 }
            opportunity = factors.map { $0?.opportunity ?? 1 }
            horizonYears = factors.map { $0?.horizonYears ?? 1 }
            derivedBefore = factors.map { f in
                f.map { Self.probability(LikelihoodModel.score(threat: $0.threat, opportunity: $0.opportunity), horizonYears: $0.horizonYears) } ?? 0
            }
            maxDimension = factors.map { $0?.dimensions.values.max() ?? .nan }
            dimensions = factors.flatMap { f in ImpactDimension.allCases.map { f?.dimensions[$0] ?? .nan } }
            var actStart = [0]
            var actSlot: [Int] = []
            var actEffect: [Int] = []
            var touchStart = [0]
            var touchSlot: [Int] = []
            for list in reductions {
                for e in list {
                    actSlot.append(slots[e])
                    actEffect.append(e)
                }
                actStart.append(actSlot.count)
                touchSlot += Set(list.map { slots[$0] }).sorted()
                touchStart.append(touchSlot.count)
            }
            (self.actStart, self.actSlot, self.actEffect, self.touchStart, self.touchSlot) = (actStart, actSlot, actEffect, touchStart, touchSlot)
        }

        /// ``LikelihoodModel``'s probability, with 10^x as e^(x·ln 10) and the horizon's power as repeated products (the
        /// same values to within rounding, at a fraction of the cost of `pow` in the draws' inner loop).
        static func probability(_ s: Double, horizonYears: Int) -> Double {
            let annual = exp((-3 + 2.5 * min(max(s, 0), 1)) * 2.302_585_092_994_046)
            let kept = 1 - annual
            var power = 1.0
            for _ in 0..<max(horizonYears, 1) { power *= kept }
            return 1 - power
        }

        /// ``ResidualRisk/likelihoodRatio(_:_:)`` for risk `i`.
        func likelihoodRatio(_ i: Int, _ m: Buffer<Double>) -> Double {
            guard hasFactors[i], m[0] < 1 || m[1] < 1 || m[2] < 1 || m[3] < 1, derivedBefore[i] > 0 else { return m[4] }
            let threat =
                ResidualRisk.reduce(intent[i], m[0])
                * min(ResidualRisk.reduce(actorCapability[i], m[1]), ResidualRisk.reduce(technologyAccessibility[i], m[2]))
            let after = Self.probability(
                LikelihoodModel.score(threat: threat, opportunity: ResidualRisk.reduce(opportunity[i], m[3])), horizonYears: horizonYears[i])
            return min(after / derivedBefore[i], 1) * m[4]
        }

        /// ``ResidualRisk/impactShare(_:_:)`` for risk `i`.
        func impactShare(_ i: Int, _ m: Buffer<Double>) -> Double {
            let top = maxDimension[i]
            guard hasFactors[i], !top.isNaN else { return m[5] }
            guard top > 1 else { return 1 }
            var after = 1.0
            let base = i * Self.dimensionCount
            for k in 0..<Self.dimensionCount {
                let value = dimensions[base + k]
                if !value.isNaN { after = max(after, ResidualRisk.reduce(value, m[5] * m[6 + k])) }
            }
            return min((after - 1) / (top - 1), 1)
        }
    }
}
