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
    }

    /// In the scenarios' order, then by round.
    public let rows: [Row]

    public init(scenarios: [ThreatScenario], scores: [ScenarioScore], throughRound: Int, minimumForConsensus: Int) {
        let byRound = FactorSummary.byRound(scores.filter { $0.round <= throughRound }, minimumForConsensus: minimumForConsensus)
        rows = scenarios.flatMap { scenario in
            (byRound[scenario.id] ?? [:]).sorted { $0.key < $1.key }.map {
                Row(scenarioID: scenario.id, title: scenario.title, round: $0.key, factors: $0.value)
            }
        }
    }

    /// RFC 4180 CSV, one row per scenario, round and factor; cells a spreadsheet would read as a formula get an apostrophe.
    public func csv(tlp: String) -> String {
        var lines = ["tlp,scenario_id,scenario,round,factor,n,median,mean,minimum,maximum,q1,q3,iqr,agreement"]
        for row in rows {
            for factor in row.factors {
                let s = factor.summary
                let cells = [tlp, row.scenarioID, row.title, String(row.round), factor.factor.code] + s.csvFigures + [factor.agreement.rawValue]
                lines.append(cells.map(RegisterDocument.cell).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
