/// What an administrator or focal point submits to create or change a partner state.
public struct PartnerStateDraft: Sendable, Hashable {
    public var code: String?
    public var name: String?
    public var region: String?
    public var defaultTLP: String?
    public var profile: String?

    public init(code: String?, name: String?, region: String?, defaultTLP: String?, profile: String?) {
        self.code = code
        self.name = name
        self.region = region
        self.defaultTLP = defaultTLP
        self.profile = profile
    }

    /// Checks every field and returns the clean values, or every problem at once.
    public func validated() throws(ValidationFailure) -> (code: String, name: String, region: Region, tlp: TLP, profile: String) {
        var v = Validator()
        let code = v.text(code, field: "code", maxLength: 8, minLength: 2)?.uppercased()
        if let code, !code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) {
            v.add("code", "validation.state-code")
        }
        let name = v.text(name, field: "name", maxLength: 200)
        let regionValue = Region(rawValue: region ?? "")
        if regionValue == nil { v.add("region", "validation.one-of", ["values": Region.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let tlpValue = TLP(rawValue: defaultTLP ?? "")
        if tlpValue == nil { v.add("defaultTLP", "validation.one-of", ["values": TLP.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let profile = v.text(profile, field: "profile", required: false, maxLength: 5_000) ?? ""
        try v.check()
        return (code ?? "", name ?? "", regionValue ?? .other, tlpValue ?? .amber, profile)
    }
}
