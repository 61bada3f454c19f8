import CTTechCore
import Foundation

/// The fields of the other-national-risk form (adding on the register page, correcting on its own page).
struct OtherRiskFields: Sendable, TemplateModel {
    /// The form's fields as its error summary links them (labels are catalog keys).
    static let fields = [
        FormField("title", "register.other.field.title", id: "o-title"), FormField("family", "register.other.field.family", id: "o-family"),
        FormField("likelihoodLow", "register.other.field.likelihood-low", id: "o-ll"),
        FormField("likelihoodBest", "register.other.field.likelihood-best", id: "o-lb"),
        FormField("likelihoodHigh", "register.other.field.likelihood-high", id: "o-lh"),
        FormField("likelihood", "register.other.field.likelihood", id: "o-ll"),
        FormField("impactLow", "register.other.field.impact-low", id: "o-il"),
        FormField("impactBest", "register.other.field.impact-best", id: "o-ib"),
        FormField("impactHigh", "register.other.field.impact-high", id: "o-ih"), FormField("impact", "register.other.field.impact", id: "o-il"),
        FormField("confidence", "register.other.field.confidence", id: "o-conf"),
    ]

    let values: [String: String]
    let confidences: [Choice]
    /// "1 negligible · 2 minor · …": the impact scale's anchors, as the score form shows them.
    let impactHint: String

    init(_ submitted: [String: String], _ t: Localizer) {
        // No judgement is pre-filled (issue 8, item 2): empty until someone enters it, and what they entered after a refusal.
        let names = ["title", "family", "likelihoodLow", "likelihoodBest", "likelihoodHigh", "impactLow", "impactBest", "impactHigh"]
        values = Dictionary(uniqueKeysWithValues: names.map { ($0, "") }).merging(submitted.filter { $0.key != "_csrf" }) { $1 }
        let chosen = submitted["confidence"] ?? ""
        confidences =
            [Choice(value: "", label: t("register.choose"), selected: chosen.isEmpty)]
            + Confidence.allCases.map { Choice(value: $0.rawValue, label: RegisterWords.confidence($0.rawValue, t), selected: $0.rawValue == chosen) }
        impactHint = (1...5).map { "\($0) " + t("scale.impact.\($0)") }.joined(separator: " · ")
    }

    init(_ risk: OtherRisk, _ t: Localizer) {
        func text(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x) }
        self.init(
            [
                "title": risk.title, "family": risk.family, "likelihoodLow": text(risk.likelihood.low), "likelihoodBest": text(risk.likelihood.best),
                "likelihoodHigh": text(risk.likelihood.high), "impactLow": text(risk.impact.low), "impactBest": text(risk.impact.best),
                "impactHigh": text(risk.impact.high), "confidence": risk.confidence.rawValue,
            ], t)
    }
}
