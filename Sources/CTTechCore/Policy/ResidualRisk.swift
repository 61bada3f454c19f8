import Foundation

/// Residual risk (DOMAIN.md §4, "policy effect"; issue 10): what is left of a risk once the declared effects of the
/// responses that address it are applied.
///
/// - Effects on one factor combine multiplicatively: each keeps (1 − r) of what it reduces, so two 50 % reductions
///   leave 25 %. Reductions are bounded 0–100 %.
/// - A 1–5 factor (intent, actor capability, technology accessibility, opportunity, an impact dimension) is reduced
///   above its floor: F′ = 1 + (F − 1) · m, where m is the product of the (1 − r). A 100 % reduction brings it to 1
///   ("none").
/// - The factors are reduced *before* threat and likelihood are derived: threat T = I × min(C_actor, C_technology) and the
///   likelihood model's derived probability P(T, O) (``LikelihoodModel``) are computed at the scored and at the reduced
///   factors, and the register's elicited likelihood is scaled by their ratio: L′ = L · P(T′, O′) / P(T, O) · m_L, where
///   m_L is the product of direct likelihood reductions.
/// - Impact: each dimension is reduced (by its own effects and by those on every dimension), the dimensions are combined
///   again (maximum), and the register's impact keeps the same share of its excess above 1:
///   I′ = 1 + (I − 1) · (max D′ − 1) / (max D − 1).
/// - Another national risk has no factors: only likelihood effects (L′ = L · m_L) and effects on every impact dimension
///   (I′ = 1 + (I − 1) · m) apply to it.
/// - Risk R = L × I. Planned effectiveness = (R₀ − R₁) / R₀.
///
/// Every step is non-increasing in every reduction, so adding an effect never raises a residual, and a residual never
/// exceeds the inherent value.
public enum ResidualRisk {
    /// The scored factors of a scenario as the register aggregates them (medians of the assessors' scores).
    public struct Factors: Sendable, Hashable, Codable {
        public var intent: Double
        public var actorCapability: Double
        public var technologyAccessibility: Double
        public var opportunity: Double
        public var dimensions: [ImpactDimension: Double]
        public var horizonYears: Int

        public init(
            intent: Double, actorCapability: Double, technologyAccessibility: Double, opportunity: Double, dimensions: [ImpactDimension: Double],
            horizonYears: Int
        ) {
            self.intent = intent
            self.actorCapability = actorCapability
            self.technologyAccessibility = technologyAccessibility
            self.opportunity = opportunity
            self.dimensions = dimensions
            self.horizonYears = horizonYears
        }

        public var threat: Double { intent * min(actorCapability, technologyAccessibility) }

        /// The likelihood model's probability at these factors.
        public var derivedLikelihood: Double {
            LikelihoodModel.probability(LikelihoodModel.score(threat: threat, opportunity: opportunity), horizonYears: horizonYears)
        }

        /// The factors with each reduced by its multiplier.
        public func reduced(by m: Multipliers) -> Factors {
            var result = self
            result.intent = ResidualRisk.reduce(intent, m.intent)
            result.actorCapability = ResidualRisk.reduce(actorCapability, m.actorCapability)
            result.technologyAccessibility = ResidualRisk.reduce(technologyAccessibility, m.technologyAccessibility)
            result.opportunity = ResidualRisk.reduce(opportunity, m.opportunity)
            for (dimension, value) in dimensions {
                result.dimensions[dimension] = ResidualRisk.reduce(value, m.impactAll * (m.impact[dimension] ?? 1))
            }
            return result
        }
    }

    /// What is kept of each factor: the product of (1 − r) over the effects on it (1: untouched).
    public struct Multipliers: Sendable, Hashable, Codable {
        public var intent = 1.0
        public var actorCapability = 1.0
        public var technologyAccessibility = 1.0
        public var opportunity = 1.0
        public var likelihood = 1.0
        /// Effects on every impact dimension.
        public var impactAll = 1.0
        /// Effects on one named dimension.
        public var impact: [ImpactDimension: Double] = [:]

        public init() {}

        /// The multipliers of `effects` with reductions taken at `point` of their intervals.
        public init(_ effects: [DeclaredEffect], at point: ReductionPoint) {
            self.init()
            for effect in effects { apply(effect, share: effect.share(point)) }
        }

        /// Keeps (1 − share) more of the effect's factor; `share` is clamped to 0–1.
        public mutating func apply(_ effect: DeclaredEffect, share: Double) {
            let keep = 1 - min(max(share, 0), 1)
            switch effect.factor {
            case .intent: intent *= keep
            case .actorCapability: actorCapability *= keep
            case .technologyAccessibility: technologyAccessibility *= keep
            case .opportunity: opportunity *= keep
            case .likelihood: likelihood *= keep
            case .impact:
                if let dimension = effect.dimension { impact[dimension, default: 1] *= keep } else { impactAll *= keep }
            }
        }

        /// Whether any factor of a scenario (not the likelihood or impact directly) is reduced.
        var touchesFactors: Bool { intent < 1 || actorCapability < 1 || technologyAccessibility < 1 || opportunity < 1 }
    }

    /// F′ = 1 + (F − 1) · m for a 1–5 factor.
    public static func reduce(_ value: Double, _ multiplier: Double) -> Double { 1 + (max(value, 1) - 1) * min(max(multiplier, 0), 1) }

    /// The share of the likelihood kept: P(T′, O′) / P(T, O) · m_L for a scenario, m_L for another risk.
    public static func likelihoodRatio(_ factors: Factors?, _ m: Multipliers) -> Double {
        guard let factors, m.touchesFactors else { return m.likelihood }
        let before = factors.derivedLikelihood
        guard before > 0 else { return m.likelihood }
        return min(factors.reduced(by: m).derivedLikelihood / before, 1) * m.likelihood
    }

    /// The share of the impact's excess above 1 that is kept: (max D′ − 1) / (max D − 1) for a scenario with dimension
    /// scores, the multiplier of effects on every dimension otherwise.
    public static func impactShare(_ factors: Factors?, _ m: Multipliers) -> Double {
        guard let factors, !factors.dimensions.isEmpty else { return m.impactAll }
        let before = factors.dimensions.values.max() ?? 1
        guard before > 1 else { return 1 }
        let after = factors.dimensions.map { reduce($0.value, m.impactAll * (m.impact[$0.key] ?? 1)) }.max() ?? 1
        return min((after - 1) / (before - 1), 1)
    }

    /// The residual of one likelihood and impact.
    public static func residual(likelihood: Double, impact: Double, factors: Factors?, _ m: Multipliers) -> (likelihood: Double, impact: Double) {
        (likelihood * likelihoodRatio(factors, m), reduce(impact, impactShare(factors, m)))
    }

    /// Whether an effect can act on a risk of this kind (another risk: likelihood, or impact on every dimension).
    public static func applies(_ effect: DeclaredEffect, to kind: RiskRegister.Kind) -> Bool {
        kind == .scenario || effect.factor == .likelihood || (effect.factor == .impact && effect.dimension == nil)
    }
}
