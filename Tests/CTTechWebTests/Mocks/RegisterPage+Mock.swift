import CTTechCore

@testable import CTTechWeb

extension RegisterPage {
    /// A register page needs its body rendered first: only the renderer makes a ``RenderedFragment``.
    static func page(
        _ identity: Identity, assessment: Assessment = Valdoria.assessment, draft: [String: String] = [:], failure: ValidationFailure? = nil,
        language: Language = .english
    ) async throws -> Self {
        let body = try await Pages.renderer.value.render(
            RegisterBody(assessment: assessment, register: Valdoria.roundOneRegister, language: language))
        let t = Localizer(language)
        let title = t("register.page-title", ["title": assessment.title])
        let url = SiteURL.register(assessment.stateID, assessment.id)
        return .make(
            layout: language == .english
                ? Valdoria.layout(title, identity: identity, at: url, assessment: assessment)
                : Valdoria.registerLayout(title, identity: identity, at: url, assessment: assessment, language: language),
            assessment: assessment, body: body, canManage: AssessmentAbilities(identity: identity, assessment: assessment).manage,
            csrf: Valdoria.csrf, draft: draft, failure: failure)
    }

    /// The facilitator's view: the register and the form for another national risk.
    static var mock: Self {
        get async throws { try await page(Valdoria.facilitator) }
    }

    /// The facilitator's view in another language: the body, the form and the charts' links.
    static func mock(in language: Language) async throws -> Self { try await page(Valdoria.facilitator, language: language) }

    /// A policy maker reads the register: no form.
    static var readOnly: Self {
        get async throws { try await page(Valdoria.policyMaker) }
    }

    /// Another risk refused: the estimates as entered, the errors listed.
    static var refused: Self {
        get async throws {
            let draft = [
                "title": "Grid collapse " + Valdoria.markup, "family": "", "likelihoodLow": "0.5", "likelihoodBest": "1.2", "likelihoodHigh": "0.9",
                "impactLow": "2", "impactBest": "3", "impactHigh": "6", "confidence": "low", "_csrf": Valdoria.csrf,
            ]
            return try await page(
                Valdoria.focalPoint, draft: draft,
                failure: Valdoria.refusal { try OtherRiskDraft(fields: draft).validated(id: Valdoria.id(699)) })
        }
    }
}
