import CTTechCore
import Foundation

/// An approved snapshot, read-only.
public struct SnapshotPage: WebPage {
    public static let template = "snapshot"
    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let heading: String
    /// "Approved 2026-09-14 08:30:00 UTC by", before the approver's name, and the rest of the sentence after it.
    let approvedLead: String
    let approvedBy: String
    let approvedTail: String
    let sha256: String
    let entries: [RegisterRow]
    let agencies: [String]
    /// "4 scenarios · 4 evidence items · 4 technologies scanned · 3 other national risks."
    let contents: String
    let scatterHref: String
    let ranksHref: String
    let heatMapHref: String
    let hasEntries: Bool

    public static func make(layout: LayoutModel, snapshot: AssessmentSnapshot, approverName: String) -> SnapshotPage {
        let t = layout.localizer
        let c = snapshot.content
        let basis = c.register.basisRound.map { t("approval.snapshot.basis-round", ["round": String($0)]) } ?? t("approval.snapshot.basis-none")
        return SnapshotPage(
            layout: layout, assessmentHref: SiteURL.assessment(c.assessment.stateID, c.assessment.id).path, assessmentTitle: c.assessment.title,
            heading: t("approval.snapshot.heading", ["number": String(snapshot.number)]),
            approvedLead: t("approval.snapshot.approved-lead", ["time": utcTimestamp(snapshot.approvedAt) + " UTC"]), approvedBy: approverName,
            approvedTail: t("approval.snapshot.approved-tail", ["period": c.assessment.period, "basis": basis]), sha256: snapshot.sha256,
            entries: c.register.entries.map { RegisterRow($0, basisRound: c.register.basisRound, localizer: t) },
            agencies: c.agencies.map { t("approval.snapshot.agency", ["name": $0.name, "kind": t("institutions.kind.\($0.kind.rawValue)")]) },
            contents: t(
                "approval.snapshot.contents",
                [
                    "scenarios": t("assessment.scenarios", count: c.scenarios.count),
                    "evidence": t("assessment.progress.evidence", count: c.evidence.count),
                    "scanned": t("approval.snapshot.scanned", count: c.horizonScan.count),
                    "otherRisks": t("assessment.progress.other-risks", count: c.otherRisks.count),
                ]),
            scatterHref: SiteURL.snapshotChart(c.assessment.stateID, c.assessment.id, number: snapshot.number, .scatter).path,
            ranksHref: SiteURL.snapshotChart(c.assessment.stateID, c.assessment.id, number: snapshot.number, .ranks).path,
            heatMapHref: SiteURL.snapshotChart(c.assessment.stateID, c.assessment.id, number: snapshot.number, .heatMap).path,
            hasEntries: !c.register.entries.isEmpty)
    }
}
