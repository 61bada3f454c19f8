import CTTechCore
import Foundation

/// The fields of the other-national-risk form (adding on the register page, correcting on its own page).
struct OtherRiskFields: Sendable {
    let values: [String: String]
    let confidences: [Choice]

    init(_ submitted: [String: String]) {
        values = [
            "title": "", "family": "", "likelihoodLow": "0.01", "likelihoodBest": "0.05", "likelihoodHigh": "0.2", "impactLow": "2",
            "impactBest": "3", "impactHigh": "4",
        ].merging(submitted.filter { $0.key != "_csrf" }) { $1 }
        let chosen = submitted["confidence"] ?? Confidence.moderate.rawValue
        confidences = Confidence.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == chosen) }
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
