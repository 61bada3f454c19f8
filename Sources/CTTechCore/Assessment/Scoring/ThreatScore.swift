/// The threat of one scenario as one assessor scored it (DOMAIN.md §4).
public enum ThreatScore {
    /// Capability = min(actor capability, technology accessibility): an actor cannot use more technology than it can reach.
    public static func capability(actor: FactorScore, technologyAccessibility: FactorScore) -> Int {
        min(actor.value, technologyAccessibility.value)
    }

    /// Threat = intent × capability, 1–25. A factor at 1 keeps the product ≤ 5, i.e. in the Low band: no factor compensates for another.
    public static func threat(intent: FactorScore, actorCapability: FactorScore, technologyAccessibility: FactorScore) -> Int {
        intent.value * capability(actor: actorCapability, technologyAccessibility: technologyAccessibility)
    }
}
