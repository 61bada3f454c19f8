/// What the participants' rankings of one round say (issue 12): per item its mean and median rank and first places, and
/// Kendall's W with the tie correction over the participants' own rankings.
///
/// A top-k ranking leaves items out; those are tied below the last rank (rank k + 1 for the W and the mean), which is what
/// "not in my top k" means. Ties within a ranking count as ties.
public struct LiveRanking: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public let key: String
        public let meanRank: Double
        public let medianRank: Double
        /// Participants who put the item first (ties included).
        public let firstPlaces: Int
        /// Participants who ranked it at all (a top-k ranking may leave it out).
        public let rankedBy: Int
    }

    /// Items by mean rank, then median rank, then key.
    public let items: [Item]
    /// Kendall's W, nil with fewer than two rankings or two items.
    public let concordance: Double?
    public let rankings: Int

    /// `rankings`: one per participant, item key → rank (1 = first). `limit`: the k of a top-k ranking (0 = full).
    public init(keys: [String], rankings: [[String: Int]], limit: Int) {
        let bottom = Double((limit == 0 ? keys.count : limit) + 1)
        let completed = rankings.map { ranking in keys.map { ranking[$0].map(Double.init) ?? bottom } }
        self.rankings = rankings.count
        concordance = KendallW.coefficient(completed.map { $0.map { -$0 } })
        items = keys.enumerated().map { index, key in
            let ranks = completed.map { $0[index] }
            return Item(
                key: key, meanRank: ranks.isEmpty ? 0 : ranks.reduce(0, +) / Double(ranks.count),
                medianRank: ranks.isEmpty ? 0 : RatingSummary.quantile(ranks.sorted(), 0.5),
                firstPlaces: rankings.filter { $0[key] == 1 }.count, rankedBy: rankings.filter { $0[key] != nil }.count)
        }
        .sorted { ($0.meanRank, $0.medianRank, $0.key) < ($1.meanRank, $1.medianRank, $1.key) }
    }
}
