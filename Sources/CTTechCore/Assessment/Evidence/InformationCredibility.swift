/// Credibility of the information, 1 (confirmed by other sources) to 6 (truth cannot be judged).
public enum InformationCredibility: Int, Sendable, Hashable, Codable, CaseIterable {
    case confirmed = 1, probablyTrue, possiblyTrue, doubtful, improbable, cannotBeJudged

    public var label: String {
        switch self {
        case .confirmed: "Confirmed by other sources"
        case .probablyTrue: "Probably true"
        case .possiblyTrue: "Possibly true"
        case .doubtful: "Doubtful"
        case .improbable: "Improbable"
        case .cannotBeJudged: "Truth cannot be judged"
        }
    }
}
