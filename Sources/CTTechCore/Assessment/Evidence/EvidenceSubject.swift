/// What a piece of evidence supports: a scenario (step 3) or a technology of the horizon scan (step 2).
public enum EvidenceSubject: Sendable, Hashable, Codable {
    case scenario(String)
    case technology(String)

    public var kind: String {
        switch self {
        case .scenario: "scenario"
        case .technology: "technology"
        }
    }

    public var reference: String {
        switch self {
        case .scenario(let id), .technology(let id): id
        }
    }

    public init?(kind: String, reference: String) {
        switch kind {
        case "scenario": self = .scenario(reference)
        case "technology": self = .technology(reference)
        default: return nil
        }
    }
}
