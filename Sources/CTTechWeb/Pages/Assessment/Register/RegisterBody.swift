import CTTechCore
import Foundation

/// The register's charts and tables: the same for every viewer of one revision who reads the same language, so the
/// server renders it once per revision and language.
public struct RegisterBody: WebFragment {
    public static let template = "register-body"

    struct DimensionRow: Sendable, TemplateModel {
        let title: String
        let values: [String]
    }

    let basis: String
    let drawsNote: String
    let entries: [RegisterRow]
    let hasEntries: Bool
    /// Inherent beside residual risk, when approved responses apply (issue 10).
    let residualRows: [ResidualRow]
    let responsesHref: String
    let portfolioHref: String
    let chartHref: String
    let heatMapHref: String
    let heatMapWidth: Int
    let heatMapHeight: Int
    let ranksHref: String
    let heatRows: [DimensionRow]
    let dimensionHeaders: [String]
    let dimensions: [DimensionRow]
    let agreement: String?
    let csvHref: String
    /// The CSV for people: column names and words in the page's language (`?language=`).
    let csvLanguageHref: String
    let jsonHref: String
    public let localizer: Localizer

    /// `round`: the register was taken at that revealed round (its charts and downloads are too); nil: the latest.
    public init(assessment: Assessment, register: RegisterDocument, language: Language, round: Int? = nil) {
        let at = round.map { "?round=\($0)" } ?? ""
        let t = Localizer(language)
        localizer = t
        let (s, a) = (assessment.stateID, assessment.id)
        let heat = RegisterChart.heatCounts(register)
        basis = register.basisRound.map { t("register.basis.round", ["round": String($0)]) } ?? t("register.basis.none")
        drawsNote = t("register.draws-note", ["draws": t.grouped(Int64(register.draws)), "seed": String(register.seed)])
        entries = register.entries.map { RegisterRow($0, basisRound: register.basisRound, localizer: t) }
        hasEntries = !register.entries.isEmpty
        residualRows = register.entries.compactMap { ResidualRow($0, stateID: s, assessmentID: a, localizer: t) }
        responsesHref = SiteURL.responses(s).path
        portfolioHref = SiteURL.portfolio(s, a).path
        chartHref = SiteURL.registerChart(s, a, .scatter).path + at
        heatMapHref = SiteURL.registerChart(s, a, .heatMap).path + at
        (heatMapWidth, heatMapHeight) = RegisterChart.heatMapSize(t)
        ranksHref = SiteURL.registerChart(s, a, .ranks).path + at
        heatRows = LikelihoodBand.allCases.enumerated().reversed().map { row, band in
            DimensionRow(title: RegisterWords.likelihoodBand(band, t), values: heat[row].map { t.number(Double($0)) })
        }
        dimensionHeaders = ImpactDimension.allCases.map { RegisterWords.impactDimension($0, t) }
        dimensions = register.entries.filter { !$0.impactByDimension.isEmpty }.map { e in
            DimensionRow(title: e.title, values: ImpactDimension.allCases.map { e.impactByDimension[$0.rawValue].map { t.number($0) } ?? "—" })
        }
        agreement = register.agreement.map {
            // Two decimals always (0.90, not 0.9): W is read against 1.
            let w = String(format: "%.2f", $0.kendallW).replacingOccurrences(of: ".", with: t.decimalSeparator)
            return t(
                "register.agreement",
                [
                    "w": w, "assessors": t("register.agreement-assessors", count: $0.assessors),
                    "scenarios": t("register.agreement-scenarios", count: $0.scenarios),
                ])
        }
        csvHref = SiteURL.registerExport(s, a, .csv).path + at
        csvLanguageHref = SiteURL.registerExport(s, a, .csv).path + (at.isEmpty ? "?" : at + "&") + "language=" + language.rawValue
        jsonHref = SiteURL.registerExport(s, a, .json).path + at
    }
}
