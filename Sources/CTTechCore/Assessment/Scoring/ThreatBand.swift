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
