/// What closing, reopening or revealing the current round will do, said before the facilitator confirms (issue 8, item
/// 1): which scenarios nobody scored in the round and what the register will show for each, and which have fewer
/// ratings than consensus needs. Counts only: never who scored what.
public struct RoundChangePreview: Sendable, Hashable {
    public struct Unscored: Sendable, Hashable {
        public let title: String
        /// The last revealed round that scored the scenario, whose values the register keeps; nil: it leaves the register.
        public let keptFromRound: Int?

        public init(title: String, keptFromRound: Int?) {
            self.title = title
            self.keptFromRound = keptFromRound
        }
    }

    public struct FewRatings: Sendable, Hashable {
        public let title: String
        public let ratings: Int

        public init(title: String, ratings: Int) {
            self.title = title
            self.ratings = ratings
        }
    }

    public let round: ScoringRound
    public let target: ScoringRound.Status
    public let scenarioCount: Int
    public let unscored: [Unscored]
    public let fewRatings: [FewRatings]
    public let consensusMinimum: Int

    /// Nothing in the move deserves a second look: every scenario has at least the minimum number of ratings.
    public var isQuiet: Bool { unscored.isEmpty && fewRatings.isEmpty }

    /// Builds the preview from the round's submission counts per scenario and the rounds in which each scenario was scored
    /// before (revealed rounds only).
    public static func make(
        round: ScoringRound, target: ScoringRound.Status, scenarios: [ThreatScenario], counts: [String: Int], earlierRounds: [String: Int],
        consensusMinimum: Int
    ) -> RoundChangePreview {
        var unscored: [Unscored] = []
        var few: [FewRatings] = []
        for scenario in scenarios {
            let n = counts[scenario.id] ?? 0
            if n == 0 {
                unscored.append(Unscored(title: scenario.title, keptFromRound: earlierRounds[scenario.id]))
            } else if n < consensusMinimum {
                few.append(FewRatings(title: scenario.title, ratings: n))
            }
        }
        return RoundChangePreview(
            round: round, target: target, scenarioCount: scenarios.count, unscored: unscored, fewRatings: few, consensusMinimum: consensusMinimum)
    }
}
