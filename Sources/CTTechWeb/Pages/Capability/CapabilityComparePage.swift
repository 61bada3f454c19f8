import CTTechCore
import Foundation

/// Steps 7 and follow-up: two capability assessments side by side — the self-assessment against the validated one, or
/// the baseline against the follow-up: levels per area and enabler that moved, and every criterion whose answer differs
/// with the evidence each side cites.
public struct CapabilityComparePage: WebPage {
    public static let template = "capability-compare"

    struct CellRow: Sendable, TemplateModel {
        let area: String
        let enabler: String
        let before: String
        let after: String
        let delta: String
        let deltaClass: String
    }

    struct CriterionRow: Sendable, TemplateModel {
        let area: String
        let code: String
        let text: String
        let before: String
        let after: String
        let beforeEvidence: String
        let afterEvidence: String
        let direction: String
    }

    public let layout: LayoutModel
    let heading: String
    /// "Self-assessed" and "Validated" when a validation is compared, "Before" and "After" for a follow-up.
    let beforeLabel: String
    let afterLabel: String
    let backHref: String
    let beforeTitle: String
    let afterTitle: String
    let summary: String
    let moved: [CellRow]
    let criteria: [CriterionRow]
    let unchanged: String

    /// `before` is the self-assessment or the baseline, `after` the validated assessment or the follow-up.
    public static func make(
        layout: LayoutModel, stateID: String, from: CapabilityAssessment, before: CapabilityAssessment, after: CapabilityAssessment,
        framework: CapabilityFramework, comparison: CapabilityComparison, beforeEvidence: [CapabilityEvidence], afterEvidence: [CapabilityEvidence]
    ) -> CapabilityComparePage {
        let t = layout.localizer
        let validation = after.kind == .validated
        // The answer's note, then the evidence it cites.
        func describe(_ record: CriterionRecord?, _ evidence: [CapabilityEvidence]) -> String {
            let byID = Dictionary(evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let texts =
                [record?.note ?? ""].filter { !$0.isEmpty }
                + (record?.evidenceIDs ?? []).compactMap { byID[$0].map { "[\($0.grading)] \($0.summary)" } }
            return texts.isEmpty ? "—" : texts.joined(separator: "; ")
        }
        let moved = comparison.moved.map { c in
            CellRow(
                area: CapabilityWords.area(c.area, framework: framework, t), enabler: CapabilityWords.enabler(c.enabler, framework: framework, t),
                before: String(c.before.level), after: String(c.after.level), delta: (c.delta > 0 ? "+" : "") + String(c.delta),
                deltaClass: c.delta > 0 ? "up" : "down")
        }
        let criteria = comparison.criteria.map { c in
            CriterionRow(
                area: c.area, code: c.criterion, text: framework.criterion(c.criterion)?.text(in: t.language) ?? c.criterion,
                before: c.before.map { CapabilityWords.answer($0.answer, t) } ?? t("capability.answer.unanswered"),
                after: c.after.map { CapabilityWords.answer($0.answer, t) } ?? t("capability.answer.unanswered"),
                beforeEvidence: describe(c.before, beforeEvidence), afterEvidence: describe(c.after, afterEvidence),
                direction: !validation
                    ? t("capability.compare.direction.\(c.direction)")
                    : c.after == nil ? t("capability.compare.not-checked") : t("capability.compare.validated-direction.\(c.direction)"))
        }
        let up = comparison.moved.filter { $0.delta > 0 }.count
        let down = comparison.moved.filter { $0.delta < 0 }.count
        return CapabilityComparePage(
            layout: layout, heading: t("capability.compare.heading"),
            beforeLabel: validation ? CapabilityWords.kind(.selfAssessed, t) : t("capability.compare.before"),
            afterLabel: validation ? CapabilityWords.kind(.validated, t) : t("capability.compare.after"),
            backHref: SiteURL.capabilityAssessment(stateID, capability: from.id).path,
            beforeTitle: before.title + " (" + CapabilityWords.kind(before.kind, t) + ", " + before.conductedOn.description + ")",
            afterTitle: after.title + " (" + CapabilityWords.kind(after.kind, t) + ", " + after.conductedOn.description + ")",
            summary: t(
                "capability.compare.summary",
                ["cells": String(comparison.cells.count), "up": String(up), "down": String(down), "criteria": String(comparison.criteria.count)]),
            moved: moved, criteria: criteria, unchanged: t("capability.compare.unchanged"))
    }
}
