import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Threat scoring and bands (DOMAIN.md §4)")
struct ScoringTests {
    func f(_ v: Int) -> FactorScore {
        guard let score = FactorScore(v) else { preconditionFailure("test values are 1...5") }
        return score
    }

    @Test func handComputedThreats() {
        #expect(ThreatScore.threat(intent: f(4), actorCapability: f(3), technologyAccessibility: f(5)) == 12)  // 4 × min(3, 5)
        #expect(ThreatScore.threat(intent: f(5), actorCapability: f(5), technologyAccessibility: f(2)) == 10)  // 5 × min(5, 2)
        #expect(ThreatScore.threat(intent: f(5), actorCapability: f(5), technologyAccessibility: f(5)) == 25)
        #expect(ThreatScore.threat(intent: f(1), actorCapability: f(5), technologyAccessibility: f(5)) == 5)
        #expect(FactorScore(0) == nil && FactorScore(6) == nil)
    }

    @Test(arguments: [
        (1.0, ThreatBand.low), (5, .low), (5.5, .moderate), (9, .moderate), (9.5, .substantial), (14, .substantial), (14.5, .severe),
        (19, .severe), (19.5, .critical), (25, .critical),
    ])
    func bandsRoundFractionalMediansUp(score: Double, band: ThreatBand) {
        #expect(ThreatBand.band(for: score) == band)
    }

    /// Law: threat never falls when any factor rises.
    @Test func threatIsMonotoneInEveryFactor() async {
        let factor = Gen.int(in: 1...5)
        await propertyCheck(input: factor, factor, factor, Gen.int(in: 0...2)) { i, a, t, which in
            let base = ThreatScore.threat(intent: f(i), actorCapability: f(a), technologyAccessibility: f(t))
            let raised: Int
            switch which {
            case 0: raised = ThreatScore.threat(intent: f(min(i + 1, 5)), actorCapability: f(a), technologyAccessibility: f(t))
            case 1: raised = ThreatScore.threat(intent: f(i), actorCapability: f(min(a + 1, 5)), technologyAccessibility: f(t))
            default: raised = ThreatScore.threat(intent: f(i), actorCapability: f(a), technologyAccessibility: f(min(t + 1, 5)))
            }
            #expect(raised >= base)
            #expect((1...25).contains(base))
        }
    }

    /// Law: a factor at 1 keeps the threat Low, whatever the others (no compensation).
    @Test func noFactorCompensatesForAnother() async {
        let factor = Gen.int(in: 1...5)
        await propertyCheck(input: factor, factor) { x, y in
            #expect(ThreatBand.band(for: Double(ThreatScore.threat(intent: f(1), actorCapability: f(x), technologyAccessibility: f(y)))) == .low)
            #expect(ThreatBand.band(for: Double(ThreatScore.threat(intent: f(x), actorCapability: f(1), technologyAccessibility: f(y)))) == .low)
            #expect(ThreatBand.band(for: Double(ThreatScore.threat(intent: f(x), actorCapability: f(y), technologyAccessibility: f(1)))) == .low)
        }
    }

    @Test func likelihoodBands() {
        #expect(LikelihoodBand.band(for: 0.001) == .remote)
        #expect(LikelihoodBand.band(for: 0.002) == .remote)
        #expect(LikelihoodBand.band(for: 0.0021) == .unlikely)
        #expect(LikelihoodBand.band(for: 0.05) == .possible)
        #expect(LikelihoodBand.band(for: 0.2) == .likely)
        #expect(LikelihoodBand.band(for: 0.3) == .veryLikely)
    }

    @Test func intervalsMustBeOrderedAndInBounds() throws {
        #expect(throws: ValidationFailure(field: "estimate", "low must not exceed best")) {
            try UncertainEstimate(low: 0.3, best: 0.2, high: 0.4, within: 0...1)
        }
        #expect(throws: ValidationFailure(field: "estimate", "best must not exceed high")) {
            try UncertainEstimate(low: 0.1, best: 0.5, high: 0.4, within: 0...1)
        }
        #expect(throws: ValidationFailure.self) { try UncertainEstimate(low: 1, best: 3, high: 6, within: 1...5) }
        #expect(throws: ValidationFailure.self) { try UncertainEstimate(low: .nan, best: 3, high: 4, within: 1...5) }
        let e = try UncertainEstimate(low: 1, best: 2, high: 4, within: 1...5)
        #expect(e.triangular(0) == 1)
        #expect(abs(e.triangular(1.0 / 3.0) - 2) < 1e-12)  // the mode sits at F = (best − low)/(high − low) = 1/3
        #expect(abs(e.triangular(0.999_999_999) - 4) < 1e-3)
    }

    @Test func customBandsAndMatricesAreChecked() throws {
        try RiskScale.validateBands(ThreatBand.defaultUpperBounds)
        #expect(throws: ValidationFailure(field: "bands", "band 3 ends at 9.0, not above band 2 (9.0)")) {
            try RiskScale.validateBands([5, 9, 9, 19, 25])
        }
        #expect(throws: ValidationFailure.self) { try RiskScale.validateBands([5, 9, 14, 19, 24]) }
        let colours = [1: "green", 2: "amber", 3: "red"]
        try RiskScale.validateMatrix(levels: [[1, 1, 2], [1, 2, 3], [2, 3, 3]], colours: colours)
        #expect(throws: ValidationFailure.self) { try RiskScale.validateMatrix(levels: [[1, 2, 1], [1, 2, 3], [2, 3, 3]], colours: colours) }
        #expect(throws: ValidationFailure.self) { try RiskScale.validateMatrix(levels: [[1, 1, 2], [1, 2, 3], [2, 1, 3]], colours: colours) }
        #expect(throws: ValidationFailure.self) {
            try RiskScale.validateMatrix(levels: [[1, 2], [2, 3]], colours: [1: "green", 2: "red", 3: "red"])
        }
    }
}

@Suite("Aggregation of several assessors (DOMAIN.md §4)")
struct AggregationTests {
    @Test func type7QuartilesHandComputed() throws {
        // R: quantile(c(1, 2, 3, 4), type = 7) → 1.75, 2.5, 3.25
        let s = try #require(RatingSummary([4, 1, 3, 2]))
        #expect(s.lowerQuartile == 1.75)
        #expect(s.median == 2.5)
        #expect(s.upperQuartile == 3.25)
        #expect(s.interquartileRange == 1.5)
        #expect(s.mean == 2.5)
        #expect(!s.consensus)
        #expect(RatingSummary([]) == nil)
        #expect(try #require(RatingSummary([7])).median == 7)
    }

    @Test func consensusNeedsNarrowIQRAndThreeQuartersNearTheMedian() throws {
        let agreed = try #require(RatingSummary([3, 3, 4, 4, 5]))  // median 4, Q1 3, Q3 4, all within ±1
        #expect(agreed.consensus)
        let boundary = try #require(RatingSummary([2, 2, 2, 5]))  // IQR 0.75, exactly 75 % within ±1
        #expect(boundary.interquartileRange == 0.75)
        #expect(boundary.shareNearMedian == 0.75)
        #expect(boundary.consensus)
        let split = try #require(RatingSummary([1, 2, 4, 5, 5]))  // median 4, Q1 2, Q3 5 → IQR 3
        #expect(!split.consensus)
        let wideTails = try #require(RatingSummary([1, 3, 3, 3, 3, 3, 5, 5]))  // IQR 0.5 but only 5/8 within ±1
        #expect(wideTails.interquartileRange <= 1)
        #expect(!wideTails.consensus)
    }

    /// Issue 8, item 1: one assessor's score once showed "consensus: yes". Below the method's minimum number of ratings
    /// (3 by default) the summary says "too few ratings", whatever the spread.
    @Test func consensusNeedsTheMinimumNumberOfRatings() throws {
        #expect(try #require(RatingSummary([4])).agreement == .tooFewRatings)
        #expect(try #require(RatingSummary([4, 4])).agreement == .tooFewRatings)
        #expect(try #require(RatingSummary([4, 4, 4])).agreement == .consensus)
        #expect(try #require(RatingSummary([1, 4, 5])).agreement == .noConsensus)
        #expect(try #require(RatingSummary([4, 4, 4], minimumForConsensus: 4)).agreement == .tooFewRatings)
        #expect(try #require(RatingSummary([4], minimumForConsensus: 1)).agreement == .consensus)
        #expect(!(try #require(RatingSummary([4]))).consensus)
        #expect(MethodVersion.ctTechDefault.consensusMinimumRatings == 3)
    }

    /// Laws: permutation invariance and order of the summary statistics.
    @Test func summaryIsPermutationInvariantAndOrdered() async {
        await propertyCheck(input: Gen.int(in: 1...25).array(of: 1...20)) { values in
            let ratings = values.map(Double.init)
            guard let a = RatingSummary(ratings), let b = RatingSummary(ratings.reversed()), let c = RatingSummary(ratings.shuffled()) else {
                Issue.record("non-empty ratings must summarise")
                return
            }
            #expect(a == b && b == c)
            #expect(a.minimum <= a.lowerQuartile && a.lowerQuartile <= a.median && a.median <= a.upperQuartile && a.upperQuartile <= a.maximum)
            #expect(a.minimum <= a.mean && a.mean <= a.maximum)
        }
    }

    @Test func kendallWHandComputed() throws {
        // Identical rankings: W = 1. Opposite rankings of 3 items by 2 raters: every rank sum is 4, S = 0, W = 0.
        #expect(KendallW.coefficient([[1, 2, 3, 4], [10, 20, 30, 40], [0.1, 0.2, 0.3, 0.4]]) == 1)
        #expect(KendallW.coefficient([[3, 2, 1], [1, 2, 3]]) == 0)
        // Ties: rater A [1, 1, 2] → ranks 1.5, 1.5, 3 (T = 2³ − 2 = 6); rater B [1, 2, 3] → 1, 2, 3.
        // R = 2.5, 3.5, 6; R̄ = 4; S = 2.25 + 0.25 + 4 = 6.5; W = 12 · 6.5 / (2² · (27 − 3) − 2 · 6) = 78 / 84.
        let w = try #require(KendallW.coefficient([[1, 1, 2], [1, 2, 3]]))
        #expect(abs(w - 78.0 / 84.0) < 1e-12)
        #expect(KendallW.coefficient([[1, 2]]) == nil)
        #expect(KendallW.coefficient([[1, 1], [2, 2]]) == nil)
    }

    /// Law: W stays within [0, 1] and does not depend on the order of the raters.
    @Test func kendallWIsBoundedAndRaterOrderFree() async {
        await propertyCheck(input: Gen.int(in: 1...5).array(of: 4...4).array(of: 2...6)) { rows in
            let scores = rows.map { $0.map(Double.init) }
            guard let w = KendallW.coefficient(scores) else { return }
            #expect(w >= -1e-12 && w <= 1 + 1e-12)
            #expect(abs((KendallW.coefficient(scores.reversed()) ?? -1) - w) < 1e-12)
        }
    }
}

@Suite("Monte Carlo prioritisation (DOMAIN.md §4)")
struct MonteCarloTests {
    func risk(_ id: String, p: (Double, Double, Double), impact: (Double, Double, Double)) throws -> RiskEstimate {
        RiskEstimate(
            id: id, likelihood: try UncertainEstimate(low: p.0, best: p.1, high: p.2, within: 0...1),
            impact: try UncertainEstimate(low: impact.0, best: impact.1, high: impact.2, within: 1...5))
    }

    @Test func certainEstimatesRankExactly() throws {
        let risks = [
            try risk("low", p: (0.01, 0.01, 0.01), impact: (2, 2, 2)),  // score 0.02
            try risk("high", p: (0.5, 0.5, 0.5), impact: (5, 5, 5)),  // score 2.5
            try risk("mid", p: (0.1, 0.1, 0.1), impact: (3, 3, 3)),  // score 0.3
        ]
        let result = MonteCarloPrioritisation.run(risks, draws: 200, seed: 1, topK: 2, pairs: [("high", "low"), ("low", "mid")])
        #expect(result.ranks.map(\.medianRank) == [3, 1, 2])
        #expect(result.ranks.map(\.rankLow) == result.ranks.map(\.rankHigh))
        #expect(result.ranks.map(\.probabilityTopK) == [0, 1, 1])
        #expect(abs(result.ranks[1].meanScore - 2.5) < 1e-9)
        #expect(result.pairwise["high>low"] == 1)
        #expect(result.pairwise["low>mid"] == 0)
    }

    @Test func sameSeedSameResultOtherSeedOtherDraws() throws {
        let risks = try (0..<20).map { i in
            try risk("r\(i)", p: (0.001, 0.01 + Double(i) * 0.001, 0.2), impact: (1, 3, 5))
        }
        let a = MonteCarloPrioritisation.run(risks, draws: 500, seed: 42)
        let b = MonteCarloPrioritisation.run(risks, draws: 500, seed: 42)
        let c = MonteCarloPrioritisation.run(risks, draws: 500, seed: 43)
        #expect(a.ranks == b.ranks)
        #expect(a.ranks.map(\.meanScore) != c.ranks.map(\.meanScore))
    }

    /// Law: as assessors agree (intervals shrink towards the best estimate), the 80 % rank intervals narrow.
    @Test func rankIntervalsNarrowAsEstimatesAgree() async throws {
        await propertyCheck(count: 20, input: Gen.int(in: 1...1_000_000)) { seed in
            var generator = SplitMix64(seed: UInt64(seed))
            let bests = (0..<12).map { _ in (p: 0.01 + generator.nextUnit() * 0.2, impact: 1.5 + generator.nextUnit() * 3) }
            func widths(_ spread: Double) -> Int {
                let risks = bests.enumerated().compactMap { i, b in
                    try? risk(
                        "r\(i)", p: (b.p * (1 - spread), b.p, min(1, b.p * (1 + spread))),
                        impact: (max(1, b.impact - 4 * spread), b.impact, min(5, b.impact + 4 * spread)))
                }
                return MonteCarloPrioritisation.run(risks, draws: 400, seed: UInt64(seed)).ranks.reduce(0) { $0 + $1.rankHigh - $1.rankLow }
            }
            #expect(widths(0.05) <= widths(0.9))
        }
    }
}
