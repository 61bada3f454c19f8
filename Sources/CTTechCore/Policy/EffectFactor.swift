/// What a policy response reduces (DOMAIN.md §4, "policy effect"): one of a scenario's scored factors, the likelihood
/// directly, or the impact (on one named dimension, or on all of them).
public enum EffectFactor: String, Sendable, Codable, CaseIterable, Hashable {
    case intent
    case actorCapability = "actor-capability"
    case technologyAccessibility = "technology-accessibility"
    case opportunity
    case likelihood
    case impact

    /// Whether the factor exists for another national risk, which has only a likelihood and one impact.
    public var appliesToOtherRisks: Bool { self == .likelihood || self == .impact }
}
