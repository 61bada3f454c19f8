/// An attribute a participant may declare when joining, used only in aggregates (disaggregation, gender balance) and
/// never shown per person. Every attribute can be left unanswered ("prefer not to say").
public enum LiveAttribute: String, Sendable, Hashable, Codable, CaseIterable {
    case sex
    case ageBand = "age-band"
    case agencyType = "agency-type"

    /// The values a participant may choose, in the order offered.
    public var values: [String] {
        switch self {
        case .sex: ["female", "male", "other"]
        case .ageBand: ["under-30", "30-39", "40-49", "50-59", "60-plus"]
        case .agencyType:
            ["law-enforcement", "intelligence", "justice", "ministry", "regulator", "military", "civil-society", "international", "other"]
        }
    }
}

/// The attributes one participant declared; a missing key is "not declared".
public struct LiveAttributes: Sendable, Hashable, Codable {
    public var values: [LiveAttribute: String]

    public init(_ values: [LiveAttribute: String] = [:]) {
        self.values = values
    }

    public subscript(_ attribute: LiveAttribute) -> String? { values[attribute] }
}
