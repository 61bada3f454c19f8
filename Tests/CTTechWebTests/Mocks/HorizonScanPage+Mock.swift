import CTTechCore

@testable import CTTechWeb

extension HorizonScanPage {
    static func page(
        _ identity: Identity, assessment: Assessment = Valdoria.assessment, submitted: [String: String] = [:], failure: ValidationFailure? = nil
    ) -> Self {
        .make(
            layout: Valdoria.layout(
                "Horizon scan · \(assessment.title)", identity: identity, at: .horizonScan(assessment.stateID, assessment.id),
                assessment: assessment),
            assessment: assessment, method: Valdoria.method, scan: Valdoria.scan, evidence: Valdoria.evidence,
            canEdit: AssessmentAbilities(identity: identity, assessment: assessment).write, csrf: Valdoria.csrf, submitted: submitted,
            failure: failure)
    }

    /// Four technologies scanned with their evidence (one item in Arabic), editable by an assessor.
    static var mock: Self { page(Valdoria.assessor) }

    /// Approved and frozen: no form, no removal.
    static var frozen: Self { page(Valdoria.focalPoint, assessment: Valdoria.approvedAssessment) }

    /// A technology refused without a stage: the technology, trend and notes chosen stay.
    static var refused: Self {
        let submitted = ["technology": "T13", "stage": "", "trend": Trend.surging.rawValue, "notes": "VR training rooms " + Valdoria.markup]
        return page(
            Valdoria.assessor, submitted: submitted,
            failure: Valdoria.refusal { try HorizonScanDraft(fields: submitted).validated(against: Valdoria.method) })
    }
}
