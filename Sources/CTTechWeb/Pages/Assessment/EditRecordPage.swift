import CTTechCore
import Foundation

/// Correcting one agency or one other national risk on a page of its own.
public struct EditRecordPage: WebPage {
    public static let template = "edit-record"
    public let layout: LayoutModel
    let heading: String
    let backHref: String
    let backLabel: String
    let action: String
    let csrf: String
    let errors: FormErrors
    let agency: AgencyFields?
    let otherRisk: OtherRiskFields?

    public static func agency(
        layout: LayoutModel, assessment: Assessment, agency: Agency, submitted: [String: String]? = nil, csrf: String,
        failure: ValidationFailure? = nil
    ) -> EditRecordPage {
        EditRecordPage(
            layout: layout, heading: layout.localizer("institutions.correct-heading"),
            backHref: SiteURL.institutions(assessment.stateID, assessment.id).path, backLabel: layout.localizer("assessment.step1"),
            action: SiteURL.agency(assessment.stateID, assessment.id, agency: agency.id).path, csrf: csrf,
            errors: FormErrors(layout.localizer, failure, fields: AgencyFields.fields),
            agency: submitted.map { AgencyFields($0, layout.localizer) } ?? AgencyFields(agency, layout.localizer), otherRisk: nil
        )
    }

    public static func otherRisk(
        layout: LayoutModel, assessment: Assessment, risk: OtherRisk, submitted: [String: String]? = nil, csrf: String,
        failure: ValidationFailure? = nil
    ) -> EditRecordPage {
        EditRecordPage(
            layout: layout, heading: layout.localizer("assessment.edit.other-risk-heading"),
            backHref: SiteURL.otherRisks(assessment.stateID, assessment.id).path, backLabel: layout.localizer("assessment.edit.other-risks-back"),
            action: SiteURL.otherRisk(assessment.stateID, assessment.id, risk: risk.id).path, csrf: csrf,
            errors: FormErrors(layout.localizer, failure, fields: OtherRiskFields.fields), agency: nil,
            otherRisk: submitted.map { OtherRiskFields($0, layout.localizer) } ?? OtherRiskFields(risk, layout.localizer))
    }
}
