import Foundation

/// One risk as the register ranks it: likelihood over the horizon as a probability interval, impact as a 1–5 interval.
public struct RiskEstimate: Sendable, Hashable {
    public let id: String
    public let likelihood: UncertainEstimate
    public let impact: UncertainEstimate

    public init(id: String, likelihood: UncertainEstimate, impact: UncertainEstimate) {
        self.id = id
        self.likelihood = likelihood
        self.impact = impact
    }
}
