import CTTechCore
import Foundation

/// Issue 12: every revealed round of an assessment's scoring, scenario by scenario, with the spread of each factor (n,
/// median, mean, minimum, maximum, quartiles, IQR, agreement) — so the path from round 1 to the register stays readable.
public struct RoundStatisticsPage: WebPage {
    public static let template = "round-statistics"

    struct Round: Sendable, TemplateModel {
        let heading: String
        let rows: [LiveRoundView.StatRow]
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

    /// `revealedThrough`: the latest revealed round (0: none yet).
    public static func make(layout: LayoutModel, assessment: Assessment, statistics: RoundStatistics, revealedThrough: Int) -> RoundStatisticsPage {
        let t = layout.localizer
        var scenarios: [Scenario] = []
        for row in statistics.rows {
            let round = Round(
                heading: t("rounds.round", ["round": String(row.round)]),
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
        return RoundStatisticsPage(
            layout: layout, assessmentTitle: assessment.title, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path,
            csvHref: SiteURL.roundStatisticsCSV(assessment.stateID, assessment.id).path,
            intro: revealedThrough == 0 ? t("rounds.none") : t("rounds.intro", count: revealedThrough), scenarios: scenarios,
            hasScenarios: !scenarios.isEmpty)
    }
}
