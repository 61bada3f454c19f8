/// Impact dimensions, kept separate until display (DOMAIN.md §4).
public enum ImpactDimension: String, Sendable, Codable, CaseIterable {
    case fatalities, economic
    case essentialServices = "essential-services"
    case societal
    case publicConfidence = "public-confidence"
    case international
    case humanRights = "human-rights"

    public var label: String {
        switch self {
        case .fatalities: "Fatalities and injuries"
        case .economic: "Economic"
        case .essentialServices: "Essential services"
        case .societal: "Societal / psychological"
        case .publicConfidence: "Public confidence / political"
        case .international: "International"
        case .humanRights: "Human rights and social cohesion"
        }
    }
}
