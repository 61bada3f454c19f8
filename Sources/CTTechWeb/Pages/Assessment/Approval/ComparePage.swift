import CTTechCore
import Foundation

/// Two snapshots side by side.
public struct ComparePage: WebPage {
    public static let template = "compare"
    struct Row: Sendable, TemplateModel {
        let title: String
        let before: String
        let after: String
        let change: String
        let bandBefore: String
        let bandAfter: String
    }

    struct ScanRow: Sendable, TemplateModel {
        let technology: String
        let before: String
        let after: String
        let changed: Bool
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let action: String
    let choicesA: [Choice]
    let choicesB: [Choice]
    let hasComparison: Bool
    let labelA: String
    let labelB: String
    /// "Snapshot 1: rank (80 %)".
    let rankA: String
    let rankB: String
    let rows: [Row]
    let scan: [ScanRow]

    public static func make(
        layout: LayoutModel, assessment: Assessment, numbers: [Int], before: AssessmentSnapshot?, after: AssessmentSnapshot?, method: MethodVersion
    ) -> ComparePage {
        let t = layout.localizer
        let names = method.names(.technologies, in: t.language)
        func snapshot(_ number: Int) -> String { t("approval.snapshot-label", ["number": String(number)]) }
        func rank(_ entry: RegisterDocument.Entry?) -> String {
            entry.map { "\($0.medianRank) (\($0.rankLow)–\($0.rankHigh))" } ?? t("approval.compare.absent")
        }
        func band(_ entry: RegisterDocument.Entry?) -> String {
            entry?.threatBand.map { t("approval.band.\($0.lowercased())") } ?? "—"
        }
        func change(_ risk: SnapshotComparison.RiskRow) -> String {
            guard let places = risk.rankChange else { return t(risk.after == nil ? "approval.change.removed" : "approval.change.new") }
            return places > 0
                ? t("approval.change.up", ["places": String(places)])
                : places < 0 ? t("approval.change.down", ["places": String(-places)]) : t("approval.change.same")
        }
        func scanLine(_ entry: HorizonScanEntry?) -> String {
            entry.map { t("horizon.stage.\($0.stage.rawValue)") + " " + $0.trend.symbol } ?? "—"
        }
        var rows: [Row] = []
        var scan: [ScanRow] = []
        if let before, let after {
            let comparison = SnapshotComparison(before: before.content, after: after.content)
            rows = comparison.risks.map { r in
                Row(
                    title: r.title, before: rank(r.before), after: rank(r.after), change: change(r), bandBefore: band(r.before),
                    bandAfter: band(r.after))
            }
            scan = comparison.scan.map { s in
                ScanRow(technology: names[s.technology] ?? s.technology, before: scanLine(s.before), after: scanLine(s.after), changed: s.changed)
            }
        }
        let labelA = before.map { snapshot($0.number) } ?? ""
        let labelB = after.map { snapshot($0.number) } ?? ""
        return ComparePage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path, assessmentTitle: assessment.title,
            action: SiteURL.compare(assessment.stateID, assessment.id).path,
            choicesA: numbers.map { Choice(value: "\($0)", label: snapshot($0), selected: $0 == before?.number) },
            choicesB: numbers.map { Choice(value: "\($0)", label: snapshot($0), selected: $0 == after?.number) },
            hasComparison: before != nil && after != nil, labelA: labelA, labelB: labelB,
            rankA: t("approval.compare.rank-column", ["snapshot": labelA]), rankB: t("approval.compare.rank-column", ["snapshot": labelB]),
            rows: rows, scan: scan)
    }
}
