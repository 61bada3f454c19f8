/// One figure of a scenario score whose spread a round reports (issue 12: "each factor … and the threat item").
public enum ScoreFactor: Sendable, Hashable, Codable, CaseIterable {
    case intent
    case actorCapability
    case technologyAccessibility
    case opportunity
    /// The best estimate of the likelihood (a probability).
    case likelihood
    case impact(ImpactDimension)
    /// The assessor's own I × C.
    case threat

    public static var allCases: [ScoreFactor] {
        [.intent, .actorCapability, .technologyAccessibility, .opportunity, .likelihood] + ImpactDimension.allCases.map { .impact($0) } + [.threat]
    }

    /// A stable code for exports and the API: `intent`, `actor-capability`, …, `impact.fatalities`, `threat`.
    public var code: String {
        switch self {
        case .intent: "intent"
        case .actorCapability: "actor-capability"
        case .technologyAccessibility: "technology-accessibility"
        case .opportunity: "opportunity"
        case .likelihood: "likelihood"
        case .impact(let dimension): "impact.\(dimension.rawValue)"
        case .threat: "threat"
        }
    }

    /// The factor's value in one score (nil: an impact dimension the assessor left out).
    public func value(in score: ScenarioScore) -> Double? {
        switch self {
        case .intent: Double(score.intent)
        case .actorCapability: Double(score.actorCapability)
        case .technologyAccessibility: Double(score.technologyAccessibility)
        case .opportunity: Double(score.opportunity)
        case .likelihood: score.likelihood.best
        case .impact(let dimension): score.impact[dimension].map(Double.init)
        case .threat: Double(score.threat)
        }
    }
}

/// The spread of one factor over the scores of one scenario in one round. The figures are of the values themselves;
/// the agreement of the likelihood is judged on the likelihood bands (1–5) of the estimates, since ±1 on a probability
/// means nothing.
public struct FactorSummary: Sendable, Hashable, Codable {
    public let factor: ScoreFactor
    public let summary: RatingSummary
    public let agreement: RatingSummary.Agreement

    /// The summaries of every factor someone gave a value for, in ``ScoreFactor/allCases`` order.
    public static func of(_ scores: [ScenarioScore], minimumForConsensus: Int) -> [FactorSummary] {
        ScoreFactor.allCases.compactMap { factor in
            let values = scores.compactMap { factor.value(in: $0) }
            guard let summary = RatingSummary(values, minimumForConsensus: minimumForConsensus) else { return nil }
            var agreement = summary.agreement
            if factor == .likelihood {
                let bands = values.map { Double(LikelihoodBand.allCases.firstIndex(of: LikelihoodBand.band(for: $0)) ?? 0) }
                agreement = RatingSummary(bands, minimumForConsensus: minimumForConsensus)?.agreement ?? agreement
            }
            return FactorSummary(factor: factor, summary: summary, agreement: agreement)
        }
    }

    /// Per scenario and per round, every factor's summary: what every round of a scoring exercise said, readable after
    /// later rounds (issue 12).
    public static func byRound(_ scores: [ScenarioScore], minimumForConsensus: Int) -> [String: [Int: [FactorSummary]]] {
        Dictionary(grouping: scores, by: \.scenarioID).mapValues { own in
            Dictionary(grouping: own, by: \.round).mapValues { of($0, minimumForConsensus: minimumForConsensus) }
        }
    }
}
