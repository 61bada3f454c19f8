/// The register's charts, each an SVG file of its own.
public enum RegisterChartKind: String, Hashable, Sendable, CaseIterable {
    case scatter, ranks, heatMap

    var fileName: String {
        switch self {
        case .scatter: "register.svg"
        case .ranks: "register-ranks.svg"
        case .heatMap: "register-heatmap.svg"
        }
    }
}
