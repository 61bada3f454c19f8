import CTTechCore
import Foundation

/// The fields of the other-national-risk form (adding on the register page, correcting on its own page).
struct OtherRiskFields: Sendable {
    /// The form's fields as its error summary links them.
    static let fields = [
        FormField("title", "Risk", id: "o-title"), FormField("family", "Family", id: "o-family"),
        FormField("likelihoodLow", "Likelihood, low", id: "o-ll"), FormField("likelihoodBest", "Likelihood, best", id: "o-lb"),
        FormField("likelihoodHigh", "Likelihood, high", id: "o-lh"), FormField("likelihood", "Likelihood", id: "o-ll"),
        FormField("impactLow", "Impact, low", id: "o-il"), FormField("impactBest", "Impact, best", id: "o-ib"),
        FormField("impactHigh", "Impact, high", id: "o-ih"), FormField("impact", "Impact", id: "o-il"),
        FormField("confidence", "Confidence", id: "o-conf"),
    ]

    let values: [String: String]
    let confidences: [Choice]

    init(_ submitted: [String: String]) {
        // No judgement is pre-filled (issue 8, item 2): empty until someone enters it, and what they entered after a refusal.
        let names = ["title", "family", "likelihoodLow", "likelihoodBest", "likelihoodHigh", "impactLow", "impactBest", "impactHigh"]
        values = Dictionary(uniqueKeysWithValues: names.map { ($0, "") }).merging(submitted.filter { $0.key != "_csrf" }) { $1 }
        let chosen = submitted["confidence"] ?? ""
        confidences =
            [Choice(value: "", label: "choose…", selected: chosen.isEmpty)]
            + Confidence.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == chosen) }
    }

    init(_ risk: OtherRisk) {
        func text(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x) }
        self.init([
            "title": risk.title, "family": risk.family, "likelihoodLow": text(risk.likelihood.low), "likelihoodBest": text(risk.likelihood.best),
            "likelihoodHigh": text(risk.likelihood.high), "impactLow": text(risk.impact.low), "impactBest": text(risk.impact.best),
            "impactHigh": text(risk.impact.high), "confidence": risk.confidence.rawValue,
        ])
    }
}
