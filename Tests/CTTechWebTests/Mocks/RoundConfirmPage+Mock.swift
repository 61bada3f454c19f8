import CTTechCore

@testable import CTTechWeb

extension RoundConfirmPage {
    static func page(_ preview: RoundChangePreview) -> Self {
        let assessment = Valdoria.assessment
        return .make(
            layout: Valdoria.layout(
                "Confirm: round \(preview.round.number)", identity: Valdoria.facilitator, at: .assessment(assessment.stateID, assessment.id),
                assessment: assessment),
            assessment: assessment, preview: preview, csrf: Valdoria.csrf)
    }

    /// Revealing round 2 of 4 scenarios: one scored by one assessor, one not scored but kept from round 1, one never scored.
    static var reveal: Self {
        let s = Valdoria.scenarios
        return page(
            RoundChangePreview.make(
                round: ScoringRound(number: 2, status: .closed), target: .revealed, scenarios: s,
                counts: [s[0].id: 4, s[1].id: 1], earlierRounds: [s[2].id: 1], consensusMinimum: 3))
    }

    /// Closing a round in which every scenario has enough ratings: nothing to warn about but the consequence.
    static var quietClose: Self {
        let s = Valdoria.scenarios
        return page(
            RoundChangePreview.make(
                round: ScoringRound(number: 1, status: .open), target: .closed, scenarios: s,
                counts: Dictionary(uniqueKeysWithValues: s.map { ($0.id, 3) }), earlierRounds: [:], consensusMinimum: 3))
    }
}
