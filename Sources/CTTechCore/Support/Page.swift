/// A bounded slice of a long list: pages and API responses never return an unbounded list.
public struct PageRequest: Sendable, Hashable {
    public static let maximumLimit = 200
    public var limit: Int
    /// Keyset cursor: return items strictly before this sequence number (newest first).
    public var before: Int64?

    public init(limit: Int = 50, before: Int64? = nil) {
        self.limit = min(max(limit, 1), Self.maximumLimit)
        self.before = before
    }
}
