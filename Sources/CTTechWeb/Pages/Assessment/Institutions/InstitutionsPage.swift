import CTTechCore
import Foundation

/// Step 1: the agencies taking part and the RACI matrix of the assessment's activities.
public struct InstitutionsPage: WebPage {
    public static let template = "institutions"
    struct AgencyRow: Sendable, TemplateModel {
        let name: String
        let kind: String
        let mandate: String
        let editHref: String
        let removeAction: String
    }

    struct Cell: Sendable, TemplateModel {
        let name: String
        /// What a screen reader says of the cell's control: "Score scenarios: National Police".
        let cellLabel: String
        let choices: [Choice]
        let shown: String
    }

    struct ActivityRow: Sendable, TemplateModel {
        let label: String
        let cells: [Cell]
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let agencies: [AgencyRow]
    let agencyHeaders: [String]
    let matrix: [ActivityRow]
    let hasAgencies: Bool
    let canEdit: Bool
    let frozen: Bool
    let agencyAction: String
    let raciAction: String
    let csrf: String
    let errors: FormErrors
    let agencyFields: AgencyFields

    public static func make(
        layout: LayoutModel, assessment: Assessment, agencies: [Agency], raci: [RaciAssignment], canEdit: Bool, csrf: String,
        submitted: [String: String] = [:], failure: ValidationFailure? = nil
    ) -> InstitutionsPage {
        let t = layout.localizer
        let roles = Dictionary(raci.map { ("\($0.activity.rawValue).\($0.agencyID)", $0.role.rawValue) }, uniquingKeysWith: { a, _ in a })
        return InstitutionsPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path, assessmentTitle: assessment.title,
            agencies: agencies.map {
                AgencyRow(
                    name: $0.name, kind: t("institutions.kind.\($0.kind.rawValue)"), mandate: $0.mandate,
                    editHref: SiteURL.agencyEdit(assessment.stateID, assessment.id, agency: $0.id).path,
                    removeAction: SiteURL.agencyRemove(assessment.stateID, assessment.id, agency: $0.id).path)
            }, agencyHeaders: agencies.map(\.name),
            matrix: AssessmentActivity.allCases.map { activity in
                let label = t("institutions.activity.\(activity.rawValue)")
                return ActivityRow(
                    label: label,
                    cells: agencies.map { agency in
                        let key = "\(activity.rawValue).\(agency.id)"
                        let current = submitted["raci.\(key)"] ?? roles[key] ?? ""
                        return Cell(
                            name: "raci.\(key)", cellLabel: t("institutions.cell", ["activity": label, "agency": agency.name]),
                            choices: [Choice(value: "", label: "—", selected: current.isEmpty)]
                                + RaciRole.allCases.map {
                                    Choice(value: $0.rawValue, label: $0.rawValue, selected: current == $0.rawValue)
                                },
                            shown: current.isEmpty ? "—" : current)
                    })
            }, hasAgencies: !agencies.isEmpty, canEdit: canEdit && !assessment.status.isFrozen, frozen: assessment.status.isFrozen,
            agencyAction: SiteURL.agencies(assessment.stateID, assessment.id).path, raciAction: SiteURL.raci(assessment.stateID, assessment.id).path,
            csrf: csrf,
            errors: FormErrors(t, failure, fields: AgencyFields.fields), agencyFields: AgencyFields(submitted, t))
    }
}
