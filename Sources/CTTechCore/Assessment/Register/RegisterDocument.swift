import Foundation

/// The register as it leaves the product: the API's `Register` schema, the JSON export and the snapshot all use this one
/// shape, and the CSV export has one row per entry of it. Every export carries its TLP marking.
public struct RegisterDocument: Sendable, Hashable, Codable {
    public struct Interval: Sendable, Hashable, Codable {
        public var low: Double
        public var best: Double
        public var high: Double

        public init(_ e: UncertainEstimate) {
            (low, best, high) = (e.low, e.best, e.high)
        }
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var kind: String
        public var threatMedian: Double?
        public var threatBand: String?
        /// True only when enough assessors rated it (``MethodVersion/consensusMinimumRatings``) and they agree.
        public var consensus: Bool?
        /// "consensus", "no-consensus" or "too-few-ratings" (scenarios only).
        public var consensusStatus: String?
        /// How many assessors' scores the entry rests on (scenarios only).
        public var ratings: Int?
        /// The revealed round the scores come from; earlier than `basisRound` when nobody scored the scenario in it.
        public var scoredRound: Int?
        public var likelihood: Interval
        public var impact: Interval
        public var impactByDimension: [String: Double]
        public var confidence: String
        public var medianRank: Int
        public var rankLow: Int
        public var rankHigh: Int
        public var probabilityTop5: Double
        public var meanScore: Double
        public var intelligenceRequirement: Bool
        public var derivedLikelihood: Double?
        public var likelihoodDivergent: Bool
        /// What is left once the approved responses' declared effects apply (issue 10); absent when the state has no
        /// approved response.
        public var residual: Residual?
        /// The scored factors (medians of the assessors' scores; scenarios only), so a response's planned effect can be
        /// worked out from the register alone (``PlannedEffect``).
        public var factors: ResidualTrace.Factors?
    }

    /// An entry's residual risk beside its inherent risk.
    public struct Residual: Sendable, Hashable, Codable {
        public var likelihood: Interval
        public var impact: Interval
        public var medianRank: Int
        public var rankLow: Int
        public var rankHigh: Int
        public var probabilityTop5: Double
        public var meanScore: Double
        /// Planned effectiveness (R₀ − R₁) / R₀ at the best reductions, and at the low and high ones.
        public var plannedEffectiveness: Double
        public var plannedEffectivenessLow: Double
        public var plannedEffectivenessHigh: Double
        /// The same over the Monte Carlo draws: 10th and 90th percentiles.
        public var effectivenessP10: Double
        public var effectivenessP90: Double
        public var trace: ResidualTrace

        init(_ r: RiskRegister.Residual) {
            likelihood = Interval(r.likelihood)
            impact = Interval(r.impact)
            medianRank = r.rank.medianRank
            rankLow = r.rank.rankLow
            rankHigh = r.rank.rankHigh
            probabilityTop5 = r.rank.probabilityTopK
            meanScore = r.rank.meanScore
            plannedEffectiveness = r.trace.plannedEffectiveness
            plannedEffectivenessLow = r.trace.plannedEffectivenessLow
            plannedEffectivenessHigh = r.trace.plannedEffectivenessHigh
            effectivenessP10 = r.effectiveness.p10
            effectivenessP90 = r.effectiveness.p90
            trace = r.trace
        }
    }

    public struct Agreement: Sendable, Hashable, Codable {
        public var kendallW: Double
        public var assessors: Int
        public var scenarios: Int
    }

    public var assessmentId: String
    public var title: String
    public var basisRound: Int?
    public var draws: Int
    public var seed: Int64
    public var agreement: Agreement?
    public var entries: [Entry]
    public var tlp: String

    public init(assessment: Assessment, register: RiskRegister, basisRound: Int?, draws: Int, seed: UInt64) {
        assessmentId = assessment.id
        title = assessment.title
        self.basisRound = basisRound
        self.draws = draws
        self.seed = Int64(bitPattern: seed)
        agreement = register.agreement.map { Agreement(kendallW: $0.w, assessors: $0.assessors, scenarios: $0.scenarios) }
        tlp = assessment.tlp.rawValue
        entries = register.entries.map { e in
            Entry(
                id: e.id, title: e.title, kind: e.kind.rawValue, threatMedian: e.threat?.median, threatBand: e.band?.rawValue,
                consensus: e.threat?.consensus, consensusStatus: e.threat?.agreement.rawValue, ratings: e.threat?.count, scoredRound: e.scoredRound,
                likelihood: Interval(e.likelihood), impact: Interval(e.impact),
                impactByDimension: Dictionary(uniqueKeysWithValues: e.impactByDimension.map { ($0.key.rawValue, $0.value) }),
                confidence: e.confidence.rawValue, medianRank: e.rank.medianRank, rankLow: e.rank.rankLow, rankHigh: e.rank.rankHigh,
                probabilityTop5: e.rank.probabilityTopK, meanScore: e.rank.meanScore, intelligenceRequirement: e.intelligenceRequirement,
                derivedLikelihood: e.derivedLikelihood, likelihoodDivergent: e.likelihoodDivergent, residual: e.residual.map(Residual.init),
                factors: e.factors.map(ResidualTrace.Factors.init))
        }
    }

    /// Compact JSON with sorted keys: the same register always gives the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// RFC 4180 CSV, one row per entry, with the TLP marking in every row. Cells that a spreadsheet would read as a
    /// formula (starting with =, +, -, @, tab or carriage return) get a leading apostrophe.
    public func csv() -> String {
        let dimensions = ImpactDimension.allCases.map(\.rawValue)
        var lines = [
            ([
                "tlp", "rank", "rank_low_p10", "rank_high_p90", "p_top5", "id", "kind", "title", "threat_median", "threat_band", "consensus",
                "likelihood_low", "likelihood_best", "likelihood_high", "impact_low", "impact_best", "impact_high",
            ] + dimensions.map { "impact_\($0.replacingOccurrences(of: "-", with: "_"))" } + [
                "confidence", "intelligence_requirement", "derived_likelihood", "likelihood_divergent",
            ] + Self.residualColumns.map { $0.replacingOccurrences(of: "-", with: "_") })
            .joined(separator: ",")
        ]
        for e in entries {
            var cells = [
                tlp, "\(e.medianRank)", "\(e.rankLow)", "\(e.rankHigh)", Self.number(e.probabilityTop5), e.id, e.kind, e.title,
                e.threatMedian.map(Self.number) ?? "", e.threatBand ?? "",
                e.consensusStatus == RatingSummary.Agreement.tooFewRatings.rawValue ? "too few ratings" : e.consensus.map { $0 ? "yes" : "no" } ?? "",
                Self.number(e.likelihood.low), Self.number(e.likelihood.best), Self.number(e.likelihood.high), Self.number(e.impact.low),
                Self.number(e.impact.best), Self.number(e.impact.high),
            ]
            cells += dimensions.map { e.impactByDimension[$0].map(Self.number) ?? "" }
            cells += [
                e.confidence, e.intelligenceRequirement ? "yes" : "no", e.derivedLikelihood.map(Self.number) ?? "",
                e.likelihoodDivergent ? "yes" : "no",
            ]
            cells += Self.residualCells(e.residual)
            lines.append(cells.map(Self.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The residual columns' names (issue 10), in the order of ``residualCells(_:)``.
    static let residualColumns = [
        "residual-rank", "residual-rank-low", "residual-rank-high", "residual-likelihood-low", "residual-likelihood-best", "residual-likelihood-high",
        "residual-impact-low", "residual-impact-best", "residual-impact-high", "planned-effectiveness",
    ]

    /// An entry's residual columns: empty cells when the register has no approved response.
    static func residualCells(_ residual: Residual?) -> [String] {
        guard let r = residual else { return Array(repeating: "", count: residualColumns.count) }
        return [
            "\(r.medianRank)", "\(r.rankLow)", "\(r.rankHigh)", number(r.likelihood.low), number(r.likelihood.best), number(r.likelihood.high),
            number(r.impact.low), number(r.impact.best), number(r.impact.high), number(r.plannedEffectiveness),
        ]
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.6g", x)
    }

    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        // `$0.isNewline`, not `== "\n"`: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
