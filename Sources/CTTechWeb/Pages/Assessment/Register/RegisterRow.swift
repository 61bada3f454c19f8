import CTTechCore
import Foundation

/// A register entry as a table row (live register, snapshots and comparisons), in the page's language.
struct RegisterRow: Sendable, TemplateModel {
    let rank: Int
    let rankLow: Int
    let rankHigh: Int
    let title: String
    let kind: String
    let threat: String
    let consensus: String
    let likelihood: String
    let likelihoodBand: String
    let impact: String
    let topFive: String
    let confidence: String
    let intelligence: Bool
    /// Set when the elicited likelihood is ten times off the derived one.
    let divergence: String?
    /// Set when nobody scored the scenario in the basis round and the entry keeps an earlier revealed round's values.
    let carried: String?

    init(_ e: RegisterDocument.Entry, basisRound: Int?, localizer t: Localizer) {
        rank = e.medianRank
        rankLow = e.rankLow
        rankHigh = e.rankHigh
        title = e.title
        kind = RegisterWords.kind(e.kind, t)
        threat =
            e.threatMedian.map { median in [t.number(median), e.threatBand.map { RegisterWords.threatBand($0, t) } ?? ""].joined(separator: " ") }
            ?? "—"
        consensus = RegisterWords.consensus(e, t) ?? "—"
        likelihood = RegisterWords.interval(e.likelihood, t.percent)
        likelihoodBand = RegisterWords.likelihoodBand(LikelihoodBand.band(for: e.likelihood.best), t)
        impact = RegisterWords.interval(e.impact) { t.number($0) }
        topFive = t.percent(e.probabilityTop5)
        confidence = RegisterWords.confidence(e.confidence, t)
        intelligence = e.intelligenceRequirement
        divergence = e.likelihoodDivergent ? e.derivedLikelihood.map { t("register.flag.divergence", ["derived": t.percent($0)]) } : nil
        carried = e.scoredRound.flatMap { round in
            round != basisRound ? t("register.flag.carried", ["round": String(round), "basis": String(basisRound ?? 0)]) : nil
        }
    }
}
