import CTTechCore
import Foundation

/// A register entry as a table row (live register, snapshots and comparisons).
struct RegisterRow: Sendable {
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

    init(_ e: RegisterDocument.Entry, basisRound: Int?) {
        rank = e.medianRank
        rankLow = e.rankLow
        rankHigh = e.rankHigh
        title = e.title
        kind = e.kind == RiskRegister.Kind.scenario.rawValue ? "scenario" : "other risk"
        threat = e.threatMedian.map { "\(format($0)) \(e.threatBand ?? "")" } ?? "—"
        // Snapshots approved before the status existed carry only the yes/no.
        consensus =
            e.consensusStatus.flatMap(RatingSummary.Agreement.init(rawValue:)).map {
                $0 == .tooFewRatings ? "too few ratings (\(e.ratings ?? 0))" : $0 == .consensus ? "yes" : "no"
            } ?? e.consensus.map { $0 ? "yes" : "no" } ?? "—"
        likelihood = "\(percent(e.likelihood.low))–\(percent(e.likelihood.best))–\(percent(e.likelihood.high))"
        likelihoodBand = LikelihoodBand.band(for: e.likelihood.best).rawValue
        impact = "\(format(e.impact.low))–\(format(e.impact.best))–\(format(e.impact.high))"
        topFive = percent(e.probabilityTop5)
        confidence = e.confidence
        intelligence = e.intelligenceRequirement
        divergence = e.likelihoodDivergent ? e.derivedLikelihood.map { "check likelihood: derived \(percent($0))" } : nil
        carried = e.scoredRound.flatMap { round in round != basisRound ? "from round \(round): not scored in round \(basisRound ?? 0)" : nil }
    }
}
