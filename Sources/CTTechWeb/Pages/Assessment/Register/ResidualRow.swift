import CTTechCore
import Foundation

/// A register entry's inherent and residual risk side by side (issue 10), in the page's language.
struct ResidualRow: Sendable, TemplateModel {
    let title: String
    let kind: String
    let traceHref: String
    let optionsHref: String
    let inherentRank: String
    let residualRank: String
    let likelihood: String
    let impact: String
    let effectiveness: String
    let reduced: Bool

    init?(_ e: RegisterDocument.Entry, stateID: String, assessmentID: String, localizer t: Localizer) {
        guard let r = e.residual else { return nil }
        title = e.title
        kind = RegisterWords.kind(e.kind, t)
        traceHref = SiteURL.residualTrace(stateID, assessmentID, risk: e.id).path
        optionsHref = SiteURL.riskOptions(stateID, assessmentID, risk: e.id).path
        inherentRank = "\(e.medianRank) (\(e.rankLow)–\(e.rankHigh))"
        residualRank = "\(r.medianRank) (\(r.rankLow)–\(r.rankHigh))"
        likelihood = t.percent(e.likelihood.best) + " → " + t.percent(r.likelihood.best)
        impact = t.number(e.impact.best) + " → " + t.number(r.impact.best)
        reduced = r.plannedEffectiveness > 0
        effectiveness =
            reduced
            ? t(
                "policy.planned-range",
                ["best": t.percent(r.plannedEffectiveness), "low": t.percent(r.effectivenessP10), "high": t.percent(r.effectivenessP90)]) : "—"
    }
}
