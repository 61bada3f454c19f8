/// A workshop's voice in an assessment's scoring round (issue 12): the scores and rankings participants gave in a revealed
/// live round, added by the facilitator to the assessment's open round as pseudonymous assessors. They are kept apart from
/// account holders' scores (their own table, assessor ids `workshop:<code>-<n>` that name no account) and marked as
/// workshop input wherever they are shown; like any score they stay hidden until the assessment's round is revealed, and
/// then count in the round's figures and the register.
public struct WorkshopInput: Sendable, Hashable {
    /// Where the input came from, to replace it when the same source is added again: the live activity's id, or `import`.
    public var source: String
    /// What a reader is told it is: "VDR794 · Scenario scoring · round 2".
    public var label: String
    public var assessmentID: String
    /// The assessment's round the input belongs to (its open round when added).
    public var round: Int
    public var scores: [ScenarioScore]
    public var rankings: [WorkshopRanking]
    public var addedAt: Int64

    public init(
        source: String, label: String, assessmentID: String, round: Int, scores: [ScenarioScore], rankings: [WorkshopRanking], addedAt: Int64
    ) {
        self.source = source
        self.label = label
        self.assessmentID = assessmentID
        self.round = round
        self.scores = scores
        self.rankings = rankings
        self.addedAt = addedAt
    }

    static let prefix = "workshop:"

    /// Whether an assessor id names a workshop participant rather than an account.
    public static func isWorkshop(_ assessorID: String) -> Bool { assessorID.hasPrefix(prefix) }

    /// The pseudonymous assessor id of participant `number` of the session with join code `code`.
    public static func assessorID(code: String, participant number: Int) -> String { "\(prefix)\(code)-\(number)" }

    /// The pseudonym as written in the import format: `workshop:` and 1–40 letters, digits, `-` or `_`.
    public static func isValidAssessorID(_ id: String) -> Bool {
        guard isWorkshop(id) else { return false }
        let name = id.dropFirst(prefix.count)
        return (1...40).contains(name.count) && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }

    /// What a source is called: the session's code, the activity and its live round. The live results page finds by it
    /// which of an activity's rounds was added.
    public static func label(session: LiveSession, activity: LiveActivity, liveRound: Int) -> String {
        "\(session.code) · \(activity.title) · \(liveRound)"
    }

    /// The input of one revealed live round: the participants' scores (scoring) or rankings (ranking) in that round, each
    /// under the participant's pseudonym, for the assessment's round `assessmentRound`. Only the round's own answers
    /// count: someone who answered round 1 but not round 2 gives no input for round 2.
    public static func from(
        activity: LiveActivity, session: LiveSession, liveRound: Int, submissions: [LiveSubmission], participants: [LiveParticipant],
        assessmentID: String, assessmentRound: Int, at now: Int64
    ) -> WorkshopInput {
        let numbers = Dictionary(participants.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
        let scenarios = Set(activity.items.map(\.key))
        let inRound = submissions.filter { $0.round == liveRound && numbers[$0.participantID] != nil }
        func pseudonym(_ participantID: String) -> String { assessorID(code: session.code, participant: numbers[participantID] ?? 0) }
        var scores: [ScenarioScore] = []
        var rankings: [WorkshopRanking] = []
        for submission in inRound.sorted(by: { ($0.participantID, $0.itemKey) < ($1.participantID, $1.itemKey) }) {
            switch submission.answer {
            case .score(var score) where scenarios.contains(submission.itemKey):
                score.scenarioID = submission.itemKey
                score.round = assessmentRound
                score.assessorID = pseudonym(submission.participantID)
                scores.append(score)
            case .ranking(let ranks):
                let kept = ranks.filter { scenarios.contains($0.key) }
                if !kept.isEmpty {
                    rankings.append(
                        WorkshopRanking(round: assessmentRound, ranker: pseudonym(submission.participantID), ranks: kept, limit: activity.limit))
                }
            default: continue
            }
        }
        return WorkshopInput(
            source: activity.id, label: label(session: session, activity: activity, liveRound: liveRound), assessmentID: assessmentID,
            round: assessmentRound,
            scores: scores, rankings: rankings, addedAt: now)
    }
}

/// One workshop participant's ranking of an assessment's scenarios in a round: scenario id → rank (1 = first; ties
/// share a rank; a top-k ranking leaves the others out).
public struct WorkshopRanking: Sendable, Hashable, Codable {
    public var round: Int
    /// The pseudonymous ranker, `workshop:<code>-<n>`.
    public var ranker: String
    public var ranks: [String: Int]
    /// The k of a top-k ranking; 0 for a full ranking.
    public var limit: Int

    public init(round: Int, ranker: String, ranks: [String: Int], limit: Int) {
        self.round = round
        self.ranker = ranker
        self.ranks = ranks
        self.limit = limit
    }
}

/// What has been added to an assessment from one source in one round: shown beside the live results ("added to round 2
/// on …") and on the round figures.
public struct WorkshopSource: Sendable, Hashable {
    public let source: String
    public let label: String
    public let round: Int
    public let scores: Int
    public let rankings: Int
    public let addedAt: Int64

    public init(source: String, label: String, round: Int, scores: Int, rankings: Int, addedAt: Int64) {
        self.source = source
        self.label = label
        self.round = round
        self.scores = scores
        self.rankings = rankings
        self.addedAt = addedAt
    }
}
