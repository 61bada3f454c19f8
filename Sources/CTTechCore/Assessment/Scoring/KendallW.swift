/// Kendall's coefficient of concordance W with the correction for ties (DOMAIN.md §4: "Rankings: Kendall's W").
///
/// For m raters ranking n items: each rater's scores become ranks (ties get their average rank), Rᵢ is item i's rank
/// sum, S = Σ(Rᵢ − R̄)², and W = 12S / (m²(n³ − n) − m·ΣT) with T = Σ(t³ − t) over each rater's groups of t tied items.
/// W is 1 for identical rankings and 0 for no agreement.
public enum KendallW {
    /// `scores[rater][item]`: higher score = ranked higher. Nil when fewer than 2 raters or items, or rows differ in length,
    /// or every rater tied every item (W undefined).
    public static func coefficient(_ scores: [[Double]]) -> Double? {
        let m = scores.count
        guard m >= 2, let n = scores.first?.count, n >= 2, scores.allSatisfy({ $0.count == n }) else { return nil }
        var rankSums = [Double](repeating: 0, count: n)
        var tieCorrection = 0.0
        for row in scores {
            let (ranks, ties) = averageRanks(row)
            for i in 0..<n { rankSums[i] += ranks[i] }
            tieCorrection += ties
        }
        let meanRankSum = Double(m) * Double(n + 1) / 2
        let s = rankSums.reduce(0) { $0 + ($1 - meanRankSum) * ($1 - meanRankSum) }
        let md = Double(m)
        let nd = Double(n)
        let denominator = md * md * (nd * nd * nd - nd) - md * tieCorrection
        guard denominator > 0 else { return nil }
        return 12 * s / denominator
    }

    /// Ranks 1…n (1 = lowest score) with ties averaged, and Σ(t³ − t) over the tie groups.
    static func averageRanks(_ values: [Double]) -> (ranks: [Double], ties: Double) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var ties = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end + 2) / 2
            for k in start...end { ranks[order[k]] = average }
            let t = Double(end - start + 1)
            ties += t * t * t - t
            start = end + 1
        }
        return (ranks, ties)
    }
}
