/// The national risk register: scenarios and other risks ranked together with uncertainty (DOMAIN.md §4).
public struct RiskRegister: Sendable {
    public struct Entry: Sendable, Hashable {
        public let id: String
        public let title: String
        public let kind: Kind
        /// Median, spread and consensus of the assessors' own I × C scores (scenarios only).
        public let threat: RatingSummary?
        public let band: ThreatBand?
        public let likelihood: UncertainEstimate
        public let impact: UncertainEstimate
        /// The median of the assessors' scores on each impact dimension (scenarios only; other risks have one impact).
        public let impactByDimension: [ImpactDimension: Double]
        public let confidence: Confidence
        public let rank: RankDistribution
        /// High impact (best ≥ 4) with low confidence: an intelligence requirement.
        public let intelligenceRequirement: Bool
        /// Median of the likelihood derived from each assessor's own I × C and opportunity (``LikelihoodModel``), scenarios only.
        public let derivedLikelihood: Double?
        /// The revealed round whose scores this entry shows (scenarios only): the register's basis round, or an earlier
        /// one when nobody scored the scenario in the basis round.
        public let scoredRound: Int?

        /// The elicited best likelihood is more than ten times above or below the derived one: worth a look in discussion.
        public var likelihoodDivergent: Bool {
            guard let derivedLikelihood, derivedLikelihood > 0, likelihood.best > 0 else { return false }
            let ratio = likelihood.best / derivedLikelihood
            return ratio > 10 || ratio < 0.1
        }
    }

    public enum Kind: String, Sendable, Hashable { case scenario, otherRisk = "other-risk" }

    /// How far the assessors agree on the order of the scenarios: Kendall's W over the assessors who scored every
    /// scenario of the round, each ranking the scenarios by their own best likelihood × combined impact.
    public struct Agreement: Sendable, Hashable {
        public let w: Double
        public let assessors: Int
        public let scenarios: Int
    }

    public let entries: [Entry]
    public let agreement: Agreement?

    public init(entries: [Entry], agreement: Agreement?) {
        self.entries = entries
        self.agreement = agreement
    }

    /// A register with no entries (no revealed round yet).
    public static let empty = RiskRegister(entries: [], agreement: nil)

    /// Builds the register from the scores of the revealed rounds up to `round` and the other risks.
    ///
    /// Per scenario, from the latest of those rounds in which anyone scored it: threat = summary of the assessors' I × C;
    /// likelihood = the medians of their low, best and high; impact = the minimum, median and maximum of their combined
    /// impacts; confidence = the most common one (ties go to the lower). A scenario nobody scored in `round` keeps the
    /// values of the last revealed round that scored it, and its entry says which round (``Entry/scoredRound``): a round
    /// in which few scored never empties the register. Scenarios never scored are left out (nothing is invented).
    /// Agreement (Kendall's W) is over the scenarios scored in `round` only. Entries are ordered by median rank, then mean
    /// score.
    public static func compute(
        scenarios: [ThreatScenario], scores: [ScenarioScore], round: Int, otherRisks: [OtherRisk], draws: Int = 10_000, seed: UInt64 = 2024,
        consensusMinimum: Int = MethodVersion.defaultConsensusMinimumRatings
    ) -> RiskRegister {
        struct Prepared {
            var id: String
            var title: String
            var kind: Kind
            var threat: RatingSummary?
            var likelihood: UncertainEstimate
            var impact: UncertainEstimate
            var dimensions: [ImpactDimension: Double]
            var confidence: Confidence
            var derived: Double?
            var scoredRound: Int?
        }
        var prepared: [Prepared] = []
        let byScenario = Dictionary(grouping: scores.filter { $0.round == round }, by: \.scenarioID)
        let latest = Dictionary(grouping: scores.filter { $0.round <= round }, by: \.scenarioID).mapValues { all in
            let last = all.map(\.round).max() ?? 0
            return all.filter { $0.round == last }
        }
        for scenario in scenarios {
            guard let own = latest[scenario.id], let scoredRound = own.first?.round,
                let threat = RatingSummary(own.map { Double($0.threat) }, minimumForConsensus: consensusMinimum)
            else { continue }
            let median = { (values: [Double]) in RatingSummary.quantile(values.sorted(), 0.5) }
            let lows = own.map(\.likelihood.low)
            let bests = own.map(\.likelihood.best)
            let highs = own.map(\.likelihood.high)
            let (l, b, h) = (median(lows), median(bests), median(highs))
            guard let likelihood = try? UncertainEstimate(low: min(l, b), best: b, high: max(b, h), within: 0...1) else { continue }
            let impacts = own.map { Double($0.combinedImpact) }.sorted()
            guard let impact = try? UncertainEstimate(low: impacts[0], best: median(impacts), high: impacts[impacts.count - 1], within: 1...5) else {
                continue
            }
            var dimensions: [ImpactDimension: Double] = [:]
            for dimension in ImpactDimension.allCases {
                let values = own.compactMap { $0.impact[dimension] }.map(Double.init)
                if !values.isEmpty { dimensions[dimension] = median(values) }
            }
            let derived = median(
                own.map { LikelihoodModel.derived(threat: $0.threat, opportunity: $0.opportunity, horizonYears: scenario.horizonYears).best })
            prepared.append(
                Prepared(
                    id: scenario.id, title: scenario.title, kind: .scenario, threat: threat, likelihood: likelihood, impact: impact,
                    dimensions: dimensions, confidence: modalConfidence(own.map(\.confidence)), derived: derived, scoredRound: scoredRound))
        }
        for risk in otherRisks {
            prepared.append(
                Prepared(
                    id: risk.id, title: risk.title, kind: .otherRisk, threat: nil, likelihood: risk.likelihood, impact: risk.impact, dimensions: [:],
                    confidence: risk.confidence, derived: nil, scoredRound: nil))
        }
        let estimates = prepared.map { RiskEstimate(id: $0.id, likelihood: $0.likelihood, impact: $0.impact) }
        let ranks = MonteCarloPrioritisation.run(estimates, draws: draws, seed: seed).ranks
        let entries = zip(prepared, ranks).map { item, rank in
            Entry(
                id: item.id, title: item.title, kind: item.kind, threat: item.threat, band: item.threat.map { ThreatBand.band(for: $0.median) },
                likelihood: item.likelihood, impact: item.impact, impactByDimension: item.dimensions, confidence: item.confidence, rank: rank,
                intelligenceRequirement: item.impact.best >= 4 && item.confidence == .low, derivedLikelihood: item.derived,
                scoredRound: item.scoredRound)
        }
        let ranked = prepared.filter { $0.kind == .scenario && $0.scoredRound == round }.map(\.id)
        return RiskRegister(
            entries: entries.sorted { ($0.rank.medianRank, -$0.rank.meanScore) < ($1.rank.medianRank, -$1.rank.meanScore) },
            agreement: agreement(scenarioIDs: ranked, scores: byScenario))
    }

    /// Kendall's W over the assessors who scored every ranked scenario (at least two assessors and two scenarios).
    static func agreement(scenarioIDs: [String], scores: [String: [ScenarioScore]]) -> Agreement? {
        guard scenarioIDs.count >= 2 else { return nil }
        var table: [String: [String: Double]] = [:]
        for id in scenarioIDs {
            for score in scores[id] ?? [] { table[score.assessorID, default: [:]][id] = score.likelihood.best * Double(score.combinedImpact) }
        }
        let complete = table.keys.sorted().compactMap { assessor -> [Double]? in
            let row = scenarioIDs.compactMap { table[assessor]?[$0] }
            return row.count == scenarioIDs.count ? row : nil
        }
        guard let w = KendallW.coefficient(complete) else { return nil }
        return Agreement(w: w, assessors: complete.count, scenarios: scenarioIDs.count)
    }

    static func modalConfidence(_ values: [Confidence]) -> Confidence {
        let counts = Dictionary(grouping: values, by: { $0 }).mapValues(\.count)
        return Confidence.allCases.max { (counts[$0] ?? 0, -index($0)) < (counts[$1] ?? 0, -index($1)) } ?? .low
    }

    private static func index(_ c: Confidence) -> Int { Confidence.allCases.firstIndex(of: c) ?? 0 }
}
