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
    /// The register at each revealed round (issue 12), when there is more than one.
    let roundLinks: [LayoutModel.NavItem]
    let hasRoundLinks: Bool

    public static func make(
        layout: LayoutModel, assessment: Assessment, body: RenderedFragment, canManage: Bool = false, csrf: String = "",
        draft: [String: String] = [:],
        failure: ValidationFailure? = nil, revealedRounds: Int = 0, round: Int? = nil
    ) -> RegisterPage {
        let t = layout.localizer
        let base = SiteURL.register(assessment.stateID, assessment.id).path
        let links =
            revealedRounds > 1
            ? (1..<revealedRounds).map {
                LayoutModel.NavItem(label: t("register.at-round", ["round": String($0)]), href: base + "?round=\($0)", current: round == $0)
            }
                + [
                    LayoutModel.NavItem(
                        label: t("register.at-latest", ["round": String(revealedRounds)]), href: base,
                        current: round == nil || round == revealedRounds)
                ]
            : []
        return RegisterPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path,
            roundsHref: SiteURL.roundStatistics(assessment.stateID, assessment.id).path, assessmentTitle: assessment.title,
            renderedBody: body,
            canManage: canManage && !assessment.status.isFrozen, otherRiskAction: SiteURL.otherRisks(assessment.stateID, assessment.id).path,
            csrf: csrf,
            errors: FormErrors(layout.localizer, failure, fields: OtherRiskFields.fields), otherRisk: OtherRiskFields(draft, layout.localizer),
            roundLinks: links, hasRoundLinks: !links.isEmpty)
    }
}

extension RegisterPage {
    public var fragments: [RenderedFragment] { [renderedBody] }
}
