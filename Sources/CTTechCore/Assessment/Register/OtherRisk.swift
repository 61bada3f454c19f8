/// Another national security risk, entered on the same axes as the scenarios (step 4).
public struct OtherRisk: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var family: String
    public var likelihood: UncertainEstimate
    public var impact: UncertainEstimate
    public var confidence: Confidence

    public init(id: String, title: String, family: String, likelihood: UncertainEstimate, impact: UncertainEstimate, confidence: Confidence) {
        self.id = id
        self.title = title
        self.family = family
        self.likelihood = likelihood
        self.impact = impact
        self.confidence = confidence
    }
}
