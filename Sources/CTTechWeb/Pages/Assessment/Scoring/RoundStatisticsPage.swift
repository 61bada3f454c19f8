import CTTechCore
import Foundation

/// Issue 12: every revealed round of an assessment's scoring, scenario by scenario, with the spread of each factor (n,
/// median, mean, minimum, maximum, quartiles, IQR, agreement) — so the path from round 1 to the register stays readable.
public struct RoundStatisticsPage: WebPage {
    public static let template = "round-statistics"

    struct Round: Sendable, TemplateModel {
        let heading: String
        /// "Of whom 4 workshop participants" when a workshop's input counts in the round.
        let workshop: String?
        let rows: [LiveRoundView.StatRow]
    }

    /// One round of workshop rankings: each scenario's mean and median rank, and Kendall's W.
    struct Ranking: Sendable, TemplateModel {
        struct Line: Sendable, TemplateModel {
            let title: String
            let mean: String
            let median: String
            let firsts: String
        }
        let heading: String
        let concordance: String
        let lines: [Line]
    }

    struct Scenario: Sendable, TemplateModel {
        let title: String
        let rounds: [Round]
    }

    public let layout: LayoutModel
    let assessmentTitle: String
    let assessmentHref: String
    let csvHref: String
    let intro: String
    let scenarios: [Scenario]
    let hasScenarios: Bool
    let rankings: [Ranking]
    let hasRankings: Bool

    /// `revealedThrough`: the latest revealed round (0: none yet).
    public static func make(layout: LayoutModel, assessment: Assessment, statistics: RoundStatistics, revealedThrough: Int) -> RoundStatisticsPage {
        let t = layout.localizer
        var scenarios: [Scenario] = []
        for row in statistics.rows {
            let round = Round(
                heading: t("rounds.round", ["round": String(row.round)]),
                workshop: row.workshop == 0 ? nil : t("rounds.workshop", count: row.workshop),
                rows: row.factors.map {
                    LiveRoundView.StatRow.make(
                        t("live.factor." + $0.factor.code), $0.summary, agreement: $0.agreement, percent: $0.factor == .likelihood, t)
                })
            if scenarios.last?.title == row.title, let last = scenarios.popLast() {
                scenarios.append(Scenario(title: last.title, rounds: last.rounds + [round]))
            } else {
                scenarios.append(Scenario(title: row.title, rounds: [round]))
            }
        }
        let titles = statistics.titles
        let rankings = statistics.rankings.map { ranking in
            Ranking(
                heading: t("rounds.ranking", ["round": String(ranking.round)]),
                concordance: ranking.summary.concordance.map {
                    t("rounds.ranking-w", ["w": t.number($0, fractionDigits: 2), "count": String(ranking.summary.rankings)])
                } ?? t("rounds.ranking-no-w", ["count": String(ranking.summary.rankings)]),
                lines: ranking.summary.items.filter { titles[$0.key] != nil || $0.rankedBy > 0 }.map {
                    Ranking.Line(
                        title: titles[$0.key] ?? $0.key, mean: t.number($0.meanRank, fractionDigits: 1),
                        median: t.number($0.medianRank, fractionDigits: 1),
                        firsts: String($0.firstPlaces))
                })
        }
        return RoundStatisticsPage(
            layout: layout, assessmentTitle: assessment.title, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path,
            csvHref: SiteURL.roundStatisticsCSV(assessment.stateID, assessment.id).path,
            intro: revealedThrough == 0 ? t("rounds.none") : t("rounds.intro", count: revealedThrough), scenarios: scenarios,
            hasScenarios: !scenarios.isEmpty, rankings: rankings, hasRankings: !rankings.isEmpty)
    }
}
