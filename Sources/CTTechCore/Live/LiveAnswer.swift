/// What a participant answered in one round, by kind of activity.
public enum LiveAnswer: Sendable, Hashable, Codable {
    /// Scoring: one scenario scored on the method's factors (`assessorID` is the participant's id).
    case score(ScenarioScore)
    /// Ranking: item key → rank (1 = first); tied items share a rank; items left out of a top-k ranking are absent.
    case ranking([String: Int])
    /// 2 × 2: where the participant places the item, 0–100 on each axis (50 and above is "high").
    case placement(likelihood: Int, impact: Int)
    /// Allocation: item key → points; the points add up to ``LiveLimits/allocationPoints``.
    case allocation([String: Int])
    /// Idea board, round 2: the ids of the ideas voted for.
    case votes([String])
    /// Grid: the stage (0–5) the area has reached.
    case level(Int)
    /// Quiz: the index of the option chosen.
    case choice(Int)
    /// Survey: agreement 1 (strongly disagree) to 5 (strongly agree), and an optional comment.
    case rating(Int, comment: String)
}

/// One participant's answer to one item (or to the whole activity) in one round. A participant may change their answer
/// while the round is open; the last one counts.
public struct LiveSubmission: Sendable, Hashable, Codable {
    public var activityID: String
    public var round: Int
    public var participantID: String
    /// The item answered; empty for activities answered as a whole (ranking, allocation, idea votes).
    public var itemKey: String
    public var answer: LiveAnswer
    public var submittedAt: Int64

    public init(activityID: String, round: Int, participantID: String, itemKey: String, answer: LiveAnswer, submittedAt: Int64) {
        self.activityID = activityID
        self.round = round
        self.participantID = participantID
        self.itemKey = itemKey
        self.answer = answer
        self.submittedAt = submittedAt
    }
}

/// An idea written on an idea board in its entry round. The facilitator may hide it (moderation) or merge it into
/// another (a duplicate); an idea may become a draft threat scenario.
public struct LiveIdea: Sendable, Hashable, Codable {
    public var id: String
    public var activityID: String
    public var participantID: String
    public var text: String
    public var hidden: Bool
    /// The idea this one was merged into, if it is a duplicate.
    public var mergedInto: String?
    /// The draft scenario made from it, if any.
    public var scenarioID: String?
    public var createdAt: Int64

    public init(
        id: String, activityID: String, participantID: String, text: String, hidden: Bool = false, mergedInto: String? = nil,
        scenarioID: String? = nil, createdAt: Int64
    ) {
        self.id = id
        self.activityID = activityID
        self.participantID = participantID
        self.text = text
        self.hidden = hidden
        self.mergedInto = mergedInto
        self.scenarioID = scenarioID
        self.createdAt = createdAt
    }

    /// Whether votes may go to it: neither hidden nor merged away.
    public var isVotable: Bool { !hidden && mergedInto == nil }
}
