/// A response as the register applies it: its declared effects and the risks it addresses, each with the round its
/// approval was based on (nil: applied to whatever round the scores come from, as for a "what if" portfolio).
public struct RegisterResponse: Sendable, Hashable {
    public let id: String
    public let title: String
    public let effects: [DeclaredEffect]
    public let targets: [String: Int?]

    public init(id: String, title: String, effects: [DeclaredEffect], targets: [String: Int?]) {
        self.id = id
        self.title = title
        self.effects = effects
        self.targets = targets
    }

    /// The response as the register applies it, when its status counts (approved or further along); nil otherwise.
    public init?(counting response: PolicyResponse) {
        guard response.status.counts else { return nil }
        self.init(hypothetical: response)
    }

    /// The response as if it were approved now (the portfolio's "what if"): applied to the latest scores.
    public init(hypothetical response: PolicyResponse) {
        self.init(
            id: response.id, title: response.title, effects: response.effects,
            targets: Dictionary(
                response.targets.map { ($0.riskID, response.status.counts ? $0.baselineRound : nil) }, uniquingKeysWith: { a, _ in a }))
    }
}

/// How a residual figure was reached (issue 10: "every residual figure has a trace"): the inputs, each effect of each
/// response with whether it was applied and why not, the multipliers and reduced factors at the best reductions, and the
/// results at each step. Shown on the scenario's page and carried in the API.
public struct ResidualTrace: Sendable, Hashable, Codable {
    public struct Effect: Sendable, Hashable, Codable {
        public var responseId: String
        public var responseTitle: String
        public var factor: String
        public var dimension: String?
        public var low: Double
        public var best: Double
        public var high: Double
        public var applied: Bool
        /// Why it was not applied: "follow-up-scores" (the scores were given after the response's approval and already
        /// reflect it) or "not-for-other-risks" (another national risk has no such factor).
        public var reason: String?
    }

    public struct Factors: Sendable, Hashable, Codable {
        public var intent: Double
        public var actorCapability: Double
        public var technologyAccessibility: Double
        public var opportunity: Double
        public var threat: Double
        public var derivedLikelihood: Double
        public var dimensions: [String: Double]
        public var horizonYears: Int?

        /// The factors for the calculation again (dimensions with unknown names are left out).
        public var factors: ResidualRisk.Factors {
            ResidualRisk.Factors(
                intent: intent, actorCapability: actorCapability, technologyAccessibility: technologyAccessibility, opportunity: opportunity,
                dimensions: Dictionary(
                    uniqueKeysWithValues: dimensions.compactMap { key, value in ImpactDimension(rawValue: key).map { ($0, value) } }),
                horizonYears: horizonYears ?? 2)
        }

        init(_ f: ResidualRisk.Factors) {
            horizonYears = f.horizonYears
            intent = f.intent
            actorCapability = f.actorCapability
            technologyAccessibility = f.technologyAccessibility
            opportunity = f.opportunity
            threat = f.threat
            derivedLikelihood = f.derivedLikelihood
            dimensions = Dictionary(uniqueKeysWithValues: f.dimensions.map { ($0.key.rawValue, $0.value) })
        }
    }

    public struct Multipliers: Sendable, Hashable, Codable {
        public var intent: Double
        public var actorCapability: Double
        public var technologyAccessibility: Double
        public var opportunity: Double
        public var likelihood: Double
        public var impactAll: Double
        public var impact: [String: Double]

        init(_ m: ResidualRisk.Multipliers) {
            intent = m.intent
            actorCapability = m.actorCapability
            technologyAccessibility = m.technologyAccessibility
            opportunity = m.opportunity
            likelihood = m.likelihood
            impactAll = m.impactAll
            impact = Dictionary(uniqueKeysWithValues: m.impact.map { ($0.key.rawValue, $0.value) })
        }
    }

    public var effects: [Effect]
    /// The scored factors (medians of the assessors' scores; scenarios only) and the same reduced at the best reductions.
    public var factors: Factors?
    public var reducedFactors: Factors?
    public var multipliers: Multipliers
    /// P(T′, O′) / P(T, O) · m_L.
    public var likelihoodRatio: Double
    /// (max D′ − 1) / (max D − 1), or the multiplier of effects on every dimension.
    public var impactShare: Double
    public var likelihood: Double
    public var residualLikelihood: Double
    public var impact: Double
    public var residualImpact: Double
    /// R₀ = L × I and R₁ = L′ × I′ at the best values.
    public var inherentRisk: Double
    public var residualRisk: Double
    /// (R₀ − R₁) / R₀ at the low, best and high reductions.
    public var plannedEffectivenessLow: Double
    public var plannedEffectiveness: Double
    public var plannedEffectivenessHigh: Double
}
