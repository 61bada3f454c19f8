import CTTechCore
import Foundation

/// An approved snapshot, read-only.
public struct SnapshotPage: WebPage {
    public static let template = "snapshot"
    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let number: Int
    let approvedAt: String
    let approvedBy: String
    let sha256: String
    let period: String
    let entries: [RegisterRow]
    let agencies: [String]
    let scanned: Int
    let scenarios: Int
    let evidence: Int
    let otherRisks: Int
    let basis: String
    let scatterHref: String
    let ranksHref: String
    let heatMapHref: String
    let hasEntries: Bool

    public static func make(layout: LayoutModel, snapshot: AssessmentSnapshot, approverName: String) -> SnapshotPage {
        let c = snapshot.content
        return SnapshotPage(
            layout: layout, assessmentHref: SiteURL.assessment(c.assessment.stateID, c.assessment.id), assessmentTitle: c.assessment.title,
            number: snapshot.number, approvedAt: utcTimestamp(snapshot.approvedAt) + " UTC", approvedBy: approverName, sha256: snapshot.sha256,
            period: c.assessment.period, entries: c.register.entries.map(RegisterRow.init),
            agencies: c.agencies.map { "\($0.name) (\($0.kind.label))" },
            scanned: c.horizonScan.count, scenarios: c.scenarios.count, evidence: c.evidence.count, otherRisks: c.otherRisks.count,
            basis: c.register.basisRound.map { "round \($0)" } ?? "no revealed round",
            scatterHref: SiteURL.snapshot(c.assessment.stateID, c.assessment.id, snapshot.number) + "/register.svg",
            ranksHref: SiteURL.snapshot(c.assessment.stateID, c.assessment.id, snapshot.number) + "/register-ranks.svg",
            heatMapHref: SiteURL.snapshot(c.assessment.stateID, c.assessment.id, snapshot.number) + "/register-heatmap.svg",
            hasEntries: !c.register.entries.isEmpty)
    }
}

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
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id), assessmentTitle: assessment.title,
            action: SiteURL.compare(assessment.stateID, assessment.id),
            choicesA: numbers.map { Choice(value: "\($0)", label: "Snapshot \($0)", selected: $0 == before?.number) },
            choicesB: numbers.map { Choice(value: "\($0)", label: "Snapshot \($0)", selected: $0 == after?.number) },
            hasComparison: before != nil && after != nil, labelA: before.map { "Snapshot \($0.number)" } ?? "",
            labelB: after.map { "Snapshot \($0.number)" } ?? "", rows: rows, scan: scan)
    }
}
