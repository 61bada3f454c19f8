import CTTechCore
import Foundation

/// Two snapshots side by side.
public struct ComparePage: WebPage {
    public static let template = "compare"
    struct Row: Sendable {
        let title: String
        let before: String
        let after: String
        let change: String
        let bandBefore: String
        let bandAfter: String
    }

    struct ScanRow: Sendable {
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
    let rows: [Row]
    let scan: [ScanRow]

    public static func make(
        layout: LayoutModel, assessment: Assessment, numbers: [Int], before: AssessmentSnapshot?, after: AssessmentSnapshot?, method: MethodVersion
    ) -> ComparePage {
        let names = method.names(.technologies)
        var rows: [Row] = []
        var scan: [ScanRow] = []
        if let before, let after {
            let comparison = SnapshotComparison(before: before.content, after: after.content)
            rows = comparison.risks.map { r in
                Row(
                    title: r.title, before: r.before.map { "\($0.medianRank) (\($0.rankLow)–\($0.rankHigh))" } ?? "absent",
                    after: r.after.map { "\($0.medianRank) (\($0.rankLow)–\($0.rankHigh))" } ?? "absent",
                    change: r.rankChange.map { $0 > 0 ? "up \($0)" : $0 < 0 ? "down \(-$0)" : "same" } ?? (r.after == nil ? "removed" : "new"),
                    bandBefore: r.before?.threatBand ?? "—", bandAfter: r.after?.threatBand ?? "—")
            }
            scan = comparison.scan.map { s in
                ScanRow(
                    technology: names[s.technology] ?? s.technology, before: s.before.map { "\($0.stage.rawValue) \($0.trend.symbol)" } ?? "—",
                    after: s.after.map { "\($0.stage.rawValue) \($0.trend.symbol)" } ?? "—", changed: s.changed)
            }
        }
        return ComparePage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path, assessmentTitle: assessment.title,
            action: SiteURL.compare(assessment.stateID, assessment.id).path,
            choicesA: numbers.map { Choice(value: "\($0)", label: "Snapshot \($0)", selected: $0 == before?.number) },
            choicesB: numbers.map { Choice(value: "\($0)", label: "Snapshot \($0)", selected: $0 == after?.number) },
            hasComparison: before != nil && after != nil, labelA: before.map { "Snapshot \($0.number)" } ?? "",
            labelB: after.map { "Snapshot \($0.number)" } ?? "", rows: rows, scan: scan)
    }
}
