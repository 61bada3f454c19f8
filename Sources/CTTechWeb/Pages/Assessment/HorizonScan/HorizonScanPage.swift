import CTTechCore
import Foundation

/// Step 2: the horizon scan, one line per technology of the method, with its evidence.
public struct HorizonScanPage: WebPage {
    public static let template = "horizon-scan"
    struct Row: Sendable, TemplateModel {
        let code: String
        let name: String
        let stage: String
        let stageNumber: Int
        let trend: String
        let notes: String
        let evidence: [EvidenceView]
        /// Loads this line into the form, to update it without retyping (or losing) its notes.
        let editHref: String?
        /// "Update T09".
        let editLabel: String
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let rows: [Row]
    /// "4 of the method's technologies scanned."
    let scannedText: String
    let canEdit: Bool
    let frozen: Bool
    let scanAction: String
    let csrf: String
    let errors: FormErrors
    let technologies: [Choice]
    let stages: [Choice]
    let trends: [Choice]
    let notes: String
    let evidenceForm: EvidenceForm

    public static func make(
        layout: LayoutModel, assessment: Assessment, method: MethodVersion, scan: [HorizonScanEntry], evidence: [EvidenceItem], canEdit: Bool,
        csrf: String, submitted: [String: String] = [:], failure: ValidationFailure? = nil
    ) -> HorizonScanPage {
        let t = layout.localizer
        let byTechnology = Dictionary(scan.map { ($0.technology, $0) }, uniquingKeysWith: { a, _ in a })
        let technologies = method.items(.technologies)
        let editable = canEdit && !assessment.status.isFrozen
        func trend(_ trend: Trend) -> String { trend.symbol + " " + t("horizon.trend.\(trend.rawValue)") }
        func choices() -> [Choice] {
            technologies.map { Choice(value: $0.code, label: "\($0.code) \($0.name(in: t.language))", selected: $0.code == submitted["technology"]) }
        }
        return HorizonScanPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path, assessmentTitle: assessment.title,
            rows: technologies.map { item in
                let entry = byTechnology[item.code]
                return Row(
                    code: item.code, name: item.name(in: t.language),
                    stage: entry.map { t("horizon.stage.\($0.stage.rawValue)") } ?? t("horizon.not-scanned"),
                    stageNumber: (entry?.stage.order ?? -1) + 1, trend: entry.map { trend($0.trend) } ?? "—", notes: entry?.notes ?? "",
                    evidence: evidence.filter { $0.subject == .technology(item.code) }.map {
                        EvidenceView(
                            $0, removeAction: editable ? SiteURL.evidenceRemove(assessment.stateID, assessment.id, evidence: $0.id).path : nil, t)
                    },
                    editHref: editable && entry != nil
                        ? SiteURL.horizonScanEntry(assessment.stateID, assessment.id, technology: item.code).path : nil,
                    editLabel: t("horizon.update", ["code": item.code]))
            }, scannedText: t("horizon.scanned", count: scan.count), canEdit: editable, frozen: assessment.status.isFrozen,
            scanAction: SiteURL.horizonScan(assessment.stateID, assessment.id).path, csrf: csrf,
            errors: FormErrors(
                t,
                failure,
                fields: [
                    FormField("technology", "horizon.col.technology", id: "h-tech"), FormField("stage", "horizon.col.stage", id: "h-stage"),
                    FormField("trend", "horizon.col.trend", id: "h-trend"), FormField("notes", "horizon.field.notes", id: "h-notes"),
                ]),
            technologies: choices(),
            // Stage and trend are judgements: nothing is chosen until the analyst chooses (STYLE.md).
            stages: [Choice(value: "", label: t("assessment.choose"), selected: (submitted["stage"] ?? "").isEmpty)]
                + DiffusionStage.allCases.map {
                    Choice(value: $0.rawValue, label: t("horizon.stage-meaning.\($0.rawValue)"), selected: $0.rawValue == submitted["stage"])
                },
            trends: [Choice(value: "", label: t("assessment.choose"), selected: (submitted["trend"] ?? "").isEmpty)]
                + Trend.allCases.map { Choice(value: $0.rawValue, label: trend($0), selected: $0.rawValue == submitted["trend"]) },
            notes: submitted["notes"] ?? "",
            evidenceForm: EvidenceForm(
                action: SiteURL.scanEvidence(assessment.stateID, assessment.id).path, submitted: submitted, subjects: choices(), t))
    }
}
