/// One entry of a reference list: a stable code, a name, and what it covers.
public struct ReferenceItem: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var description: String

    public init(_ code: String, _ name: String, _ description: String = "") {
        self.code = code
        self.name = name
        self.description = description
    }
}

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

/// A versioned method: the reference lists an assessment names and is scored against.
public struct MethodVersion: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    public var note: String
    public var lists: [ReferenceKind: [ReferenceItem]]

    public init(id: String, title: String, note: String, lists: [ReferenceKind: [ReferenceItem]]) {
        self.id = id
        self.title = title
        self.note = note
        self.lists = lists
    }

    public func items(_ kind: ReferenceKind) -> [ReferenceItem] { lists[kind] ?? [] }

    /// Code → name for one list, to show names where records store codes.
    public func names(_ kind: ReferenceKind) -> [String: String] {
        Dictionary(items(kind).map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Problems that make a method unusable: an empty list, a duplicate or blank code.
    public func problems() -> [String] {
        var found: [String] = []
        for kind in ReferenceKind.allCases {
            let items = self.items(kind)
            if items.isEmpty { found.append("\(kind.rawValue) is empty") }
            var seen = Set<String>()
            for item in items {
                if item.code.trimmingWhitespace().isEmpty || item.name.trimmingWhitespace().isEmpty {
                    found.append("\(kind.rawValue) has an item without code or name")
                }
                if !seen.insert(item.code).inserted { found.append("\(kind.rawValue) repeats code \(item.code)") }
            }
        }
        return found
    }
}
