/// What one viewer may do with one assessment, from their roles and where the assessment stands. Pages offer only these
/// actions; the use cases and the stores refuse the others anyway.
public struct AssessmentAbilities: Sendable, Hashable {
    /// Run rounds, keep agencies, the RACI matrix and other risks, remove mistakes: focal points and facilitators, while
    /// the assessment is not approved.
    public let manage: Bool
    /// Write scenarios, the horizon scan and evidence: analysts too, while the assessment is not approved.
    public let write: Bool
    /// Score scenarios: assessors and the roles above, while the assessment is not approved.
    public let score: Bool
    /// The status moves offered, in the order a page lists them (review, approve, back to draft).
    public let statusMoves: [Assessment.Status]
    /// Approved: nothing changes until it is reopened.
    public let frozen: Bool

    /// The abilities of a signed-in user.
    public init(identity: Identity, assessment: Assessment) {
        func may(_ permission: Permission) -> Bool { Authorizer.allows(identity, state: assessment.stateID, permission) }
        self.init(
            manage: may(.manageAssessment), write: may(.writeScenario), score: may(.scoreScenario), approve: may(.approveAssessment),
            assessment: assessment)
    }

    /// The abilities that follow from these permissions on this assessment.
    public init(manage: Bool, write: Bool, score: Bool, approve: Bool, assessment: Assessment) {
        frozen = assessment.status.isFrozen
        self.manage = manage && !frozen
        self.write = write && !frozen
        self.score = score && !frozen
        // Moving the status is what unfreezes an approved assessment, so it follows the permissions, not `frozen`.
        let moves: [(Assessment.Status, Bool)] = [(.inReview, manage), (.approved, approve), (.draft, manage)]
        statusMoves = moves.filter { assessment.status.canMove(to: $0.0) && $0.1 }.map(\.0)
    }

    /// Whether the viewer may score `scenarioID` now: the round is open and `shown` (what they see of the round) holds
    /// no score of theirs for it.
    public func canScore(_ scenarioID: String, round: ScoringRound, shown: [ScoreVisibility.Shown]) -> Bool {
        score && ScoreVisibility.canScore(round) && !shown.contains { $0.isOwn && $0.score.scenarioID == scenarioID }
    }

    /// Whether removing the scenario is offered: only in round 1 while no score for it is visible, so never once anyone
    /// could have scored it (the store refuses a scored scenario anyway).
    public func canRemoveScenario(_ scenarioID: String, round: ScoringRound, shown: [ScoreVisibility.Shown]) -> Bool {
        manage && round.number == 1 && !shown.contains { $0.score.scenarioID == scenarioID }
    }
}
