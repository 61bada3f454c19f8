import CTTechCore
import Foundation

/// The national risk register page: the register's body (rendered once per revision, see ``RegisterBody``), then the
/// form for other national risks.
public struct RegisterPage: WebPage {
    public static let template = "register"
    public let layout: LayoutModel
    let assessmentHref: String
    /// Every revealed round, factor by factor (issue 12).
    let roundsHref: String
    let assessmentTitle: String
    /// The register's body, rendered once per revision by its own template (``RegisterBody``).
    let renderedBody: RenderedFragment
    let canManage: Bool
    let otherRiskAction: String
    let csrf: String
    let errors: FormErrors
    let otherRisk: OtherRiskFields

    public static func make(
        layout: LayoutModel, assessment: Assessment, body: RenderedFragment, canManage: Bool = false, csrf: String = "",
        draft: [String: String] = [:],
        failure: ValidationFailure? = nil
    ) -> RegisterPage {
        RegisterPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path,
            roundsHref: SiteURL.roundStatistics(assessment.stateID, assessment.id).path, assessmentTitle: assessment.title,
            renderedBody: body,
            canManage: canManage && !assessment.status.isFrozen, otherRiskAction: SiteURL.otherRisks(assessment.stateID, assessment.id).path,
            csrf: csrf,
            errors: FormErrors(layout.localizer, failure, fields: OtherRiskFields.fields), otherRisk: OtherRiskFields(draft, layout.localizer))
    }
}

extension RegisterPage {
    public var fragments: [RenderedFragment] { [renderedBody] }
}
