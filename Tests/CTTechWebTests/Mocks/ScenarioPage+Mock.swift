import CTTechCore

@testable import CTTechWeb

extension ScenarioPage {
    static func page(
        _ identity: Identity, scenario: ThreatScenario = Valdoria.drones, round: ScoringRound, scores: [ScenarioScore] = [],
        assessment: Assessment = Valdoria.assessment, submitted: [String: String] = [:], failure: ValidationFailure? = nil,
        evidenceFailure: ValidationFailure? = nil
    ) -> Self {
        .make(
            layout: Valdoria.layout(
                scenario.title, identity: identity, at: .scenario(assessment.stateID, assessment.id, scenario: scenario.id), assessment: assessment),
            assessment: assessment, scenario: scenario, round: round,
            shown: ScoreVisibility.visible(scores, round: round, viewerID: identity.userID, numberingSalt: "mock-salt"), method: Valdoria.method,
            evidence: Valdoria.evidence,
            abilities: AssessmentAbilities(identity: identity, assessment: assessment), csrf: Valdoria.csrf, scenarios: Valdoria.scenarios,
            submitted: submitted,
            failure: failure, evidenceFailure: evidenceFailure)
    }

    /// An assessor (named in Cyrillic) who has not scored yet in an open round: the score form, evidence holding markup.
    static var mock: Self {
        page(Valdoria.assessor, round: Valdoria.roundOneOpen, scores: Valdoria.roundOneScores.filter { $0.assessorID != Valdoria.assessor.userID })
    }

    /// The focal point before anyone scored in round 1: removing the scenario is offered.
    static var removable: Self { page(Valdoria.focalPoint, scenario: Valdoria.deepfakes, round: Valdoria.roundOneOpen) }

    /// After scoring in an open round: only the assessor's own score, no form.
    static var scored: Self {
        page(Valdoria.assessor, round: Valdoria.roundOneOpen, scores: Valdoria.roundOneScores.filter { $0.assessorID == Valdoria.assessor.userID })
    }

    /// The round revealed: the spread and every rationale, peers without names.
    static var revealed: Self { page(Valdoria.assessor, round: Valdoria.roundOneRevealed, scores: Valdoria.roundOneScores) }

    /// A score refused: every field as entered, the errors listed.
    static var refused: Self {
        var submitted = [
            "intent": "7", "actorCapability": "4", "technologyAccessibility": "", "opportunity": "2", "likelihoodLow": "0.3",
            "likelihoodBest": "0.1", "likelihoodHigh": "0.2", "confidence": "high", "rationale": "Seen " + Valdoria.markup,
        ]
        for dimension in ImpactDimension.allCases { submitted["impact.\(dimension.rawValue)"] = "4" }
        submitted["impact.economic"] = "0"
        let draft = ScoreDraft(fields: submitted)
        return page(
            Valdoria.assessor, round: Valdoria.roundOneOpen, submitted: submitted,
            failure: Valdoria.refusal { try draft.validated(scenarioID: Valdoria.drones.id, round: 1, assessorID: Valdoria.assessor.userID) })
    }

    /// Evidence refused: the evidence form opens again with what was entered.
    static var evidenceRefused: Self {
        let submitted = ["summary": "", "source": "Informant", "reliability": "B", "credibility": "9", "observedOn": "2026-02-30"]
        return page(
            Valdoria.assessor, round: Valdoria.roundOneOpen, submitted: submitted,
            evidenceFailure: Valdoria.refusal {
                try EvidenceDraft(fields: submitted).validated(id: Valdoria.id(599), subject: .scenario(Valdoria.drones.id))
            })
    }

    /// A policy maker reads the revealed round: no form.
    static var readOnly: Self { page(Valdoria.policyMaker, round: Valdoria.roundOneRevealed, scores: Valdoria.roundOneScores) }

    /// A scenario written in Arabic, revealed, seen by the focal point.
    static var arabic: Self {
        page(Valdoria.focalPoint, scenario: Valdoria.recruitment, round: Valdoria.roundOneRevealed, scores: Valdoria.roundOneScores)
    }

    /// The approved assessment: scores stay readable, nothing can be added.
    static var frozen: Self {
        page(
            Valdoria.focalPoint, round: Valdoria.roundTwoRevealed, scores: Valdoria.roundTwoScores, assessment: Valdoria.approvedAssessment)
    }
}

extension ScenarioPage {
    /// The score form in Arabic: an assessor who has not scored yet in an open round, the interface right to left.
    static var arabicForm: Self {
        let scenario = Valdoria.drones
        let assessment = Valdoria.assessment
        return .make(
            layout: Valdoria.registerLayout(
                scenario.title, identity: Valdoria.assessor, at: .scenario(assessment.stateID, assessment.id, scenario: scenario.id),
                language: .arabic),
            assessment: assessment, scenario: scenario, round: Valdoria.roundOneOpen,
            shown: ScoreVisibility.visible(
                Valdoria.roundOneScores.filter { $0.assessorID != Valdoria.assessor.userID }, round: Valdoria.roundOneOpen,
                viewerID: Valdoria.assessor.userID, numberingSalt: "mock-salt"), method: Valdoria.method, evidence: Valdoria.evidence,
            abilities: AssessmentAbilities(identity: Valdoria.assessor, assessment: assessment), csrf: Valdoria.csrf, scenarios: Valdoria.scenarios)
    }
}
