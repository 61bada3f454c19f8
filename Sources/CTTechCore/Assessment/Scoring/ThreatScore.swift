/// A factor on the 1–5 scales of DOMAIN.md §4 (intent: 1 none · 2 aspirational · 3 stated · 4 active pursuit · 5 demonstrated).
public struct FactorScore: Sendable, Hashable, Codable, Comparable {
    public let value: Int

    /// Nil when outside 1...5, so an out-of-range score can never be constructed.
    public init?(_ value: Int) {
        guard (1...5).contains(value) else { return nil }
        self.value = value
    }

    public static func < (lhs: FactorScore, rhs: FactorScore) -> Bool { lhs.value < rhs.value }
}

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

/// Threat bands for display (DOMAIN.md §4). Scores are kept as numbers; bands only label them.
public enum ThreatBand: String, Sendable, Codable, CaseIterable, Comparable {
    case low = "Low"
    case moderate = "Moderate"
    case substantial = "Substantial"
    case severe = "Severe"
    case critical = "Critical"

    /// Upper bounds of the default bands: Low 1–5, Moderate 6–9, Substantial 10–14, Severe 15–19, Critical 20–25.
    public static let defaultUpperBounds: [Double] = [5, 9, 14, 19, 25]

    /// The first band whose upper bound the score does not exceed, so a fractional median goes up (5.5 → Moderate).
    public static func band(for score: Double, upperBounds: [Double] = defaultUpperBounds) -> ThreatBand {
        for (band, bound) in zip(allCases, upperBounds) where score <= bound { return band }
        return .critical
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: ThreatBand, rhs: ThreatBand) -> Bool { lhs.order < rhs.order }
}
