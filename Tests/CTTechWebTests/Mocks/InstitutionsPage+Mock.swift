import CTTechCore

@testable import CTTechWeb

extension InstitutionsPage {
    static func page(
        _ identity: Identity, assessment: Assessment = Valdoria.assessment, agencies: [Agency] = Valdoria.agencies,
        submitted: [String: String] = [:], failure: ValidationFailure? = nil, language: Language = .english
    ) -> Self {
        let url = SiteURL.institutions(assessment.stateID, assessment.id)
        return .make(
            layout: language == .english
                ? Valdoria.layout("Roles and structures · \(assessment.title)", identity: identity, at: url, assessment: assessment)
                : .valdoria(
                    Localizer(language)("institutions.title", ["title": assessment.title]), identity: identity, at: url, assessment: assessment,
                    language: language),
            assessment: assessment, agencies: agencies, raci: Valdoria.raci.filter { r in agencies.contains { $0.id == r.agencyID } },
            canEdit: AssessmentAbilities(identity: identity, assessment: assessment).manage, csrf: Valdoria.csrf, submitted: submitted,
            failure: failure)
    }

    /// Four agencies (one named in Arabic) and their RACI matrix, editable by the focal point.
    static var mock: Self { page(Valdoria.focalPoint) }

    /// The same form in Arabic, right to left: agency names typed in English and in Arabic, the matrix's codes as they are.
    static var arabic: Self { page(Valdoria.focalPoint, language: .arabic) }

    /// No agency yet: the form to add the first one, no matrix.
    static var empty: Self { page(Valdoria.focalPoint, agencies: []) }

    /// Approved and frozen: the matrix as letters, no form.
    static var frozen: Self { page(Valdoria.focalPoint, assessment: Valdoria.approvedAssessment) }

    /// A matrix refused (scoping without an accountable agency): every cell as submitted.
    static var refused: Self {
        let agencies = Valdoria.agencies
        var submitted = Dictionary(uniqueKeysWithValues: Valdoria.raci.map { ("raci.\($0.activity.rawValue).\($0.agencyID)", $0.role.rawValue) })
        submitted["raci.scoping.\(Valdoria.interior.id)"] = RaciRole.consulted.rawValue
        let failure = Valdoria.refusal {
            try RaciMatrix.check(try RaciMatrix.parse(formFields: submitted), agencies: Set(agencies.map(\.id)))
        }
        return page(Valdoria.facilitator, submitted: submitted, failure: failure)
    }
}
