import CTTechCore
import Foundation

/// The fields of the agency form (adding on the step 1 page, correcting on its own page), refilled after an error.
struct AgencyFields: Sendable {
    let agencyName: String
    let agencyMandate: String
    let kinds: [Choice]

    init(_ values: [String: String]) {
        agencyName = values["name"] ?? ""
        agencyMandate = values["mandate"] ?? ""
        kinds = Agency.Kind.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values["kind"]) }
    }

    init(_ agency: Agency) {
        self.init(["name": agency.name, "kind": agency.kind.rawValue, "mandate": agency.mandate])
    }
}

/// The fields of the other-national-risk form (adding on the register page, correcting on its own page).
struct OtherRiskFields: Sendable {
    let values: [String: String]
    let confidences: [Choice]

    init(_ submitted: [String: String]) {
        values = [
            "title": "", "family": "", "likelihoodLow": "0.01", "likelihoodBest": "0.05", "likelihoodHigh": "0.2", "impactLow": "2",
            "impactBest": "3", "impactHigh": "4",
        ].merging(submitted.filter { $0.key != "_csrf" }) { $1 }
        let chosen = submitted["confidence"] ?? Confidence.moderate.rawValue
        confidences = Confidence.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == chosen) }
    }

    init(_ risk: OtherRisk) {
        func text(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x) }
        self.init([
            "title": risk.title, "family": risk.family, "likelihoodLow": text(risk.likelihood.low), "likelihoodBest": text(risk.likelihood.best),
            "likelihoodHigh": text(risk.likelihood.high), "impactLow": text(risk.impact.low), "impactBest": text(risk.impact.best),
            "impactHigh": text(risk.impact.high), "confidence": risk.confidence.rawValue,
        ])
    }
}

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
            layout: layout, heading: "Correct an agency", backHref: SiteURL.institutions(assessment.stateID, assessment.id),
            backLabel: "Step 1 · Roles and structures", action: SiteURL.record(assessment.stateID, assessment.id, "agencies", agency.id), csrf: csrf,
            errors: FormErrors(failure), agency: submitted.map(AgencyFields.init) ?? AgencyFields(agency), otherRisk: nil)
    }

    public static func otherRisk(
        layout: LayoutModel, assessment: Assessment, risk: OtherRisk, submitted: [String: String]? = nil, csrf: String,
        failure: ValidationFailure? = nil
    ) -> EditRecordPage {
        EditRecordPage(
            layout: layout, heading: "Correct another national risk", backHref: SiteURL.otherRisks(assessment.stateID, assessment.id),
            backLabel: "Other national security risks", action: SiteURL.record(assessment.stateID, assessment.id, "other-risks", risk.id), csrf: csrf,
            errors: FormErrors(failure), agency: nil, otherRisk: submitted.map(OtherRiskFields.init) ?? OtherRiskFields(risk))
    }
}
