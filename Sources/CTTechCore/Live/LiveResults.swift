/// The results of one round of one activity, as the presenter view, the results pages, the API and the exports show
/// them once the round is revealed (issue 12). Computed from the stored answers; nothing is kept besides them.
public struct LiveResults: Sendable, Hashable, Codable {
    /// One item's figures in this round.
    public struct ItemResult: Sendable, Hashable, Codable {
        public let key: String
        public let label: String
        /// Participants who answered the item.
        public let count: Int
        /// The item's main value over the participants: threat (I × C) for scoring, likelihood for the 2 × 2 (0–100),
        /// points for an allocation (0 for items a participant gave none), stage for the grid, correct (1) or not (0) for a
        /// quiz question, agreement for a survey statement.
        public let summary: RatingSummary?
        /// The values, sorted, for the dot plot.
        public let values: [Double]
        /// The 2 × 2's second axis (impact, 0–100).
        public let secondary: RatingSummary?
        /// Scoring: every factor's spread.
        public let factors: [FactorSummary]
        /// From round 2: how the main value moved since the round before.
        public let convergence: LiveConvergence?
        /// The main value by each declared attribute, small groups suppressed.
        public let breakdowns: [LiveBreakdown]
        /// Scoring rationales and survey comments: participant id and text, sorted by text so their order says nothing
        /// about who wrote them; pages name the writer only in pseudonymous and named sessions.
        public internal(set) var texts: [LiveText]
        /// 2 × 2: shares of answers in each quadrant (likelihood high/low × impact high/low; high is 50 and above).
        public let quadrants: Quadrants?
    }

    /// Shares of placements per quadrant of the 2 × 2.
    public struct Quadrants: Sendable, Hashable, Codable {
        public let highLikelihoodHighImpact: Double
        public let highLikelihoodLowImpact: Double
        public let lowLikelihoodHighImpact: Double
        public let lowLikelihoodLowImpact: Double
    }

    /// A written answer and who wrote it.
    public struct LiveText: Sendable, Hashable, Codable {
        /// The participant's id in results; in an export, the label the session's anonymity mode allows (empty when anonymous).
        public internal(set) var participantID: String
        public let text: String
    }

    /// An idea's votes in the voting round.
    public struct IdeaTally: Sendable, Hashable, Codable {
        public let ideaID: String
        public let text: String
        public let votes: Int
        /// Ideas merged into this one.
        public let merged: Int
    }

    /// A quiz round's scores: per participant the share of questions answered correctly.
    public struct QuizScores: Sendable, Hashable, Codable {
        public let scores: RatingSummary?
        /// Round 2: mean of (after − before) over participants who took both, as a share of the questions.
        public let meanGain: Double?
        public let paired: Int
    }

    /// How a ranking moved since the round before (from round 2).
    public struct RankingChange: Sendable, Hashable, Codable {
        /// Kendall's W of the round before, when it had one.
        public let previousConcordance: Double?
        /// Participants who ranked in both rounds, and how many of them changed their ranking.
        public let answeredBoth: Int
        public let changed: Int
    }

    public let activityID: String
    public let round: Int
    /// Participants who answered anything in this round.
    public let participants: Int
    public internal(set) var items: [ItemResult]
    public let ranking: LiveRanking?
    public let ideas: [IdeaTally]
    public let quiz: QuizScores?
    public var rankingChange: RankingChange? = nil

    /// Computes the results of `round` from every stored answer of the activity (earlier rounds feed the convergence).
    public static func compute(
        activity: LiveActivity, round: Int, submissions: [LiveSubmission], ideas: [LiveIdea], participants: [LiveParticipant],
        minimumGroupSize: Int, minimumForConsensus: Int = MethodVersion.defaultConsensusMinimumRatings
    ) -> LiveResults {
        let current = submissions.filter { $0.round == round }
        let previous = submissions.filter { $0.round == round - 1 }
        let attributes = Dictionary(participants.map { ($0.id, $0.attributes) }, uniquingKeysWith: { a, _ in a })
        let answering = Set(current.map(\.participantID))
        var items: [ItemResult] = []
        var ranking: LiveRanking?
        var tallies: [IdeaTally] = []
        var quiz: QuizScores?
        var rankingChange: RankingChange?
        switch activity.kind {
        case .ranking:
            let rankings = current.compactMap { submission -> [String: Int]? in
                if case .ranking(let ranks) = submission.answer { return ranks }
                return nil
            }
            ranking = LiveRanking(keys: activity.items.map(\.key), rankings: rankings, limit: activity.limit)
            if round > 1 {
                func byParticipant(_ list: [LiveSubmission]) -> [String: [String: Int]] {
                    Dictionary(
                        list.compactMap { submission -> (String, [String: Int])? in
                            if case .ranking(let ranks) = submission.answer { return (submission.participantID, ranks) }
                            return nil
                        }, uniquingKeysWith: { a, _ in a })
                }
                let before = byParticipant(previous)
                let now = byParticipant(current)
                let both = Set(before.keys).intersection(now.keys)
                rankingChange = RankingChange(
                    previousConcordance: LiveRanking(keys: activity.items.map(\.key), rankings: Array(before.values), limit: activity.limit)
                        .concordance,
                    answeredBoth: both.count, changed: both.filter { before[$0] != now[$0] }.count)
            }
        case .ideas:
            let votes = current.flatMap { submission -> [String] in
                if case .votes(let ids) = submission.answer { return ids }
                return []
            }
            // A vote for an idea merged since goes to the idea it was merged into (following merges of merges); a vote for a
            // hidden idea counts for nothing.
            let byID = Dictionary(ideas.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            func target(_ id: String) -> String? {
                var current = id
                for _ in 0...ideas.count {
                    guard let idea = byID[current] else { return nil }
                    guard let next = idea.mergedInto else { return idea.hidden ? nil : idea.id }
                    current = next
                }
                return nil
            }
            var counted: [String: Int] = [:]
            for vote in votes { if let id = target(vote) { counted[id, default: 0] += 1 } }
            tallies = ideas.filter(\.isVotable).map { idea in
                IdeaTally(ideaID: idea.id, text: idea.text, votes: counted[idea.id] ?? 0, merged: ideas.filter { $0.mergedInto == idea.id }.count)
            }
            .sorted { ($1.votes, $0.text) < ($0.votes, $1.text) }
        case .allocation:
            items = activity.items.map { item in
                func points(_ list: [LiveSubmission]) -> [String: Double] {
                    Dictionary(
                        list.compactMap { submission -> (String, Double)? in
                            guard case .allocation(let given) = submission.answer else { return nil }
                            return (submission.participantID, Double(given[item.key] ?? 0))
                        }, uniquingKeysWith: { a, _ in a })
                }
                return itemResult(item, now: points(current), before: points(previous), attributes: attributes, minimumGroupSize, minimumForConsensus)
            }
        case .scoring, .matrix, .grid, .quiz, .survey:
            items = activity.items.map { item in
                let own = current.filter { $0.itemKey == item.key }
                let earlier = previous.filter { $0.itemKey == item.key }
                var result = itemResult(
                    item, now: mainValues(own, item: item), before: mainValues(earlier, item: item), attributes: attributes, minimumGroupSize,
                    minimumForConsensus)
                let scores = own.compactMap { submission -> ScenarioScore? in
                    if case .score(let score) = submission.answer { return score }
                    return nil
                }
                let impacts = own.compactMap { submission -> Double? in
                    if case .placement(_, let impact) = submission.answer { return Double(impact) }
                    return nil
                }
                let texts = own.compactMap { submission -> LiveText? in
                    switch submission.answer {
                    case .score(let score) where !score.rationale.isEmpty: LiveText(participantID: submission.participantID, text: score.rationale)
                    case .rating(_, let comment) where !comment.isEmpty: LiveText(participantID: submission.participantID, text: comment)
                    default: nil
                    }
                }
                .sorted { ($0.text, $0.participantID) < ($1.text, $1.participantID) }
                result = ItemResult(
                    key: result.key, label: result.label, count: result.count, summary: result.summary, values: result.values,
                    secondary: RatingSummary(impacts, minimumForConsensus: minimumForConsensus),
                    factors: FactorSummary.of(scores, minimumForConsensus: minimumForConsensus), convergence: result.convergence,
                    breakdowns: result.breakdowns, texts: texts, quadrants: quadrants(own))
                return result
            }
            if activity.kind == .quiz { quiz = quizScores(activity, current: current, previous: previous, round: round) }
        }
        // An idea board's entry round: the people who wrote ideas answered it.
        let people = activity.kind == .ideas && round == 1 ? Set(ideas.map(\.participantID)).count : answering.count
        var results = LiveResults(
            activityID: activity.id, round: round, participants: people, items: items, ranking: ranking, ideas: tallies, quiz: quiz)
        results.rankingChange = rankingChange
        return results
    }

    /// participant → the item's main value.
    static func mainValues(_ submissions: [LiveSubmission], item: LiveItem) -> [String: Double] {
        var values: [String: Double] = [:]
        for submission in submissions {
            let value: Double? =
                switch submission.answer {
                case .score(let score): Double(score.threat)
                case .placement(let likelihood, _): Double(likelihood)
                case .level(let level): Double(level)
                case .choice(let choice): choice == item.correctOption ? 1 : 0
                case .rating(let rating, _): Double(rating)
                case .ranking, .allocation, .votes: nil
                }
            if let value { values[submission.participantID] = value }
        }
        return values
    }

    private static func itemResult(
        _ item: LiveItem, now: [String: Double], before: [String: Double], attributes: [String: LiveAttributes], _ minimumGroupSize: Int,
        _ minimumForConsensus: Int
    ) -> ItemResult {
        let breakdowns = Set(attributes.values.flatMap { $0.values.keys }).sorted { $0.rawValue < $1.rawValue }.map {
            LiveBreakdown($0, answers: now, attributes: attributes, minimum: minimumGroupSize, minimumForConsensus: minimumForConsensus)
        }
        return ItemResult(
            key: item.key, label: item.label, count: now.count, summary: RatingSummary(Array(now.values), minimumForConsensus: minimumForConsensus),
            values: now.values.sorted(), secondary: nil, factors: [], convergence: LiveConvergence(previous: before, current: now),
            breakdowns: breakdowns, texts: [], quadrants: nil)
    }

    private static func quadrants(_ submissions: [LiveSubmission]) -> Quadrants? {
        let points = submissions.compactMap { submission -> (Int, Int)? in
            if case .placement(let likelihood, let impact) = submission.answer { return (likelihood, impact) }
            return nil
        }
        guard !points.isEmpty else { return nil }
        let n = Double(points.count)
        func share(_ high: (Int, Int) -> Bool) -> Double { Double(points.filter(high).count) / n }
        return Quadrants(
            highLikelihoodHighImpact: share { $0 >= 50 && $1 >= 50 }, highLikelihoodLowImpact: share { $0 >= 50 && $1 < 50 },
            lowLikelihoodHighImpact: share { $0 < 50 && $1 >= 50 }, lowLikelihoodLowImpact: share { $0 < 50 && $1 < 50 })
    }

    /// Per participant the share of the questions answered correctly (a question not answered counts as wrong).
    static func quizScores(_ activity: LiveActivity, current: [LiveSubmission], previous: [LiveSubmission], round: Int) -> QuizScores {
        let questions = Double(max(1, activity.items.count))
        func scores(_ list: [LiveSubmission]) -> [String: Double] {
            var correct: [String: Double] = [:]
            for submission in list {
                guard case .choice(let choice) = submission.answer else { continue }
                let right = activity.item(submission.itemKey)?.correctOption == choice
                correct[submission.participantID, default: 0] += right ? 1 : 0
            }
            return correct.mapValues { $0 / questions }
        }
        let now = scores(current)
        let before = scores(previous)
        let both = Set(now.keys).intersection(before.keys)
        let gains = both.map { (now[$0] ?? 0) - (before[$0] ?? 0) }
        return QuizScores(
            scores: RatingSummary(Array(now.values)), meanGain: round > 1 && !gains.isEmpty ? gains.reduce(0, +) / Double(gains.count) : nil,
            paired: both.count)
    }
}
