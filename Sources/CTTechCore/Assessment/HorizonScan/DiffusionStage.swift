/// How far a technology has spread among terrorist actors (step 2), from talk to routine use.
public enum DiffusionStage: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case aspiration, discussed, attempted, observed, routine

    public var label: String {
        switch self {
        case .aspiration: "Aspiration: interest expressed, no known attempt"
        case .discussed: "Discussed: methods shared or sought among actors"
        case .attempted: "Attempted: at least one known attempt"
        case .observed: "Observed: successful use seen"
        case .routine: "Routine: part of actors' usual repertoire"
        }
    }

    public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}
