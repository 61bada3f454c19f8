import Foundation

/// Where a risk lands across all draws: its rank with uncertainty (rank 1 = highest risk).
public struct RankDistribution: Sendable, Hashable {
    public let id: String
    public let medianRank: Int
    /// 10th and 90th percentile ranks: the 80 % rank interval.
    public let rankLow: Int
    public let rankHigh: Int
    /// Share of draws in which the risk was among the `topK` highest.
    public let probabilityTopK: Double
    /// Mean of likelihood × impact over the draws.
    public let meanScore: Double
}
