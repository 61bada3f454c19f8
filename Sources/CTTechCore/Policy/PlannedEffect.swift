/// What one set of declared effects would remove from one register entry, worked out from the register alone
/// (``ResidualRisk``, at the low, best and high reductions): the planned effectiveness of a single response on one risk,
/// the options for a scenario and the portfolio's deterministic figures use it.
public struct PlannedEffect: Sendable, Hashable {
    public let inherentRisk: Double
    public let residualLikelihood: Double
    public let residualImpact: Double
    /// R₁ = L′ × I′ at the best reductions.
    public let residualRisk: Double
    /// (R₀ − R₁) / R₀ at the low, best and high reductions.
    public let low: Double
    public let best: Double
    public let high: Double
    /// R₀ − R₁ at the best reductions: the risk removed.
    public var removed: Double { inherentRisk - residualRisk }

    public init(_ effects: [DeclaredEffect], on entry: RegisterDocument.Entry) {
        let kind = RiskRegister.Kind(rawValue: entry.kind) ?? .otherRisk
        let acting = effects.filter { ResidualRisk.applies($0, to: kind) }
        let factors = entry.factors?.factors
        let likelihood = entry.likelihood.best
        let impact = entry.impact.best
        let r0 = likelihood * impact
        let m = ReductionPoint.allCases.map { ResidualRisk.Multipliers(acting, at: $0) }
        let results = m.map { ResidualRisk.residual(likelihood: likelihood, impact: impact, factors: factors, $0) }
        let shares = results.map { r0 > 0 ? 1 - $0.likelihood * $0.impact / r0 : 0 }
        inherentRisk = r0
        (residualLikelihood, residualImpact) = (results[1].likelihood, results[1].impact)
        residualRisk = results[1].likelihood * results[1].impact
        (low, best, high) = (shares[0], shares[1], shares[2])
    }
}
