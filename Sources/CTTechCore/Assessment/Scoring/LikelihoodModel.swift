import Foundation

/// Likelihood derived from threat and opportunity (DOMAIN.md §4: "derived from threat and opportunity/vulnerability with
/// a documented monotone function, or elicited"). The product elicits likelihood from assessors; this function gives
/// the reference they can check their estimate against, and is shown beside every score.
///
/// With threat T = I × C (1–25), opportunity O (1–5) and horizon h years:
/// s = 0.6 · (T − 1)/24 + 0.4 · (O − 1)/4 (0 to 1); annual probability p₁(s) = 10^(−3 + 2.5 s) (0.1 % to 31.6 %);
/// over the horizon p = 1 − (1 − p₁)^h. The interval takes s ± 0.1, clamped to 0–1. Non-decreasing in T, O and h.
public enum LikelihoodModel {
    public static func score(threat: Int, opportunity: Int) -> Double {
        score(threat: Double(threat), opportunity: Double(opportunity))
    }

    /// The same score for fractional factors (medians, and factors reduced by a policy response), clamped to 1–25 and 1–5.
    public static func score(threat: Double, opportunity: Double) -> Double {
        let t = (min(max(threat, 1), 25) - 1) / 24
        let o = (min(max(opportunity, 1), 5) - 1) / 4
        return 0.6 * t + 0.4 * o
    }

    static func probability(_ s: Double, horizonYears: Int) -> Double {
        let annual = pow(10, -3 + 2.5 * min(max(s, 0), 1))
        return 1 - pow(1 - annual, Double(max(horizonYears, 1)))
    }

    /// The derived interval over the horizon.
    public static func derived(threat: Int, opportunity: Int, horizonYears: Int) -> UncertainEstimate {
        let s = score(threat: threat, opportunity: opportunity)
        // low ≤ best ≤ high by monotonicity of `probability` in s.
        return UncertainEstimate(
            ordered: probability(s - 0.1, horizonYears: horizonYears), probability(s, horizonYears: horizonYears),
            probability(s + 0.1, horizonYears: horizonYears))
    }
}
