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
