import CTTechCore
import Foundation

/// The register's charts and tables: the same for every viewer of one revision, so the server renders it once per revision.
public struct RegisterBody: WebFragment {
    public static let template = "register-body"

    struct DimensionRow: Sendable {
        let title: String
        let values: [String]
    }

    let basis: String
    let draws: Int
    let seed: Int64
    let entries: [RegisterRow]
    let hasEntries: Bool
    let chartHref: String
    let heatMapHref: String
    let ranksHref: String
    let heatRows: [DimensionRow]
    let dimensionHeaders: [String]
    let dimensions: [DimensionRow]
    let agreement: String?
    let csvHref: String
    let jsonHref: String
    public let localizer: Localizer

    public init(assessment: Assessment, register: RegisterDocument, language: Language) {
        localizer = Localizer(language)
        let (s, a) = (assessment.stateID, assessment.id)
        let heat = RegisterChart.heatCounts(register)
        basis =
            register.basisRound.map {
                "Scenarios as scored in round \($0) (the latest revealed round), with the other national risks. A scenario nobody scored "
                    + "in round \($0) keeps the values of the last revealed round that scored it, flagged in the table."
            }
            ?? "No round has been revealed yet: scenarios join the register once one is; other national risks are ranked already."
        draws = register.draws
        seed = register.seed
        entries = register.entries.map { RegisterRow($0, basisRound: register.basisRound) }
        hasEntries = !register.entries.isEmpty
        chartHref = SiteURL.registerChart(s, a, .scatter).path
        heatMapHref = SiteURL.registerChart(s, a, .heatMap).path
        ranksHref = SiteURL.registerChart(s, a, .ranks).path
        heatRows = LikelihoodBand.allCases.enumerated().reversed().map { row, band in
            DimensionRow(title: band.rawValue, values: heat[row].map(String.init))
        }
        dimensionHeaders = ImpactDimension.allCases.map(\.label)
        dimensions = register.entries.filter { !$0.impactByDimension.isEmpty }.map { e in
            DimensionRow(title: e.title, values: ImpactDimension.allCases.map { e.impactByDimension[$0.rawValue].map(format) ?? "—" })
        }
        agreement = register.agreement.map {
            "Kendall's W = \(String(format: "%.2f", $0.kendallW)) over \($0.assessors) assessors ranking \($0.scenarios) scenarios "
                + "(1 = identical rankings, 0 = no agreement)."
        }
        csvHref = SiteURL.registerExport(s, a, .csv).path
        jsonHref = SiteURL.registerExport(s, a, .json).path
    }
}
