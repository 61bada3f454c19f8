/// One activity of a live session, run in rounds (round n + 1 only after round n is revealed).
public struct LiveActivity: Sendable, Hashable, Codable {
    /// What participants do.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Score scenarios on the method's factors (intent, capability, accessibility, opportunity, likelihood, impact,
        /// confidence, rationale).
        case scoring
        /// Rank scenarios, fully or the top k, ties allowed; agreement is Kendall's W over the participants' rankings.
        case ranking
        /// Place each scenario on a 2 × 2 of likelihood × impact (0–100 on each axis).
        case matrix
        /// Share 100 points among policy responses or capability priorities.
        case allocation
        /// Idea board (nominal group technique): silent entry in round 1, the facilitator merges duplicates, votes in
        /// round 2.
        case ideas
        /// A capability self-assessment grid: the stage (0–5) each area has reached.
        case grid
        /// A knowledge quiz, scored on correctness: round 1 before the workshop, round 2 after, same questions.
        case quiz
        /// A satisfaction survey: agreement 1–5 with each statement, and a comment.
        case survey

        /// Whether the items are the assessment's scenarios.
        public var usesScenarios: Bool { self == .scoring || self == .ranking || self == .matrix }

        /// Whether participants answer the activity as a whole (one answer per round) rather than item by item.
        public var answeredWhole: Bool { self == .ranking || self == .allocation || self == .ideas }

        /// The most rounds the activity runs (a quiz: before and after; an idea board: entry, then votes).
        public var maximumRounds: Int {
            switch self {
            case .quiz, .ideas: 2
            case .survey: 1
            case .scoring, .ranking, .matrix, .allocation, .grid: LiveLimits.rounds
            }
        }
    }

    public var id: String
    public var sessionID: String
    public var kind: Kind
    public var title: String
    /// Order in the session, from 1.
    public var position: Int
    public var items: [LiveItem]
    /// Ranking: how many items each participant ranks (0 = all). Ideas: votes per participant.
    public var limit: Int
    public var createdAt: Int64

    public init(id: String, sessionID: String, kind: Kind, title: String, position: Int, items: [LiveItem], limit: Int = 0, createdAt: Int64) {
        self.id = id
        self.sessionID = sessionID
        self.kind = kind
        self.title = title
        self.position = position
        self.items = items
        self.limit = limit
        self.createdAt = createdAt
    }

    /// The item with this key, if the activity has it.
    public func item(_ key: String) -> LiveItem? { items.first { $0.key == key } }
}

/// One thing an activity asks about: a scenario, a policy response, a capability area, a quiz question or a statement.
public struct LiveItem: Sendable, Hashable, Codable {
    /// Unique within the activity: the scenario's id for scenario activities, else `i1`, `i2`…
    public var key: String
    public var label: String
    /// Quiz questions: the options, and the index of the correct one.
    public var options: [String]
    public var correctOption: Int?

    public init(key: String, label: String, options: [String] = [], correctOption: Int? = nil) {
        self.key = key
        self.label = label
        self.options = options
        self.correctOption = correctOption
    }
}

/// One round of an activity: open (private answers) → closed → revealed (results shown).
public struct LiveRound: Sendable, Hashable, Codable {
    public var activityID: String
    public var number: Int
    public var status: ScoringRound.Status
    public var openedAt: Int64
    public var revealedAt: Int64?

    public init(activityID: String, number: Int, status: ScoringRound.Status, openedAt: Int64, revealedAt: Int64? = nil) {
        self.activityID = activityID
        self.number = number
        self.status = status
        self.openedAt = openedAt
        self.revealedAt = revealedAt
    }
}
