import CTTechCore
import Foundation

/// One revealed round of one activity as the results page and the presenter view show it (partial
/// `live-round-results`): per item the spread as a dot plot with a table of n, median, mean, minimum, maximum,
/// quartiles, IQR and agreement (for scores: of every factor), the convergence since the round before, breakdowns by
/// declared attribute with small groups suppressed, and the written rationales without names unless the session names
/// people; rankings with Kendall's W; the 2 × 2; idea votes; quiz scores.
struct LiveRoundView: Sendable, TemplateModel {
    struct StatRow: Sendable, TemplateModel {
        let name: String
        let count: String
        let median: String
        let mean: String
        let minimum: String
        let maximum: String
        let lowerQuartile: String
        let upperQuartile: String
        let iqr: String
        let agreement: String

        /// A summary's figures in the reader's language (percentages for shares and probabilities).
        static func make(
            _ name: String, _ summary: RatingSummary, agreement: RatingSummary.Agreement? = nil, percent: Bool = false, _ t: Localizer
        ) -> StatRow {
            let f: (Double) -> String = percent ? { t.percent($0) } : { t.number($0, fractionDigits: 2) }
            return StatRow(
                name: name, count: String(summary.count), median: f(summary.median), mean: f(summary.mean), minimum: f(summary.minimum),
                maximum: f(summary.maximum), lowerQuartile: f(summary.lowerQuartile), upperQuartile: f(summary.upperQuartile),
                iqr: f(summary.interquartileRange), agreement: t("live.agreement." + (agreement ?? summary.agreement).rawValue))
        }
    }

    struct GroupRow: Sendable, TemplateModel {
        let value: String
        let count: String
        let median: String
        let iqr: String
    }

    struct Breakdown: Sendable, TemplateModel {
        let attribute: String
        let groups: [GroupRow]
        let hasSuppressed: Bool
    }

    struct Text: Sendable, TemplateModel {
        let author: String?
        let text: String
    }

    struct Item: Sendable, TemplateModel {
        let number: Int
        let label: String
        let chartSVG: String?
        let rows: [StatRow]
        let convergence: String?
        let breakdowns: [Breakdown]
        let hasBreakdowns: Bool
        let texts: [Text]
        let hasTexts: Bool
        let quadrants: String?
    }

    struct RankRow: Sendable, TemplateModel {
        let label: String
        let meanRank: String
        let medianRank: String
        let firstPlaces: String
        let rankedBy: String
    }

    struct IdeaRow: Sendable, TemplateModel {
        let text: String
        let votes: String
        let merged: String?
    }

    let heading: String
    let items: [Item]
    let hasItems: Bool
    let rankingSVG: String?
    let rankRows: [RankRow]
    let hasRanking: Bool
    let concordance: String?
    /// From round 2 of a ranking: W before, and how many changed their ranking.
    let rankingChange: String?
    /// An idea board's voting round (the entry round lists the ideas without votes).
    let ideasVoted: Bool
    let matrixSVG: String?
    let ideas: [IdeaRow]
    let hasIdeas: Bool
    let quiz: String?
    let minimumNote: String

    static func make(
        _ results: LiveResults, activity: LiveActivity, session: LiveSession, participants: [LiveParticipant], t: Localizer
    ) -> LiveRoundView {
        let people = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func n(_ v: Double, _ digits: Int = 2) -> String { t.number(v, fractionDigits: digits) }
        func row(_ name: String, _ summary: RatingSummary, agreement: RatingSummary.Agreement? = nil, percent: Bool = false) -> StatRow {
            StatRow.make(name, summary, agreement: agreement, percent: percent, t)
        }
        let (range, mainName): (ClosedRange<Double>, String) =
            switch activity.kind {
            case .scoring: (1...25, t("live.factor.threat"))
            case .matrix: (0...100, t("live.chart.likelihood"))
            case .allocation: (0...Double(LiveLimits.allocationPoints), t("live.value.points"))
            case .grid: (0...5, t("live.value.stage"))
            case .quiz: (0...1, t("live.value.correct"))
            case .survey: (1...5, t("live.value.agreement"))
            case .ranking, .ideas: (0...1, "")
            }
        let items = results.items.enumerated().map { index, item -> Item in
            var rows: [StatRow] = []
            if activity.kind == .scoring {
                rows = item.factors.map {
                    row(t("live.factor." + $0.factor.code), $0.summary, agreement: $0.agreement, percent: $0.factor == .likelihood)
                }
            } else if let summary = item.summary {
                rows = [row(mainName, summary, percent: activity.kind == .quiz)]
                if let secondary = item.secondary { rows.append(row(t("live.chart.impact"), secondary)) }
            }
            let convergence = item.convergence.map {
                t(
                    "live.convergence",
                    [
                        "median": (($0.medianChange >= 0) ? "+" : "") + n($0.medianChange),
                        "iqr": (($0.interquartileRangeChange >= 0) ? "+" : "") + n($0.interquartileRangeChange),
                        "changed": t.percent($0.shareChanged), "both": String($0.answeredBoth),
                    ])
            }
            let breakdowns = item.breakdowns.map { breakdown in
                Breakdown(
                    attribute: t("live.attribute." + breakdown.attribute.rawValue),
                    groups: breakdown.groups.map { group in
                        let value = group.value.map { t("live.attribute-value." + breakdown.attribute.rawValue + "." + $0) } ?? t("live.not-declared")
                        guard let summary = group.summary else {
                            return GroupRow(
                                value: value, count: t("live.suppressed", ["minimum": String(session.minimumGroupSize)]), median: "—", iqr: "—")
                        }
                        return GroupRow(value: value, count: String(summary.count), median: n(summary.median), iqr: n(summary.interquartileRange))
                    }, hasSuppressed: breakdown.groups.contains(where: \.suppressed))
            }
            let texts = item.texts.map { text in
                Text(
                    author: session.anonymity == .anonymous ? nil : people[text.participantID].map { LiveWords.participant($0, in: session, t) },
                    text: text.text)
            }
            let quadrants = item.quadrants.map {
                t(
                    "live.quadrants",
                    [
                        "hh": t.percent($0.highLikelihoodHighImpact), "hl": t.percent($0.highLikelihoodLowImpact),
                        "lh": t.percent($0.lowLikelihoodHighImpact),
                        "ll": t.percent($0.lowLikelihoodLowImpact),
                    ])
            }
            let chart =
                item.values.isEmpty || activity.kind == .allocation && item.values.allSatisfy({ $0 == 0 })
                ? nil
                : LiveChart.dotPlot(
                    values: item.values, summary: item.summary, range: range, title: t("live.chart.spread", ["item": item.label]),
                    id: "spread-\(results.round)-\(index + 1)", t: t)
            return Item(
                number: index + 1, label: item.label, chartSVG: chart, rows: rows, convergence: convergence, breakdowns: breakdowns,
                hasBreakdowns: !breakdowns.isEmpty, texts: texts, hasTexts: !texts.isEmpty, quadrants: quadrants)
        }
        let labels = Dictionary(activity.items.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        let matrixPoints = results.items.enumerated().compactMap { index, item -> (number: Int, likelihood: RatingSummary, impact: RatingSummary)? in
            guard activity.kind == .matrix, let x = item.summary, let y = item.secondary else { return nil }
            return (index + 1, x, y)
        }
        return LiveRoundView(
            heading: t("live.results.round", count: results.participants, ["round": String(results.round)]), items: items, hasItems: !items.isEmpty,
            rankingSVG: results.ranking.map { LiveChart.ranking($0, labels: labels, id: "ranking-\(results.round)", t: t) },
            rankRows: results.ranking?.items.map {
                RankRow(
                    label: labels[$0.key] ?? $0.key, meanRank: n($0.meanRank, 1), medianRank: n($0.medianRank, 1),
                    firstPlaces: String($0.firstPlaces),
                    rankedBy: String($0.rankedBy))
            } ?? [], hasRanking: results.ranking != nil,
            concordance: results.ranking.map { ranking in
                ranking.concordance.map { t("live.kendall", ["w": n($0, 3), "rankings": String(ranking.rankings)]) } ?? t("live.kendall-none")
            },
            rankingChange: results.rankingChange.map { change in
                t(
                    "live.ranking-change",
                    [
                        "previous": change.previousConcordance.map { n($0, 3) } ?? "—", "changed": String(change.changed),
                        "both": String(change.answeredBoth),
                    ])
            }, ideasVoted: results.round > 1,
            matrixSVG: matrixPoints.isEmpty ? nil : LiveChart.matrix(matrixPoints, id: "matrix-\(results.round)", t: t),
            ideas: results.ideas.map {
                IdeaRow(text: $0.text, votes: String($0.votes), merged: $0.merged > 0 ? t("live.ideas.merged", count: $0.merged) : nil)
            },
            hasIdeas: !results.ideas.isEmpty,
            quiz: results.quiz.map { quiz in
                var text = quiz.scores.map { t("live.quiz.scores", ["median": t.percent($0.median), "mean": t.percent($0.mean)]) } ?? ""
                if let gain = quiz.meanGain { text += " " + t("live.quiz.gain", ["gain": t.percent(gain), "paired": String(quiz.paired)]) }
                return text
            }, minimumNote: t("live.minimum-note", ["minimum": String(session.minimumGroupSize)]))
    }
}
