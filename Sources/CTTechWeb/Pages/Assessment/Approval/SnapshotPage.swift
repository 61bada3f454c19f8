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
            layout: layout, assessmentHref: SiteURL.assessment(c.assessment.stateID, c.assessment.id).path, assessmentTitle: c.assessment.title,
            number: snapshot.number, approvedAt: utcTimestamp(snapshot.approvedAt) + " UTC", approvedBy: approverName, sha256: snapshot.sha256,
            period: c.assessment.period, entries: c.register.entries.map { RegisterRow($0, basisRound: c.register.basisRound) },
            agencies: c.agencies.map { "\($0.name) (\($0.kind.label))" },
            scanned: c.horizonScan.count, scenarios: c.scenarios.count, evidence: c.evidence.count, otherRisks: c.otherRisks.count,
            basis: c.register.basisRound.map { "round \($0)" } ?? "no revealed round",
            scatterHref: SiteURL.snapshotChart(c.assessment.stateID, c.assessment.id, number: snapshot.number, .scatter).path,
            ranksHref: SiteURL.snapshotChart(c.assessment.stateID, c.assessment.id, number: snapshot.number, .ranks).path,
            heatMapHref: SiteURL.snapshotChart(c.assessment.stateID, c.assessment.id, number: snapshot.number, .heatMap).path,
            hasEntries: !c.register.entries.isEmpty)
    }
}
