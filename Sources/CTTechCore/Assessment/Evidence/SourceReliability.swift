/// Reliability of a source, A (completely reliable) to F (cannot be judged): the Admiralty / NATO system.
public enum SourceReliability: String, Sendable, Hashable, Codable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"

    public var label: String {
        switch self {
        case .a: "Completely reliable"
        case .b: "Usually reliable"
        case .c: "Fairly reliable"
        case .d: "Not usually reliable"
        case .e: "Unreliable"
        case .f: "Reliability cannot be judged"
        }
    }
}
