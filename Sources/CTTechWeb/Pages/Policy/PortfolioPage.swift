import CTTechCore
import Foundation

/// "What if" (issue 10): a policy maker ticks responses within a budget and sees the register change before approving
/// anything. A GET form: the choice lives in the address, so it can be shared and needs no CSRF token.
public struct PortfolioPage: WebPage {
    public static let template = "portfolio"

    struct Candidate: Sendable, TemplateModel {
        let id: String
        let name: String
        let title: String
        let note: String
        let checked: Bool
    }

    struct Row: Sendable, TemplateModel {
        let title: String
        let kind: String
        let inherent: String
        let now: String
        let withPortfolio: String
        let effectiveness: String
        let moved: Bool
    }

    public let layout: LayoutModel
    let action: String
    let registerHref: String
    let candidates: [Candidate]
    let budget: String
    let budgetError: String?
    let errors: FormErrors
    let hasResult: Bool
    let costs: String
    let overBudget: String?
    let totals: [String]
    let rows: [Row]

    /// - Parameters:
    ///   - current: the register as it stands (approved responses only).
    ///   - whatIf: the register with the chosen responses treated as approved (nil before any is chosen).
    public static func make(
        layout: LayoutModel, assessment: Assessment, candidates: [PolicyResponse], chosen: Set<String>, budget: String,
        budgetFailure: ValidationFailure?,
        current: RegisterDocument, whatIf: RegisterDocument?
    ) -> PortfolioPage {
        let t = layout.localizer
        let (s, a) = (assessment.stateID, assessment.id)
        func n(_ x: Double) -> String { t.number(x, fractionDigits: 3) }
        let list = candidates.map { r in
            Candidate(
                id: "pf-" + r.id, name: "include." + r.id, title: r.title,
                note: PolicyWords.status(r.status, t) + " · " + PolicyWords.cost(r.cost, t), checked: chosen.contains(r.id))
        }
        let errors = FormErrors(t, budgetFailure, fields: [FormField("budget", "policy.portfolio.budget", id: "pf-budget")])
        let picked = candidates.filter { chosen.contains($0.id) }
        var byCurrency: [String: (Double, Double)] = [:]
        for cost in picked.compactMap(\.cost) {
            let sum = byCurrency[cost.currency] ?? (0, 0)
            byCurrency[cost.currency] = (sum.0 + cost.low, sum.1 + cost.high)
        }
        let costs = byCurrency.keys.sorted().map { currency in
            PolicyWords.cost(CostRange(low: byCurrency[currency]?.0 ?? 0, high: byCurrency[currency]?.1 ?? 0, currency: currency), t)
        }
        let limit = Double(budget.filter { !$0.isWhitespace && $0 != "," })
        let overBudget: String? =
            limit.flatMap { limit in
                byCurrency.values.contains { $0.1 > limit } ? t("policy.portfolio.over-budget", ["budget": t.grouped(Int64(limit))]) : nil
            }
        var rows: [Row] = []
        var totals: [String] = []
        if let whatIf {
            let now = Dictionary(current.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            rows = whatIf.entries.map { e in
                let before = now[e.id]
                let nowRank = before.map { b in b.residual.map { "\($0.medianRank)" } ?? "\(b.medianRank)" } ?? "—"
                let withRank = e.residual.map { "\($0.medianRank) (\($0.rankLow)–\($0.rankHigh))" } ?? "\(e.medianRank)"
                return Row(
                    title: e.title, kind: RegisterWords.kind(e.kind, t), inherent: "\(e.medianRank) (\(e.rankLow)–\(e.rankHigh))", now: nowRank,
                    withPortfolio: withRank, effectiveness: e.residual.map { t.percent($0.plannedEffectiveness) } ?? "—",
                    moved: (e.residual?.plannedEffectiveness ?? 0) > (before?.residual?.plannedEffectiveness ?? 0) + 1e-9)
            }
            let inherent = whatIf.entries.map(\.meanScore).reduce(0, +)
            let residualNow = current.entries.map { $0.residual?.meanScore ?? $0.meanScore }.reduce(0, +)
            let residualWith = whatIf.entries.map { $0.residual?.meanScore ?? $0.meanScore }.reduce(0, +)
            func share(_ x: Double) -> String { inherent > 0 ? t.percent(1 - x / inherent) : "—" }
            totals = [
                t("policy.portfolio.total-inherent", ["risk": n(inherent)]),
                t("policy.portfolio.total-now", ["risk": n(residualNow), "share": share(residualNow)]),
                t("policy.portfolio.total-with", ["risk": n(residualWith), "share": share(residualWith)]),
            ]
        }
        return PortfolioPage(
            layout: layout, action: SiteURL.portfolio(s, a).path, registerHref: SiteURL.register(s, a).path, candidates: list, budget: budget,
            budgetError: errors.message("budget"), errors: errors, hasResult: whatIf != nil,
            costs: costs.isEmpty ? "—" : costs.joined(separator: " · "), overBudget: overBudget, totals: totals, rows: rows)
    }
}
