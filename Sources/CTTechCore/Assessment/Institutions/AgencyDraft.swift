/// What a focal point submits for an agency.
public struct AgencyDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(id: String) throws(ValidationFailure) -> Agency {
        var v = Validator()
        let name = v.text(fields["name"], field: "name", maxLength: 200)
        let kind = Agency.Kind(rawValue: fields["kind"] ?? "")
        if kind == nil { v.add("kind", "validation.one-of", ["values": Agency.Kind.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let mandate = v.text(fields["mandate"], field: "mandate", required: false, maxLength: 2_000) ?? ""
        try v.check()
        return Agency(id: id, name: name ?? "", kind: kind ?? .other, mandate: mandate)
    }
}

extension AgencyDraft {
    /// A draft from typed values (the API's body).
    public init(name: String, kind: String, mandate: String?) {
        self.init(fields: ["name": name, "kind": kind, "mandate": mandate ?? ""])
    }
}
