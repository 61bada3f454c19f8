import Crypto

/// An audit event before it is placed in the chain.
public struct AuditEvent: Sendable, Hashable {
    public var actorID: String
    public var actorLabel: String
    public var action: String
    public var entityType: String
    public var entityID: String
    public var stateID: String?
    public var details: [String: String]

    public init(
        actorID: String, actorLabel: String, action: String, entityType: String, entityID: String, stateID: String?,
        details: [String: String] = [:]
    ) {
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.stateID = stateID
        self.details = details
    }

    /// The details as JSON with sorted keys, so the same event always hashes the same.
    public var detailsJSON: String {
        "{" + details.keys.sorted().map { "\(jsonString($0)):\(jsonString(details[$0] ?? ""))" }.joined(separator: ",") + "}"
    }
}
