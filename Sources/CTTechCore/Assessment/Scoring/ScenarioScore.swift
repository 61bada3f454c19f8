/// One assessor's score of one scenario in one round. Every individual input is kept.
public struct ScenarioScore: Sendable, Hashable, Codable {
    public var scenarioID: String
    public var round: Int
    public var assessorID: String
    public var intent: Int
    public var actorCapability: Int
    public var technologyAccessibility: Int
    public var opportunity: Int
    public var likelihood: UncertainEstimate
    public var impact: [ImpactDimension: Int]
    public var confidence: Confidence
    public var rationale: String

    public init(
        scenarioID: String, round: Int, assessorID: String, intent: Int, actorCapability: Int, technologyAccessibility: Int, opportunity: Int,
        likelihood: UncertainEstimate, impact: [ImpactDimension: Int], confidence: Confidence, rationale: String
    ) {
        self.scenarioID = scenarioID
        self.round = round
        self.assessorID = assessorID
        self.intent = intent
        self.actorCapability = actorCapability
        self.technologyAccessibility = technologyAccessibility
        self.opportunity = opportunity
        self.likelihood = likelihood
        self.impact = impact
        self.confidence = confidence
        self.rationale = rationale
    }

    /// This assessor's own I × C (DOMAIN.md §4: the round's threat is the median of these).
    public var threat: Int { intent * min(actorCapability, technologyAccessibility) }

    /// Impact combined by the maximum over dimensions (the default; weights per state come later).
    public var combinedImpact: Int { impact.values.max() ?? 1 }
}
