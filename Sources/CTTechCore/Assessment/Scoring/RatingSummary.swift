/// What a group of assessors said about one item in one round (DOMAIN.md §4, "several assessors").
///
/// Quartiles use linear interpolation between order statistics ("type 7": for sorted x₀…xₙ₋₁ and probability p,
/// h = (n − 1)p and Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋)). Consensus when there are at least the method's minimum
/// number of ratings (``MethodVersion/consensusMinimumRatings``, 3 by default), IQR ≤ 1 and at least 75 % of the ratings
/// lie within ±1 of the median. Below the minimum the summary says "too few ratings": one assessor agrees with nobody.
public struct RatingSummary: Sendable, Hashable, Codable {
    /// Whether the group agrees.
    public enum Agreement: String, Sendable, Hashable, Codable {
        case consensus
        case noConsensus = "no-consensus"
        case tooFewRatings = "too-few-ratings"

        public var label: String {
            switch self {
            case .consensus: "consensus"
            case .noConsensus: "no consensus"
            case .tooFewRatings: "too few ratings"
            }
        }
    }

    public let count: Int
    public let median: Double
    public let mean: Double
    public let minimum: Double
    public let maximum: Double
    public let lowerQuartile: Double
    public let upperQuartile: Double
    public var interquartileRange: Double { upperQuartile - lowerQuartile }
    /// Share of ratings within ±1 of the median, 0…1.
    public let shareNearMedian: Double
    public let agreement: Agreement
    /// The group agrees and is large enough to say so.
    public var consensus: Bool { agreement == .consensus }

    /// Nil for no ratings: an assessor who did not score is not carried forward, and nothing is invented.
    public init?(_ ratings: [Double], minimumForConsensus: Int = MethodVersion.defaultConsensusMinimumRatings) {
        guard !ratings.isEmpty else { return nil }
        let sorted = ratings.sorted()
        count = sorted.count
        let middle = Self.quantile(sorted, 0.5)
        median = middle
        mean = sorted.reduce(0, +) / Double(sorted.count)
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        lowerQuartile = Self.quantile(sorted, 0.25)
        upperQuartile = Self.quantile(sorted, 0.75)
        let near = sorted.filter { abs($0 - middle) <= 1 }.count
        shareNearMedian = Double(near) / Double(sorted.count)
        agreement =
            sorted.count < minimumForConsensus
            ? .tooFewRatings : (upperQuartile - lowerQuartile <= 1 && shareNearMedian >= 0.75 ? .consensus : .noConsensus)
    }

    /// Type-7 quantile of already sorted values.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(p))
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}

extension RatingSummary {
    /// n, median, mean, minimum, maximum, Q1, Q3 and IQR as CSV cells, in that order (the live and round exports).
    public var csvFigures: [String] {
        [String(count)] + [median, mean, minimum, maximum, lowerQuartile, upperQuartile, interquartileRange].map(RegisterDocument.number)
    }
}
