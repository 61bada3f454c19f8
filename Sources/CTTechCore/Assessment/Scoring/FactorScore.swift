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
