import Foundation

/// The register's codes and enumerations in the words of one language. The core keeps codes (`Low`, `other-risk`,
/// `moderate`); the catalogs hold what a person reads (`band.low`, `register.kind.other-risk`, `confidence.moderate`).
/// The pages, the charts and the CSV for people all name them through here.
public enum RegisterWords {
    /// "scenario" or "other risk".
    public static func kind(_ raw: String, _ t: Localizer) -> String {
        t(raw == RiskRegister.Kind.scenario.rawValue ? "register.kind.scenario" : "register.kind.other-risk")
    }

    /// A threat band's name from its stored value ("Substantial"); an unknown value is shown as stored.
    public static func threatBand(_ raw: String, _ t: Localizer) -> String {
        ThreatBand(rawValue: raw).map { threatBand($0, t) } ?? raw
    }

    public static func threatBand(_ band: ThreatBand, _ t: Localizer) -> String { t("band." + band.rawValue.lowercased()) }

    /// A likelihood band ("<0.2 %", "5–25 %") written the language's way.
    public static func likelihoodBand(_ band: LikelihoodBand, _ t: Localizer) -> String {
        switch band {
        case .remote: t("likelihood-band.remote")
        case .unlikely: t("likelihood-band.unlikely")
        case .possible: t("likelihood-band.possible")
        case .likely: t("likelihood-band.likely")
        case .veryLikely: t("likelihood-band.very-likely")
        }
    }

    /// A confidence level's name from its code ("moderate"); an unknown code is shown as stored.
    public static func confidence(_ raw: String, _ t: Localizer) -> String {
        Confidence(rawValue: raw).map { t("confidence." + $0.rawValue) } ?? raw
    }

    public static func impactDimension(_ dimension: ImpactDimension, _ t: Localizer) -> String { t("impact." + dimension.rawValue) }

    /// Consensus, no consensus or too few ratings.
    public static func agreement(_ agreement: RatingSummary.Agreement, _ t: Localizer) -> String { t("consensus." + agreement.rawValue) }

    public static func yesNo(_ value: Bool, _ t: Localizer) -> String { t(value ? "register.yes" : "register.no") }

    /// "low–best–high", each value written by `format` (a percentage, a number in the reader's language).
    public static func interval(_ i: RegisterDocument.Interval, _ format: (Double) -> String) -> String {
        format(i.low) + "–" + format(i.best) + "–" + format(i.high)
    }

    /// The register table's consensus cell: yes, no, or too few ratings with their number; nil for other risks. Snapshots
    /// approved before the status existed carry only the yes/no.
    public static func consensus(_ e: RegisterDocument.Entry, _ t: Localizer) -> String? {
        if let status = e.consensusStatus.flatMap(RatingSummary.Agreement.init(rawValue:)) {
            return status == .tooFewRatings ? t("register.consensus.too-few", ["ratings": String(e.ratings ?? 0)]) : yesNo(status == .consensus, t)
        }
        return e.consensus.map { yesNo($0, t) }
    }
}

extension RegisterDocument {
    /// The CSV for people (issue 9): the same columns and rows as ``csv()``, with a header row of column names in the
    /// reader's language and the columns written in words (kind, threat band, consensus, confidence, yes/no) in that
    /// language; the marking, ids, codes and numbers stay exactly as in ``csv()``. It starts with a UTF-8 byte order mark
    /// so that spreadsheets open Arabic, Chinese and Cyrillic text as UTF-8. ``csv()`` stays the stable machine format.
    public func csv(in t: Localizer) -> String {
        let dimensions = ImpactDimension.allCases
        let header =
            [
                "tlp", "rank", "rank-low", "rank-high", "p-top5", "id", "kind", "title", "threat-median", "threat-band", "consensus",
                "likelihood-low", "likelihood-best", "likelihood-high", "impact-low", "impact-best", "impact-high",
            ].map { t("register.csv." + $0) }
            + dimensions.map { t("register.csv.impact-dimension", ["dimension": RegisterWords.impactDimension($0, t)]) }
            + ["confidence", "intelligence-requirement", "derived-likelihood", "likelihood-divergent"].map { t("register.csv." + $0) }
            + Self.residualColumns.map { t("register.csv." + $0) }
        var lines = [header.map(Self.cell).joined(separator: ",")]
        for e in entries {
            let consensus =
                e.consensusStatus == RatingSummary.Agreement.tooFewRatings.rawValue
                ? RegisterWords.agreement(.tooFewRatings, t) : e.consensus.map { RegisterWords.yesNo($0, t) } ?? ""
            var cells = [
                tlp, "\(e.medianRank)", "\(e.rankLow)", "\(e.rankHigh)", Self.number(e.probabilityTop5), e.id, RegisterWords.kind(e.kind, t), e.title,
                e.threatMedian.map(Self.number) ?? "", e.threatBand.map { RegisterWords.threatBand($0, t) } ?? "", consensus,
                Self.number(e.likelihood.low), Self.number(e.likelihood.best), Self.number(e.likelihood.high), Self.number(e.impact.low),
                Self.number(e.impact.best), Self.number(e.impact.high),
            ]
            cells += dimensions.map { e.impactByDimension[$0.rawValue].map(Self.number) ?? "" }
            cells += [
                RegisterWords.confidence(e.confidence, t), RegisterWords.yesNo(e.intelligenceRequirement, t),
                e.derivedLikelihood.map(Self.number) ?? "", RegisterWords.yesNo(e.likelihoodDivergent, t),
            ]
            cells += Self.residualCells(e.residual)
            lines.append(cells.map(Self.cell).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
