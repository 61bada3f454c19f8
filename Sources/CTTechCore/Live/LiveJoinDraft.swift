/// What a person types to join a session: the code and, as the session asks, a name and declared attributes (each may
/// be left as "prefer not to say").
public struct LiveJoinDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// The name (named sessions: required) and the attributes the session asks, checked against their values.
    public func validated(for session: LiveSession) throws(ValidationFailure) -> (name: String?, attributes: LiveAttributes) {
        var v = Validator()
        var name: String?
        if session.anonymity == .named {
            name = v.text(fields["name"], field: "name", maxLength: LiveLimits.nameLength)
        }
        var attributes: [LiveAttribute: String] = [:]
        for attribute in session.askedAttributes {
            let value = (fields[attribute.rawValue] ?? "").trimmingWhitespace()
            if value.isEmpty { continue }
            if attribute.values.contains(value) {
                attributes[attribute] = value
            } else {
                v.add(attribute.rawValue, "validation.one-of", ["values": attribute.values.joined(separator: ", ")])
            }
        }
        try v.check()
        return (name, LiveAttributes(attributes))
    }
}
