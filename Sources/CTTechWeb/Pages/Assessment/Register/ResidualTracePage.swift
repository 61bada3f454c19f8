import CTTechCore
import Foundation

/// How a residual figure was reached (issue 10): the scored factors, every effect of every response that addresses the
/// risk (applied or not, and why), the multipliers, the reduced factors, and each result in turn, with the formula.
public struct ResidualTracePage: WebPage {
    public static let template = "residual-trace"

    struct Line: Sendable, TemplateModel {
        let label: String
        let before: String
        let after: String
    }

    struct EffectLine: Sendable, TemplateModel {
        let response: String
        let href: String
        let factor: String
        let reduction: String
        let applied: String
    }

    public let layout: LayoutModel
    let title: String
    let kind: String
    let registerHref: String
    let optionsHref: String
    let hasResidual: Bool
    let summary: [Line]
    let factors: [Line]
    let effects: [EffectLine]
    let multipliers: [Line]
    let steps: [String]

    public static func make(layout: LayoutModel, assessment: Assessment, entry e: RegisterDocument.Entry) -> ResidualTracePage {
        let t = layout.localizer
        let (s, a) = (assessment.stateID, assessment.id)
        func n(_ x: Double) -> String { t.number(x) }
        guard let r = e.residual else {
            return ResidualTracePage(
                layout: layout, title: e.title, kind: RegisterWords.kind(e.kind, t), registerHref: SiteURL.register(s, a).path,
                optionsHref: SiteURL.riskOptions(s, a, risk: e.id).path, hasResidual: false,
                summary: [], factors: [], effects: [], multipliers: [], steps: [])
        }
        let trace = r.trace
        let summary = [
            Line(
                label: t("policy.trace.likelihood"), before: RegisterWords.interval(e.likelihood, t.percent),
                after: RegisterWords.interval(r.likelihood, t.percent)),
            Line(
                label: t("policy.trace.impact"), before: RegisterWords.interval(e.impact) { n($0) }, after: RegisterWords.interval(r.impact) { n($0) }
            ),
            Line(label: t("policy.trace.risk"), before: n(trace.inherentRisk), after: n(trace.residualRisk)),
            Line(
                label: t("policy.trace.rank"), before: "\(e.medianRank) (\(e.rankLow)–\(e.rankHigh))",
                after: "\(r.medianRank) (\(r.rankLow)–\(r.rankHigh))"),
            Line(label: t("policy.trace.top-five"), before: t.percent(e.probabilityTop5), after: t.percent(r.probabilityTop5)),
        ]
        var factors: [Line] = []
        if let before = trace.factors, let after = trace.reducedFactors {
            factors = [
                Line(label: t("policy.factor.intent"), before: n(before.intent), after: n(after.intent)),
                Line(label: t("policy.factor.actor-capability"), before: n(before.actorCapability), after: n(after.actorCapability)),
                Line(
                    label: t("policy.factor.technology-accessibility"), before: n(before.technologyAccessibility),
                    after: n(after.technologyAccessibility)),
                Line(label: t("policy.factor.opportunity"), before: n(before.opportunity), after: n(after.opportunity)),
                Line(label: t("policy.trace.threat"), before: n(before.threat), after: n(after.threat)),
                Line(label: t("policy.trace.derived"), before: t.percent(before.derivedLikelihood), after: t.percent(after.derivedLikelihood)),
            ]
            for dimension in ImpactDimension.allCases {
                if let x = before.dimensions[dimension.rawValue], let y = after.dimensions[dimension.rawValue] {
                    factors.append(Line(label: RegisterWords.impactDimension(dimension, t), before: n(x), after: n(y)))
                }
            }
        }
        let effects = trace.effects.map { effect in
            EffectLine(
                response: effect.responseTitle, href: SiteURL.response(s, response: effect.responseId).path,
                factor: PolicyWords.effectTarget(factor: effect.factor, dimension: effect.dimension, t),
                reduction: PolicyWords.reduction(low: effect.low, best: effect.best, high: effect.high, t),
                applied: effect.applied ? t("policy.trace.applied") : t("policy.trace.not-applied." + (effect.reason ?? "other")))
        }
        let m = trace.multipliers
        var multipliers = [
            Line(label: t("policy.factor.intent"), before: "1", after: n(m.intent)),
            Line(label: t("policy.factor.actor-capability"), before: "1", after: n(m.actorCapability)),
            Line(label: t("policy.factor.technology-accessibility"), before: "1", after: n(m.technologyAccessibility)),
            Line(label: t("policy.factor.opportunity"), before: "1", after: n(m.opportunity)),
            Line(label: t("policy.factor.likelihood"), before: "1", after: n(m.likelihood)),
            Line(label: t("policy.factor.impact-all"), before: "1", after: n(m.impactAll)),
        ]
        for dimension in ImpactDimension.allCases {
            if let x = m.impact[dimension.rawValue] {
                multipliers.append(
                    Line(label: t("policy.factor.impact-on", ["dimension": RegisterWords.impactDimension(dimension, t)]), before: "1", after: n(x)))
            }
        }
        let steps = [
            t("policy.trace.step.ratio", ["ratio": n(trace.likelihoodRatio)]),
            t(
                "policy.trace.step.likelihood",
                ["before": t.percent(trace.likelihood), "ratio": n(trace.likelihoodRatio), "after": t.percent(trace.residualLikelihood)]),
            t("policy.trace.step.impact", ["before": n(trace.impact), "share": n(trace.impactShare), "after": n(trace.residualImpact)]),
            t(
                "policy.trace.step.effectiveness",
                [
                    "r0": n(trace.inherentRisk), "r1": n(trace.residualRisk), "best": t.percent(trace.plannedEffectiveness),
                    "low": t.percent(trace.plannedEffectivenessLow), "high": t.percent(trace.plannedEffectivenessHigh),
                ]),
            t("policy.trace.step.draws", ["p10": t.percent(r.effectivenessP10), "p90": t.percent(r.effectivenessP90)]),
        ]
        return ResidualTracePage(
            layout: layout, title: e.title, kind: RegisterWords.kind(e.kind, t), registerHref: SiteURL.register(s, a).path,
            optionsHref: SiteURL.riskOptions(s, a, risk: e.id).path, hasResidual: true,
            summary: summary, factors: factors, effects: effects, multipliers: multipliers, steps: steps)
    }
}
