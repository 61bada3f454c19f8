import CTTechCore

@testable import CTTechWeb

extension EditRecordPage {
    /// Correcting an agency named in Arabic: its current values are loaded.
    static var mock: Self {
        let agency = Valdoria.financialIntelligence
        return .agency(
            layout: Valdoria.layout(
                "Correct an agency", identity: Valdoria.focalPoint, at: .agencyEdit(Valdoria.state.id, Valdoria.assessment.id, agency: agency.id)),
            assessment: Valdoria.assessment, agency: agency, csrf: Valdoria.csrf)
    }

    /// The correction refused: what was submitted stays, the errors are listed.
    static var agencyRefused: Self {
        let agency = Valdoria.police
        let submitted = ["name": "", "kind": "secret-police", "mandate": Valdoria.markup]
        return .agency(
            layout: Valdoria.layout(
                "Correct an agency", identity: Valdoria.focalPoint, at: .agency(Valdoria.state.id, Valdoria.assessment.id, agency: agency.id)),
            assessment: Valdoria.assessment, agency: agency, submitted: submitted, csrf: Valdoria.csrf,
            failure: Valdoria.refusal { try AgencyDraft(fields: submitted).validated(id: agency.id) })
    }

    /// Correcting another national risk: its estimates and confidence are loaded.
    static var otherRisk: Self {
        let risk = Valdoria.ransomware
        return .otherRisk(
            layout: Valdoria.layout(
                "Correct another national risk", identity: Valdoria.facilitator,
                at: .otherRiskEdit(Valdoria.state.id, Valdoria.assessment.id, risk: risk.id)),
            assessment: Valdoria.assessment, risk: risk, csrf: Valdoria.csrf)
    }
}
