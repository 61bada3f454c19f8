/// One scoring round of an assessment: open (private scoring) → closed → revealed (spread and anonymised rationales shown).
public struct ScoringRound: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable {
        case open, closed, revealed
    }

    public var number: Int
    public var status: Status

    public init(number: Int, status: Status) {
        self.number = number
        self.status = status
    }

    /// The next status a facilitator may move the round to, or nil when it is final.
    public var next: Status? {
        switch status {
        case .open: .closed
        case .closed: .revealed
        case .revealed: nil
        }
    }
}
