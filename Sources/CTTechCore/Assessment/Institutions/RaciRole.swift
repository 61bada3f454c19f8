/// Responsible, accountable, consulted or informed.
public enum RaciRole: String, Sendable, Hashable, Codable, CaseIterable {
    case responsible = "R"
    case accountable = "A"
    case consulted = "C"
    case informed = "I"

    public var label: String {
        switch self {
        case .responsible: "Responsible"
        case .accountable: "Accountable"
        case .consulted: "Consulted"
        case .informed: "Informed"
        }
    }
}
