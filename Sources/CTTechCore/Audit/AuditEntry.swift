import Crypto

/// One line of the append-only audit log. `hash` chains it to the entry before it.
public struct AuditEntry: Sendable, Codable, Hashable {
    public var seq: Int64
    /// Epoch milliseconds.
    public var at: Int64
    public var actorID: String
    public var actorLabel: String
    public var action: String
    public var entityType: String
    public var entityID: String
    public var stateID: String?
    /// What changed, as compact JSON written by the caller (before/after of the fields that matter).
    public var details: String
    public var prevHash: String
    public var hash: String

    public init(
        seq: Int64, at: Int64, actorID: String, actorLabel: String, action: String, entityType: String, entityID: String,
        stateID: String?, details: String, prevHash: String, hash: String
    ) {
        self.seq = seq
        self.at = at
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.stateID = stateID
        self.details = details
        self.prevHash = prevHash
        self.hash = hash
    }
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
