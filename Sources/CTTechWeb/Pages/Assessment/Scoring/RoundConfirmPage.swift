import CTTechCore
import Foundation

/// Asks the facilitator to confirm closing, reopening or revealing a round, after saying what it will do to the register.
public struct RoundConfirmPage: WebPage {
    public static let template = "round-confirm"
    struct Line: Sendable, TemplateModel {
        let title: String
        let outcome: String
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let heading: String
    let summary: String
    let unscored: [Line]
    let fewRatings: [Line]
    let consequence: String?
    let action: String
    let to: String
    let confirmLabel: String
    let csrf: String

    public static func make(layout: LayoutModel, assessment: Assessment, preview p: RoundChangePreview, csrf: String) -> RoundConfirmPage {
        let t = layout.localizer
        let n = p.round.number
        // The move: close, reveal, reopen, or open the next round.
        let move: String
        let round: Int
        let consequence: String?
        switch p.target {
        case .closed:
            (move, round) = ("close", n)
            consequence = t("scoring.confirm.close.consequence", ["round": String(n)])
        case .revealed:
            (move, round) = ("reveal", n)
            consequence = t("scoring.confirm.reveal.consequence", ["round": String(n)])
        case .open:
            (move, round) = p.round.status == .closed ? ("reopen", n) : ("open", n + 1)
            consequence = p.round.status == .closed ? t("scoring.confirm.reopen.consequence", ["round": String(n)]) : nil
        }
        let summary =
            p.scenarioCount == 0
            ? t("scoring.confirm.no-scenarios")
            : p.unscored.isEmpty
                ? t("scoring.confirm.all-scored", count: p.scenarioCount, ["round": String(n)])
                : t(
                    "scoring.confirm.some-unscored",
                    ["round": String(n), "unscored": String(p.unscored.count), "total": String(p.scenarioCount)])
        return RoundConfirmPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path,
            heading: t("scoring.confirm.\(move).heading", ["round": String(round)]),
            summary: summary,
            unscored: p.unscored.map {
                Line(
                    title: $0.title,
                    outcome: $0.keptFromRound.map { t("scoring.confirm.kept", ["round": String($0)]) } ?? t("scoring.confirm.dropped"))
            },
            fewRatings: p.fewRatings.map {
                Line(
                    title: $0.title,
                    outcome: t(
                        "scoring.confirm.few", count: p.consensusMinimum,
                        ["ratings": String($0.ratings), "label": RegisterWords.agreement(.tooFewRatings, t)]))
            },
            consequence: consequence, action: SiteURL.assessmentRound(assessment.stateID, assessment.id).path, to: p.target.rawValue,
            confirmLabel: t("scoring.confirm.\(move).button", ["round": String(round)]), csrf: csrf)
    }
}
