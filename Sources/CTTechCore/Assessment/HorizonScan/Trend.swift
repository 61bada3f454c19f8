/// Direction of a technology's use by terrorist actors over the scan's period.
public enum Trend: String, Sendable, Hashable, Codable, CaseIterable {
    case declining, stable, rising, surging

    public var symbol: String {
        switch self {
        case .declining: "↓"
        case .stable: "→"
        case .rising: "↗"
        case .surging: "↑"
        }
    }
}
