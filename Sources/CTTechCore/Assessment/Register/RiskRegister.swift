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
        /// What is left once the approved responses' declared effects are applied (nil when the register was computed
        /// without responses).
        public let residual: Residual?
        /// The scored factors as medians of the assessors' scores (scenarios only): what responses' effects act on.
        public let factors: ResidualRisk.Factors?

        /// The elicited best likelihood is more than ten times above or below the derived one: worth a look in discussion.
        public var likelihoodDivergent: Bool {
            guard let derivedLikelihood, derivedLikelihood > 0, likelihood.best > 0 else { return false }
            let ratio = likelihood.best / derivedLikelihood
            return ratio > 10 || ratio < 0.1
        }
    }

    /// An entry's residual risk (issue 10): intervals, rank distribution, effectiveness and the trace.
    public struct Residual: Sendable, Hashable {
        public let likelihood: UncertainEstimate
        public let impact: UncertainEstimate
        public let rank: RankDistribution
        /// 1 − residual / inherent over the Monte Carlo draws.
        public let effectiveness: ResidualMonteCarlo.Spread
        public let trace: ResidualTrace
    }

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable { case scenario, otherRisk = "other-risk" }

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
        consensusMinimum: Int = MethodVersion.defaultConsensusMinimumRatings, responses: [RegisterResponse] = []
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
            var factors: ResidualRisk.Factors?
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
            let factors = ResidualRisk.Factors(
                intent: median(own.map { Double($0.intent) }), actorCapability: median(own.map { Double($0.actorCapability) }),
                technologyAccessibility: median(own.map { Double($0.technologyAccessibility) }),
                opportunity: median(own.map { Double($0.opportunity) }),
                dimensions: dimensions, horizonYears: scenario.horizonYears)
            prepared.append(
                Prepared(
                    id: scenario.id, title: scenario.title, kind: .scenario, threat: threat, likelihood: likelihood, impact: impact,
                    dimensions: dimensions, confidence: modalConfidence(own.map(\.confidence)), derived: derived, scoredRound: scoredRound,
                    factors: factors))
        }
        for risk in otherRisks {
            prepared.append(
                Prepared(
                    id: risk.id, title: risk.title, kind: .otherRisk, threat: nil, likelihood: risk.likelihood, impact: risk.impact, dimensions: [:],
                    confidence: risk.confidence, derived: nil, scoredRound: nil, factors: nil))
        }
        let estimates = prepared.map { RiskEstimate(id: $0.id, likelihood: $0.likelihood, impact: $0.impact) }
        var ranks: [RankDistribution]
        var residuals: [Residual?] = Array(repeating: nil, count: prepared.count)
        if responses.isEmpty {
            ranks = MonteCarloPrioritisation.run(estimates, draws: draws, seed: seed).ranks
        } else {
            // Every effect once, with its own stream; each risk lists the effects that act on it and the trace of all.
            var effects: [DeclaredEffect] = []
            var seeds: [UInt64] = []
            var offsets: [String: Int] = [:]
            for response in responses {
                offsets[response.id] = effects.count
                for (position, effect) in response.effects.enumerated() {
                    effects.append(effect)
                    seeds.append(ResidualMonteCarlo.effectSeed(responseID: response.id, position: position, seed: seed))
                }
            }
            var reductions: [[Int]] = []
            var traces: [[ResidualTrace.Effect]] = []
            for item in prepared {
                var acting: [Int] = []
                var trace: [ResidualTrace.Effect] = []
                for response in responses {
                    guard let baseline = response.targets[item.id], let offset = offsets[response.id] else { continue }
                    let followUp = item.kind == .scenario && baseline.map { (item.scoredRound ?? 0) > $0 } == true
                    for (position, effect) in response.effects.enumerated() {
                        let fits = ResidualRisk.applies(effect, to: item.kind)
                        if fits && !followUp { acting.append(offset + position) }
                        trace.append(
                            ResidualTrace.Effect(
                                responseId: response.id, responseTitle: response.title, factor: effect.factor.rawValue,
                                dimension: effect.dimension?.rawValue, low: effect.low, best: effect.best, high: effect.high,
                                applied: fits && !followUp,
                                reason: followUp ? "follow-up-scores" : fits ? nil : "not-for-other-risks"))
                    }
                }
                reductions.append(acting)
                traces.append(trace)
            }
            let result = ResidualMonteCarlo.run(
                estimates, factors: prepared.map(\.factors), reductions: reductions, effects: effects, effectSeeds: seeds, draws: draws, seed: seed)
            ranks = result.inherent
            for (i, item) in prepared.enumerated() {
                let acting = reductions[i].map { effects[$0] }
                residuals[i] = residual(
                    likelihood: item.likelihood, impact: item.impact, factors: item.factors, effects: acting, trace: traces[i],
                    rank: result.residual[i],
                    effectiveness: result.effectiveness[i])
            }
        }
        let entries = prepared.indices.map { i in
            let item = prepared[i]
            return Entry(
                id: item.id, title: item.title, kind: item.kind, threat: item.threat, band: item.threat.map { ThreatBand.band(for: $0.median) },
                likelihood: item.likelihood, impact: item.impact, impactByDimension: item.dimensions, confidence: item.confidence, rank: ranks[i],
                intelligenceRequirement: item.impact.best >= 4 && item.confidence == .low, derivedLikelihood: item.derived,
                scoredRound: item.scoredRound, residual: residuals[i], factors: item.factors)
        }
        let ranked = prepared.filter { $0.kind == .scenario && $0.scoredRound == round }.map(\.id)
        return RiskRegister(
            entries: entries.sorted { ($0.rank.medianRank, -$0.rank.meanScore) < ($1.rank.medianRank, -$1.rank.meanScore) },
            agreement: agreement(scenarioIDs: ranked, scores: byScenario))
    }

    /// The deterministic residual of one entry: likelihood and impact intervals (low at the high reductions, high at the
    /// low ones) and the trace at the best reductions (``ResidualRisk``).
    static func residual(
        likelihood: UncertainEstimate, impact: UncertainEstimate, factors: ResidualRisk.Factors?, effects: [DeclaredEffect],
        trace: [ResidualTrace.Effect], rank: RankDistribution, effectiveness: ResidualMonteCarlo.Spread
    ) -> Residual {
        let m = (
            low: ResidualRisk.Multipliers(effects, at: .low), best: ResidualRisk.Multipliers(effects, at: .best),
            high: ResidualRisk.Multipliers(effects, at: .high)
        )
        let ratio = (
            low: ResidualRisk.likelihoodRatio(factors, m.low), best: ResidualRisk.likelihoodRatio(factors, m.best),
            high: ResidualRisk.likelihoodRatio(factors, m.high)
        )
        let share = (
            low: ResidualRisk.impactShare(factors, m.low), best: ResidualRisk.impactShare(factors, m.best),
            high: ResidualRisk.impactShare(factors, m.high)
        )
        let residualLikelihood = UncertainEstimate(ordered: likelihood.low * ratio.high, likelihood.best * ratio.best, likelihood.high * ratio.low)
        let residualImpact = UncertainEstimate(
            ordered: ResidualRisk.reduce(impact.low, share.high), ResidualRisk.reduce(impact.best, share.best),
            ResidualRisk.reduce(impact.high, share.low))
        let inherentRisk = likelihood.best * impact.best
        func planned(_ ratio: Double, _ share: Double) -> Double {
            inherentRisk > 0 ? 1 - likelihood.best * ratio * ResidualRisk.reduce(impact.best, share) / inherentRisk : 0
        }
        let detail = ResidualTrace(
            effects: trace, factors: factors.map(ResidualTrace.Factors.init),
            reducedFactors: factors.map { ResidualTrace.Factors($0.reduced(by: m.best)) },
            multipliers: ResidualTrace.Multipliers(m.best), likelihoodRatio: ratio.best, impactShare: share.best, likelihood: likelihood.best,
            residualLikelihood: residualLikelihood.best, impact: impact.best, residualImpact: residualImpact.best, inherentRisk: inherentRisk,
            residualRisk: residualLikelihood.best * residualImpact.best, plannedEffectivenessLow: planned(ratio.low, share.low),
            plannedEffectiveness: planned(ratio.best, share.best), plannedEffectivenessHigh: planned(ratio.high, share.high))
        return Residual(likelihood: residualLikelihood, impact: residualImpact, rank: rank, effectiveness: effectiveness, trace: detail)
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
