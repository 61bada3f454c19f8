/// An agency taking part in a national assessment (step 1).
public struct Agency: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case lawEnforcement = "law-enforcement"
        case intelligence
        case ministry
        case prosecution
        case financialIntelligence = "financial-intelligence"
        case regulator
        case military
        case criticalInfrastructure = "critical-infrastructure"
        case civilSociety = "civil-society"
        case academia
        case privateSector = "private-sector"
        case other

        public var label: String {
            switch self {
            case .lawEnforcement: "Law enforcement"
            case .intelligence: "Intelligence service"
            case .ministry: "Ministry or policy body"
            case .prosecution: "Prosecution or judiciary"
            case .financialIntelligence: "Financial intelligence unit"
            case .regulator: "Regulator"
            case .military: "Military"
            case .criticalInfrastructure: "Critical-infrastructure operator"
            case .civilSociety: "Civil society"
            case .academia: "Academia"
            case .privateSector: "Private sector"
            case .other: "Other"
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var mandate: String

    public init(id: String, name: String, kind: Kind, mandate: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.mandate = mandate
    }
}
