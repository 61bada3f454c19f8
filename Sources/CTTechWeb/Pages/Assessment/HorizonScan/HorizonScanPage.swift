import CTTechCore
import Foundation

/// Step 2: the horizon scan, one line per technology of the method, with its evidence.
public struct HorizonScanPage: WebPage {
    public static let template = "horizon-scan"
    struct Row: Sendable {
        let code: String
        let name: String
        let stage: String
        let stageNumber: Int
        let trend: String
        let notes: String
        let evidence: [EvidenceView]
        /// Loads this line into the form, to update it without retyping (or losing) its notes.
        let editHref: String?
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let rows: [Row]
    let scanned: Int
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
        let byTechnology = Dictionary(scan.map { ($0.technology, $0) }, uniquingKeysWith: { a, _ in a })
        let technologies = method.items(.technologies)
        return HorizonScanPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path, assessmentTitle: assessment.title,
            rows: technologies.map { item in
                let entry = byTechnology[item.code]
                return Row(
                    code: item.code, name: item.name, stage: entry?.stage.rawValue ?? "not scanned", stageNumber: (entry?.stage.order ?? -1) + 1,
                    trend: entry.map { "\($0.trend.symbol) \($0.trend.rawValue)" } ?? "—", notes: entry?.notes ?? "",
                    evidence: evidence.filter { $0.subject == .technology(item.code) }.map {
                        EvidenceView(
                            $0,
                            removeAction: canEdit && !assessment.status.isFrozen
                                ? SiteURL.evidenceRemove(assessment.stateID, assessment.id, evidence: $0.id).path : nil)
                    },
                    editHref: canEdit && !assessment.status.isFrozen && entry != nil
                        ? SiteURL.horizonScanEntry(assessment.stateID, assessment.id, technology: item.code).path : nil)
            }, scanned: scan.count, canEdit: canEdit && !assessment.status.isFrozen, frozen: assessment.status.isFrozen,
            scanAction: SiteURL.horizonScan(assessment.stateID, assessment.id).path, csrf: csrf,
            errors: FormErrors(
                layout.localizer,
                failure,
                fields: [
                    FormField("technology", "Technology", id: "h-tech"), FormField("stage", "Diffusion stage", id: "h-stage"),
                    FormField("trend", "Trend", id: "h-trend"), FormField("notes", "Notes", id: "h-notes"),
                ]),
            technologies: technologies.map { Choice(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == submitted["technology"]) },
            // Stage and trend are judgements: nothing is chosen until the analyst chooses (STYLE.md).
            stages: [Choice(value: "", label: "choose…", selected: (submitted["stage"] ?? "").isEmpty)]
                + DiffusionStage.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == submitted["stage"]) },
            trends: [Choice(value: "", label: "choose…", selected: (submitted["trend"] ?? "").isEmpty)]
                + Trend.allCases.map { Choice(value: $0.rawValue, label: "\($0.symbol) \($0.rawValue)", selected: $0.rawValue == submitted["trend"]) },
            notes: submitted["notes"] ?? "",
            evidenceForm: EvidenceForm(
                action: SiteURL.scanEvidence(assessment.stateID, assessment.id).path, submitted: submitted,
                subjects: technologies.map { Choice(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == submitted["technology"]) }))
    }
}
