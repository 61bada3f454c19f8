/// An estimate with its interval: low ≤ best ≤ high (DOMAIN.md §4, "every estimate carries an interval").
public struct UncertainEstimate: Sendable, Hashable, Codable {
    public let low: Double
    public let best: Double
    public let high: Double

    /// Refuses an interval out of order or outside `bounds`, naming the problem.
    public init(low: Double, best: Double, high: Double, within bounds: ClosedRange<Double>) throws(ValidationFailure) {
        guard low.isFinite, best.isFinite, high.isFinite else { throw ValidationFailure(field: "estimate", "validation.estimate.numbers") }
        guard bounds.contains(low), bounds.contains(best), bounds.contains(high) else {
            throw ValidationFailure(
                field: "estimate", "validation.estimate.between", ["min": String(bounds.lowerBound), "max": String(bounds.upperBound)])
        }
        guard low <= best else { throw ValidationFailure(field: "estimate", "validation.estimate.low-above-best") }
        guard best <= high else { throw ValidationFailure(field: "estimate", "validation.estimate.best-above-high") }
        self.low = low
        self.best = best
        self.high = high
    }

    /// For values ordered by construction inside this module (a monotone function at increasing arguments).
    init(ordered low: Double, _ best: Double, _ high: Double) {
        self.low = min(low, best)
        self.best = best
        self.high = max(high, best)
    }

    /// Inverse CDF of the triangular distribution (low, mode = best, high) at u ∈ [0, 1).
    public func triangular(_ u: Double) -> Double {
        let width = high - low
        guard width > 0 else { return best }
        let split = (best - low) / width
        if u < split {
            return low + (u * width * (best - low)).squareRoot()
        }
        return high - ((1 - u) * width * (high - best)).squareRoot()
    }
}
