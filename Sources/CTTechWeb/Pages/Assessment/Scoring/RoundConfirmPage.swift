import CTTechCore
import Foundation

/// Asks the facilitator to confirm closing, reopening or revealing a round, after saying what it will do to the register.
public struct RoundConfirmPage: WebPage {
    public static let template = "round-confirm"
    struct Line: Sendable {
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
        let n = p.round.number
        let verb: String
        let consequence: String?
        switch p.target {
        case .closed:
            verb = "Close round \(n)"
            consequence =
                "Nobody can score round \(n) once it is closed. You can reopen it before the reveal; after the reveal, scores "
                + "join the register as they are."
        case .revealed:
            verb = "Reveal round \(n)"
            consequence =
                "Everyone will see the spread and the anonymised rationales, and the register will be computed from round \(n). "
                + "A revealed round cannot be hidden again."
        case .open:
            verb = p.round.status == .closed ? "Reopen round \(n)" : "Open round \(n + 1)"
            consequence = p.round.status == .closed ? "Assessors who have not scored yet can score round \(n) again." : nil
        }
        let summary =
            p.scenarioCount == 0
            ? "This assessment has no scenario yet."
            : p.unscored.isEmpty
                ? "Every scenario (\(p.scenarioCount)) has at least one score in round \(n)."
                : "Scenarios without a score in round \(n): \(p.unscored.count) of \(p.scenarioCount)."
        return RoundConfirmPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path, heading: "\(verb)?",
            summary: summary,
            unscored: p.unscored.map {
                Line(
                    title: $0.title,
                    outcome: $0.keptFromRound.map { "the register keeps its values from round \($0), marked as such" }
                        ?? "not in the register: it has never been scored in a revealed round")
            },
            fewRatings: p.fewRatings.map {
                Line(title: $0.title, outcome: "\($0.ratings) of at least \(p.consensusMinimum) ratings: shown as “too few ratings” for consensus")
            },
            consequence: consequence, action: SiteURL.assessmentRound(assessment.stateID, assessment.id).path, to: p.target.rawValue,
            confirmLabel: "Yes, \(verb.prefix(1).lowercased() + verb.dropFirst())", csrf: csrf)
    }
}
