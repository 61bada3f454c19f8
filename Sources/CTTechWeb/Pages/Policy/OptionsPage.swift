import CTTechCore
import Foundation

/// The options for one risk (issue 10): candidate responses ranked by the risk they are expected to remove per unit
/// of cost, with uncertainty, and the probability that one removes more than another.
public struct OptionsPage: WebPage {
    public static let template = "options"

    struct Row: Sendable, TemplateModel {
        let rank: Int
        let title: String
        let href: String
        let status: String
        let planned: String
        let removed: String
        let cost: String
        let perCost: String
    }

    struct PairRow: Sendable, TemplateModel {
        let title: String
        let cells: [String]
    }

    public let layout: LayoutModel
    let title: String
    let kind: String
    let registerHref: String
    let traceHref: String
    let portfolioHref: String
    let inherent: String
    let rows: [Row]
    let pairHeaders: [String]
    let pairs: [PairRow]
    let costNote: String?
    let drawsNote: String

    public static func make(layout: LayoutModel, assessment: Assessment, entry: RegisterDocument.Entry, options: ResponseOptions) -> OptionsPage {
        let t = layout.localizer
        let (s, a) = (assessment.stateID, assessment.id)
        func n(_ x: Double) -> String { t.number(x, fractionDigits: 3) }
        let rows = options.options.enumerated().map { index, o in
            Row(
                rank: index + 1, title: o.response.title, href: SiteURL.response(s, response: o.response.id).path,
                status: PolicyWords.status(o.response.status, t),
                planned: t(
                    "policy.planned-range", ["best": t.percent(o.planned.best), "low": t.percent(o.planned.low), "high": t.percent(o.planned.high)]),
                removed: t("policy.options.removed-value", ["mean": n(o.removed), "low": n(o.removedLow), "high": n(o.removedHigh)]),
                cost: PolicyWords.cost(o.response.cost, t),
                perCost: o.perCost.map { t("policy.options.per-cost-value", ["value": t.number($0 * 1_000_000, fractionDigits: 3)]) } ?? "—")
        }
        let top = Array(options.options.prefix(6))
        let pairs = top.map { rowOption in
            PairRow(
                title: rowOption.response.title,
                cells: top.map { column in
                    column.response.id == rowOption.response.id
                        ? "—" : t.percent(options.pairwise[rowOption.response.id + ">" + column.response.id] ?? 0)
                })
        }
        return OptionsPage(
            layout: layout, title: entry.title, kind: RegisterWords.kind(entry.kind, t), registerHref: SiteURL.register(s, a).path,
            traceHref: SiteURL.residualTrace(s, a, risk: entry.id).path, portfolioHref: SiteURL.portfolio(s, a).path,
            inherent: t("policy.options.inherent", ["risk": n(options.inherentRisk)]), rows: rows, pairHeaders: top.map(\.response.title),
            pairs: pairs, costNote: options.currency.map { t("policy.options.cost-note", ["currency": $0]) },
            drawsNote: t("policy.options.draws", ["draws": t.grouped(Int64(options.draws))]))
    }
}
