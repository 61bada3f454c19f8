/// What every revealed round of an assessment said, scenario by scenario and factor by factor (issue 12: "every round stays
/// readable afterwards"): n, median, mean, minimum, maximum, quartiles (type 7), IQR and agreement of intent, actor
/// capability, technology accessibility, opportunity, likelihood, each impact dimension and the threat (I × C). Only the
/// rounds given are counted — callers pass revealed rounds only, so an open round is never summarised.
public struct RoundStatistics: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public let scenarioID: String
        public let title: String
        public let round: Int
        public let factors: [FactorSummary]
        /// How many of the round's assessors of this scenario were workshop participants (``WorkshopInput``).
        public let workshop: Int
    }

    /// The workshop participants' rankings of the scenarios in one round (``WorkshopRanking``): mean and median rank and
    /// Kendall's W with the tie correction.
    public struct Ranking: Sendable, Hashable {
        public let round: Int
        public let summary: LiveRanking
    }

    /// In the scenarios' order, then by round.
    public let rows: [Row]
    /// By round.
    public let rankings: [Ranking]
    /// Every scenario's title by id (a scenario only ranked, never scored, has no row).
    public let titles: [String: String]

    public init(
        scenarios: [ThreatScenario], scores: [ScenarioScore], throughRound: Int, minimumForConsensus: Int, rankings: [WorkshopRanking] = []
    ) {
        let counted = scores.filter { $0.round <= throughRound }
        let byRound = FactorSummary.byRound(counted, minimumForConsensus: minimumForConsensus)
        var workshop: [String: Int] = [:]
        for score in counted where WorkshopInput.isWorkshop(score.assessorID) { workshop["\(score.scenarioID)|\(score.round)", default: 0] += 1 }
        rows = scenarios.flatMap { scenario in
            (byRound[scenario.id] ?? [:]).sorted { $0.key < $1.key }.map {
                Row(
                    scenarioID: scenario.id, title: scenario.title, round: $0.key, factors: $0.value,
                    workshop: workshop["\(scenario.id)|\($0.key)"] ?? 0)
            }
        }
        // Only the scenarios ranked in the round count: an activity ranks a choice of the scenarios, and the others would
        // otherwise sit tied last in every ranking and raise W.
        self.rankings = Dictionary(grouping: rankings.filter { $0.round <= throughRound }, by: \.round).sorted { $0.key < $1.key }.map {
            round, group in
            let ranked = Set(group.flatMap(\.ranks.keys))
            let keys = scenarios.map(\.id).filter(ranked.contains) + ranked.subtracting(scenarios.map(\.id)).sorted()
            return Ranking(round: round, summary: LiveRanking(keys: keys, rankings: group.map(\.ranks), limit: group.map(\.limit).max() ?? 0))
        }
        titles = Dictionary(scenarios.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    }

    /// RFC 4180 CSV, one row per scenario, round and factor; cells a spreadsheet would read as a formula get an apostrophe.
    public func csv(tlp: String) -> String {
        var lines = ["tlp,scenario_id,scenario,round,factor,n,median,mean,minimum,maximum,q1,q3,iqr,agreement,workshop_n"]
        for row in rows {
            for factor in row.factors {
                let s = factor.summary
                let cells =
                    [tlp, row.scenarioID, row.title, String(row.round), factor.factor.code] + s.csvFigures + [
                        factor.agreement.rawValue, String(row.workshop),
                    ]
                lines.append(cells.map(RegisterDocument.cell).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
