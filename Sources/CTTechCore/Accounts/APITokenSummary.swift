/// An API token as its owner and administrators see it: never the token itself, which is shown once when created.
public struct APITokenSummary: Sendable, Hashable {
    public let id: String
    public let userID: String
    public let label: String
    /// Epoch milliseconds.
    public let createdAt: Int64
    public let expiresAt: Int64?
    public let revoked: Bool

    public init(id: String, userID: String, label: String, createdAt: Int64, expiresAt: Int64?, revoked: Bool) {
        self.id = id
        self.userID = userID
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revoked = revoked
    }

    /// Usable now: not revoked and not expired.
    public func isLive(now: Int64) -> Bool { !revoked && (expiresAt.map { $0 > now } ?? true) }
}
