/// How a group's answers to one item moved from one round to the next (issue 12, Delphi feedback): Δ median, Δ IQR and
/// the share of participants who answered both rounds and changed their answer.
public struct LiveConvergence: Sendable, Hashable, Codable {
    public let medianChange: Double
    public let interquartileRangeChange: Double
    /// Participants who answered the item in both rounds.
    public let answeredBoth: Int
    /// Of those, how many gave a different value.
    public let changed: Int
    /// `changed / answeredBoth`, 0 when nobody answered both.
    public var shareChanged: Double { answeredBoth == 0 ? 0 : Double(changed) / Double(answeredBoth) }
    /// The IQR narrowed: the group moved towards agreement.
    public var converging: Bool { interquartileRangeChange < 0 }

    /// Nil when either round has no answer. `previous` and `current` map participant → value.
    public init?(previous: [String: Double], current: [String: Double]) {
        guard let before = RatingSummary(Array(previous.values)), let after = RatingSummary(Array(current.values)) else { return nil }
        medianChange = after.median - before.median
        interquartileRangeChange = after.interquartileRange - before.interquartileRange
        let both = Set(previous.keys).intersection(current.keys)
        answeredBoth = both.count
        changed = both.filter { previous[$0] != current[$0] }.count
    }
}
