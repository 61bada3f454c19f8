import CTTechCore
import Foundation

/// The policy module's codes in the words of one language (statuses, factors, check answers), as ``RegisterWords``
/// does for the register.
public enum PolicyWords {
    public static func status(_ status: ResponseStatus, _ t: Localizer) -> String { t("policy.status." + status.rawValue) }

    public static func factor(_ factor: EffectFactor, _ t: Localizer) -> String { t("policy.factor." + factor.rawValue) }

    /// "Impact: Economic", "Impact (every dimension)", "Intent".
    public static func effectTarget(factor: String, dimension: String?, _ t: Localizer) -> String {
        guard let factor = EffectFactor(rawValue: factor) else { return factor }
        guard factor == .impact else { return self.factor(factor, t) }
        guard let dimension = dimension.flatMap(ImpactDimension.init(rawValue:)) else { return t("policy.factor.impact-all") }
        return t("policy.factor.impact-on", ["dimension": RegisterWords.impactDimension(dimension, t)])
    }

    public static func checkStatus(_ status: CheckStatus, _ t: Localizer) -> String { t("policy.check." + status.rawValue) }

    public static func reviewKind(_ kind: ReviewKind, _ t: Localizer) -> String { t("policy.review." + kind.rawValue) }

    /// "10–25–40 %": a reduction interval.
    public static func reduction(low: Double, best: Double, high: Double, _ t: Localizer) -> String {
        t.percent(low / 100) + " – " + t.percent(best / 100) + " – " + t.percent(high / 100)
    }

    /// "250 000–400 000 EUR".
    public static func cost(_ cost: CostRange?, _ t: Localizer) -> String {
        guard let cost else { return "—" }
        let low = t.grouped(Int64(cost.low.rounded()))
        let high = t.grouped(Int64(cost.high.rounded()))
        return (cost.low == cost.high ? low : low + "–" + high) + " " + cost.currency
    }

    public static func timeframe(_ timeframe: Timeframe?, _ t: Localizer) -> String {
        guard let timeframe else { return "—" }
        return t.date(timeframe.start.epochMilliseconds) + " – " + t.date(timeframe.end.epochMilliseconds)
    }

    /// A share 0–1 as a signed percentage where it can be negative (observed effectiveness).
    public static func share(_ value: Double, _ t: Localizer) -> String { value < 0 ? "−" + t.percent(-value) : t.percent(value) }
}
