/// A partner state's workspace: the tenant that owns national data.
public struct PartnerState: Sendable, Codable, Hashable {
    public var id: String
    /// Short code chosen by the administrator, upper-case letters and digits (e.g. `VLD`).
    public var code: String
    public var name: String
    public var region: Region
    /// Marking applied to the state's workspace unless a record says otherwise.
    public var defaultTLP: TLP
    public var profile: String
    public var version: Int

    public init(id: String, code: String, name: String, region: Region, defaultTLP: TLP, profile: String, version: Int) {
        self.id = id
        self.code = code
        self.name = name
        self.region = region
        self.defaultTLP = defaultTLP
        self.profile = profile
        self.version = version
    }
}

/// The regions CT TECH works in (DOMAIN.md §1).
public enum Region: String, Sendable, Codable, CaseIterable, Hashable {
    case southernEurope = "southern-europe"
    case southernCaucasus = "southern-caucasus"
    case centralAsia = "central-asia"
    case mena
    case eastAfrica = "east-africa"
    case asia
    case caribbean
    case centralAmerica = "central-america"
    case other

    public var title: String {
        switch self {
        case .southernEurope: "Southern Europe"
        case .southernCaucasus: "Southern Caucasus"
        case .centralAsia: "Central Asia"
        case .mena: "Middle East and North Africa"
        case .eastAfrica: "East Africa"
        case .asia: "Asia"
        case .caribbean: "Caribbean"
        case .centralAmerica: "Central America"
        case .other: "Other"
        }
    }
}

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
            v.add("code", "must be 2 to 8 letters A–Z or digits")
        }
        let name = v.text(name, field: "name", maxLength: 200)
        let regionValue = Region(rawValue: region ?? "")
        if regionValue == nil { v.add("region", "must be one of: \(Region.allCases.map(\.rawValue).joined(separator: ", "))") }
        let tlpValue = TLP(rawValue: defaultTLP ?? "")
        if tlpValue == nil { v.add("defaultTLP", "must be one of: \(TLP.allCases.map(\.rawValue).joined(separator: ", "))") }
        let profile = v.text(profile, field: "profile", required: false, maxLength: 5_000) ?? ""
        try v.check()
        return (code ?? "", name ?? "", regionValue ?? .other, tlpValue ?? .amber, profile)
    }
}
