/// The kinds of reference list the method uses (DOMAIN.md §3).
public enum ReferenceKind: String, Sendable, Codable, CaseIterable, Hashable {
    case technologies
    case purposes
    case actorTypes = "actor-types"
    case capabilityAreas = "capability-areas"
    case enablers
    case maturityStages = "maturity-stages"
    case responseTypes = "response-types"
    case humanRightsChecks = "human-rights-checks"
    case genderChecks = "gender-checks"
    case tlpLevels = "tlp-levels"

    public var title: String {
        switch self {
        case .technologies: "Technologies"
        case .purposes: "Terrorist purposes"
        case .actorTypes: "Actor types"
        case .capabilityAreas: "Capability areas"
        case .enablers: "Capability enablers"
        case .maturityStages: "Maturity stages"
        case .responseTypes: "Policy response types"
        case .humanRightsChecks: "Human-rights checks"
        case .genderChecks: "Gender checks"
        case .tlpLevels: "TLP 2.0 levels"
        }
    }
}
