/// Traffic Light Protocol 2.0 marking carried by every record, page and export (DOMAIN.md §3).
public enum TLP: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case clear = "CLEAR"
    case green = "GREEN"
    case amber = "AMBER"
    case amberStrict = "AMBER+STRICT"
    case red = "RED"

    /// How the marking is written on a page or an export: `TLP:AMBER+STRICT`.
    public var label: String { "TLP:\(rawValue)" }

    /// The STIX 2.1 marking-definition id of this level (DOMAIN.md §6).
    public var stixMarkingDefinitionID: String {
        switch self {
        case .clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        case .green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
        case .amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
        case .amberStrict: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
        case .red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
        }
    }

    /// Who may receive it, in the words of TLP 2.0.
    public var audience: String {
        switch self {
        case .clear: "Disclosure is not limited."
        case .green: "Limited disclosure, recipients can spread this within their community."
        case .amber: "Limited disclosure, recipients can only spread this on a need-to-know basis within their organisation and its clients."
        case .amberStrict: "Limited disclosure, restricted to the recipient organisation only."
        case .red: "For the eyes and ears of individual recipients only, no further disclosure."
        }
    }

    /// Lower-case name used as a CSS class.
    public var cssClass: String {
        switch self {
        case .clear: "tlp-clear"
        case .green: "tlp-green"
        case .amber: "tlp-amber"
        case .amberStrict: "tlp-amber-strict"
        case .red: "tlp-red"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: TLP, rhs: TLP) -> Bool { lhs.order < rhs.order }
}
