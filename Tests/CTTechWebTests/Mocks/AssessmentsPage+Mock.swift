import CTTechCore

@testable import CTTechWeb

extension AssessmentsPage {
    /// The list's standing of an assessment: round 1 open, the viewer 1 of 4 scored when they score.
    static func standing(_ assessment: Assessment, scores: Bool = true) -> AssessmentStanding {
        AssessmentStanding(
            assessment: assessment, round: Valdoria.roundOneOpen, scenarioCount: Valdoria.scenarios.count, scoredByViewer: scores ? 1 : nil,
            nextUnscored: scores ? Valdoria.scenarios[1] : nil)
    }

    static func layout(_ identity: Identity) -> LayoutModel {
        Valdoria.layout(
            "Threat assessments · Republic of Valdoria", identity: identity, path: SiteURL.assessments(Valdoria.state.id).path,
            state: Valdoria.state)
    }

    /// The focal point's list (one title in Arabic) with the forms to open or import an assessment.
    static var mock: Self {
        .make(
            layout: layout(Valdoria.focalPoint), stateID: Valdoria.state.id,
            assessments: [Valdoria.assessment, Valdoria.arabicAssessment, Valdoria.previousAssessment].map { standing($0) }, canCreate: true,
            csrf: Valdoria.csrf)
    }

    /// No assessment yet: the page says how to start.
    static var empty: Self {
        .make(layout: layout(Valdoria.focalPoint), stateID: Valdoria.state.id, assessments: [], canCreate: true, csrf: Valdoria.csrf)
    }

    /// A policy maker reads the list and is offered no form.
    static var readOnly: Self {
        .make(
            layout: layout(Valdoria.policyMaker), stateID: Valdoria.state.id,
            assessments: [Valdoria.assessment, Valdoria.previousAssessment].map { standing($0, scores: false) },
            canCreate: false, csrf: Valdoria.csrf)
    }

    /// Opening refused on every field (the marking chosen is kept), and an import refused beside it.
    static var refused: Self {
        let draft = AssessmentDraft(title: "", period: Valdoria.markup, horizonYears: "40", tlp: TLP.red.rawValue)
        let importFailure = ValidationFailure([
            FieldIssue(field: "scenarios[2].actorType", message: "\"A7\" is not an actor type of this method"),
            FieldIssue(field: "raci[0].role", message: "must be R, A, C or I"),
        ])
        return .make(
            layout: layout(Valdoria.focalPoint), stateID: Valdoria.state.id, assessments: [standing(Valdoria.previousAssessment)], canCreate: true,
            csrf: Valdoria.csrf, draft: draft, failure: Valdoria.refusal { try draft.validated() }, importFailure: importFailure)
    }
}
