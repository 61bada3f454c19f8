/// What a response declares it does: it reduces one factor by a share given as an interval of percentages (low ≤ best ≤
/// high, each 0–100). An impact effect names the dimension it reduces, or none for every dimension.
public struct DeclaredEffect: Sendable, Codable, Hashable {
    public var factor: EffectFactor
    /// The impact dimension reduced (impact effects only; nil: every dimension).
    public var dimension: ImpactDimension?
    /// Reduction in per cent, low ≤ best ≤ high within 0–100.
    public var low: Double
    public var best: Double
    public var high: Double

    public init(factor: EffectFactor, dimension: ImpactDimension? = nil, low: Double, best: Double, high: Double) {
        self.factor = factor
        self.dimension = factor == .impact ? dimension : nil
        self.low = low
        self.best = best
        self.high = high
    }

    /// The reduction at one point of its interval, as a share 0–1 (values outside 0–100 are clamped).
    public func share(_ point: ReductionPoint) -> Double {
        let percent: Double
        switch point {
        case .low: percent = low
        case .best: percent = best
        case .high: percent = high
        }
        return min(max(percent, 0), 100) / 100
    }

    /// A reduction drawn from the triangular distribution over the interval, as a share 0–1, at u ∈ [0, 1).
    public func sampledShare(_ u: Double) -> Double {
        let a = share(.low)
        let m = share(.best)
        let b = share(.high)
        let width = b - a
        guard width > 0 else { return m }
        if u < (m - a) / width { return a + (u * width * (m - a)).squareRoot() }
        return b - ((1 - u) * width * (b - m)).squareRoot()
    }
}

/// Which end of an interval a deterministic figure is computed at.
public enum ReductionPoint: String, Sendable, Codable, CaseIterable, Hashable {
    case low, best, high
}
