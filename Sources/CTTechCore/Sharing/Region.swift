/// The regions CT TECH works in (DOMAIN.md §1).
public enum Region: String, Sendable, Codable, CaseIterable, Hashable {
    case southernEurope = "southern-europe"
    case southernCaucasus = "southern-caucasus"
    case centralAsia = "central-asia"
    case mena
    case eastAfrica = "east-africa"
    case asia
    case caribbean
    case centralAmerica = "central-america"
    case other

    public var title: String {
        switch self {
        case .southernEurope: "Southern Europe"
        case .southernCaucasus: "Southern Caucasus"
        case .centralAsia: "Central Asia"
        case .mena: "Middle East and North Africa"
        case .eastAfrica: "East Africa"
        case .asia: "Asia"
        case .caribbean: "Caribbean"
        case .centralAmerica: "Central America"
        case .other: "Other"
        }
    }
}
