import CTTechCore

@testable import CTTechWeb

extension AssessmentPage {
    static var progress: AssessmentProgress {
        var progress = AssessmentProgress()
        progress.agencies = Valdoria.agencies.count
        progress.activitiesAssigned = 4
        progress.technologiesScanned = Valdoria.scan.count
        progress.scenarios = Valdoria.scenarios.count
        progress.evidence = Valdoria.evidence.count
        progress.otherRisks = Valdoria.otherRisks.count
        return progress
    }

    static func page(
        _ identity: Identity, assessment: Assessment = Valdoria.assessment, round: ScoringRound, scoredByMe: Set<String> = [],
        submissions: (counts: [String: Int], eligible: Int)? = nil, snapshots: [Int] = [], draft: ScenarioDraft? = nil,
        failure: ValidationFailure? = nil, language: Language = .english
    ) -> Self {
        let url = SiteURL.assessment(assessment.stateID, assessment.id)
        return .make(
            layout: language == .english
                ? Valdoria.layout(assessment.title, identity: identity, at: url, assessment: assessment)
                : .valdoria(assessment.title, identity: identity, at: url, assessment: assessment, language: language),
            assessment: assessment, round: round, scenarios: Valdoria.scenarios, scoredByMe: scoredByMe, submissions: submissions,
            method: Valdoria.method, snapshots: snapshots, progress: progress,
            abilities: AssessmentAbilities(identity: identity, assessment: assessment),
            csrf: Valdoria.csrf, draft: draft, failure: failure)
    }

    /// Round 1 closed, seen by the facilitator: reveal it, or reopen it for late assessors.
    static var closedRound: Self { page(Valdoria.facilitator, round: ScoringRound(number: 1, status: .closed)) }

    /// A draft in round 1, seen by its focal point: status, round and scenario forms.
    static var mock: Self {
        page(Valdoria.focalPoint, round: Valdoria.roundOneOpen, scoredByMe: [Valdoria.drones.id])
    }

    /// The facilitator after the reveal, with who scored what and an earlier snapshot.
    static var revealed: Self {
        page(
            Valdoria.facilitator, round: Valdoria.roundOneRevealed,
            submissions: (
                counts: [Valdoria.drones.id: 3, Valdoria.cryptoFunding.id: 3, Valdoria.deepfakes.id: 3, Valdoria.recruitment.id: 2], eligible: 3
            ),
            snapshots: [1])
    }

    /// Approved and frozen: two snapshots to compare, only the move back to draft.
    static var approved: Self {
        page(Valdoria.focalPoint, assessment: Valdoria.approvedAssessment, round: Valdoria.roundTwoRevealed, snapshots: [1, 2])
    }

    /// A policy maker reads it; no form at all.
    static var readOnly: Self {
        page(Valdoria.policyMaker, round: Valdoria.roundOneOpen)
    }

    /// A scenario refused: the errors on top, every field (checkboxes and select included) as it was entered.
    static var refused: Self {
        let draft = ScenarioDraft(
            title: "", narrative: "Hijacked drones " + Valdoria.markup, actorType: "A4", technologies: ["T09", "T16"], purposes: [],
            targetSector: "Transport", horizonYears: "30")
        return page(
            Valdoria.assessor, round: Valdoria.roundOneOpen, draft: draft,
            failure: Valdoria.refusal { try draft.validated(against: Valdoria.method, defaultHorizon: 2) })
    }

    /// The assessment titled in Arabic, seen by an assessor whose name is in Cyrillic.
    static var arabic: Self {
        page(Valdoria.assessor, assessment: Valdoria.arabicAssessment, round: Valdoria.roundOneOpen)
    }

    /// The whole page in Arabic, right to left: the facilitator's view of the Arabic-titled assessment (scenario titles in
    /// English, the facilitator's name in Latin letters), with the submissions column, a snapshot and the round's moves.
    static var arabicInterface: Self {
        page(
            Valdoria.facilitator, assessment: Valdoria.arabicAssessment, round: Valdoria.roundOneOpen,
            submissions: (counts: [Valdoria.drones.id: 2, Valdoria.cryptoFunding.id: 1], eligible: 3), snapshots: [1], language: .arabic)
    }

    /// The whole page in Russian: an assessor who has scored one of four scenarios (a count in the genitive plural).
    static var russian: Self {
        page(Valdoria.assessor, round: Valdoria.roundOneOpen, scoredByMe: [Valdoria.drones.id], language: .russian)
    }
}

extension LayoutModel {
    /// Valdoria's layout in `language`, with the state's steps named in that language as the server names them.
    static func valdoria(
        _ title: String, identity: Identity, at url: SiteURL, assessment: Assessment = Valdoria.assessment, language: Language
    ) -> LayoutModel {
        let t = Localizer(language)
        let state = Valdoria.state
        return LayoutModel(
            title: title, tlp: assessment.tlp, identity: identity, csrf: Valdoria.csrf, path: url.path, stateName: state.name,
            stateSteps: [(t("nav.state-overview"), SiteURL.state(state.id).path), (t("nav.threat-assessment"), SiteURL.assessments(state.id).path)],
            language: language)
    }
}
