import CTTechCore

@testable import CTTechWeb

extension RegisterBody {
    /// Round 1 revealed: four scenarios (one titled in Arabic) and three other risks ranked together.
    static var mock: Self { RegisterBody(assessment: Valdoria.assessment, register: Valdoria.roundOneRegister, language: .english) }

    /// The same register in another language.
    static func mock(in language: Language) -> Self {
        RegisterBody(assessment: Valdoria.assessment, register: Valdoria.roundOneRegister, language: language)
    }

    /// No round revealed yet: only the other national risks are ranked.
    static var otherRisksOnly: Self {
        RegisterBody(
            assessment: Valdoria.assessment,
            register: Valdoria.register(Valdoria.assessment, round: nil, scores: [], otherRisks: Valdoria.otherRisks),
            language: .english)
    }

    /// Round 1 with the residual risk of the approved licensing and the implementing counter-narratives
    /// (`RiskRegister.compute(…, responses:)`): inherent beside residual.
    static var withResidual: Self { RegisterBody(assessment: Valdoria.assessment, register: Valdoria.residualRegister, language: .english) }

    /// Nothing to rank yet.
    static var empty: Self {
        RegisterBody(
            assessment: Valdoria.assessment, register: Valdoria.register(Valdoria.assessment, round: nil, scores: [], otherRisks: []),
            language: .english)
    }
}

extension Valdoria {
    /// The layout of a page of one assessment in `language`: its marking and Valdoria's steps named in that language, as
    /// the server lists them.
    static func registerLayout(
        _ title: String, identity: Identity, at url: SiteURL, assessment: Assessment = Valdoria.assessment, language: Language
    ) -> LayoutModel {
        let t = Localizer(language)
        var steps = [(t("nav.state-overview"), SiteURL.state(state.id).path)]
        if Authorizer.allows(identity, state: state.id, .viewAssessment) {
            steps.append((t("nav.threat-assessment"), SiteURL.assessments(state.id).path))
        }
        return LayoutModel(
            title: title, tlp: assessment.tlp, identity: identity, csrf: csrf, path: url.path, stateName: state.name, stateSteps: steps,
            language: language)
    }
}
