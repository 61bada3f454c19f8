/// Step 3: writing threat scenarios, scoring them privately in rounds, and moving rounds on.
public struct Scoring: Sendable {
    let scoring: any ScoringRepository
    let reference: any ReferenceDataRepository

    public init(scoring: any ScoringRepository, reference: any ReferenceDataRepository) {
        self.scoring = scoring
        self.reference = reference
    }

    /// Adds a scenario, its references checked against the assessment's method version.
    public func addScenario(
        _ draft: ScenarioDraft, to assessment: Assessment, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> ThreatScenario
    {
        guard let method = try await reference.method(id: assessment.methodVersion) else { throw StoreConflict.missing }
        let clean = try draft.validated(against: method, defaultHorizon: assessment.horizonYears)
        let scenario = ThreatScenario(
            id: Identifier.make(), assessmentID: assessment.id, title: clean.title, narrative: clean.narrative, actorType: clean.actorType,
            technologies: clean.technologies, purposes: clean.purposes, targetSector: clean.targetSector, horizonYears: clean.horizonYears,
            version: 1)
        try await scoring.addScenario(
            scenario, scope: scope, audit: AuditEvent(.scenarioCreate, by: actor, entity: scenario.id, state: scope.stateID, ["title": clean.title]))
        return scenario
    }

    /// Records the caller's score for a scenario in the current round. Refused (``AssessmentRuleViolation``) when the
    /// round is not open, the caller already scored it, or the assessment is approved.
    public func submit(_ draft: ScoreDraft, for scenario: ThreatScenario, by actor: AuditActor, scope: TenantScope) async throws -> ScenarioScore {
        guard let round = try await scoring.currentRound(scope, assessmentID: scenario.assessmentID) else { throw StoreConflict.missing }
        let score = try draft.validated(scenarioID: scenario.id, round: round.number, assessorID: scope.userID)
        try await scoring.submitScore(
            score, scope: scope, audit: AuditEvent(.scoreSubmit, by: actor, entity: scenario.id, state: scope.stateID, ["round": "\(round.number)"]))
        return score
    }

    /// What moving the current round to `target` will do to the register, for the facilitator to confirm first.
    public func preview(_ assessment: Assessment, to target: ScoringRound.Status, scope: TenantScope) async throws -> RoundChangePreview {
        guard let round = try await scoring.currentRound(scope, assessmentID: assessment.id) else { throw StoreConflict.missing }
        _ = try AssessmentRuleViolation.nextRound(from: round, to: target)
        let scenarios = try await scoring.scenarios(scope, assessmentID: assessment.id)
        let counts = try await scoring.submissionCounts(scope, assessmentID: assessment.id, round: round.number)
        // Every round before the current one was revealed (a new round opens only after a reveal).
        let earlier = round.number > 1 ? try await scoring.scoresForRegister(scope, assessmentID: assessment.id, throughRound: round.number - 1) : []
        var lastScored: [String: Int] = [:]
        for score in earlier { lastScored[score.scenarioID] = max(lastScored[score.scenarioID] ?? 0, score.round) }
        let minimum = try await reference.consensusMinimumRatings(of: assessment.methodVersion)
        return RoundChangePreview.make(
            round: round, target: target, scenarios: scenarios, counts: counts, earlierRounds: lastScored, consensusMinimum: minimum)
    }

    /// Moves the current round on, reopens a closed one before its reveal, or opens the next one after a reveal; returns
    /// the round now current.
    @discardableResult
    public func advanceRound(
        _ assessment: Assessment, to target: ScoringRound.Status, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> ScoringRound
    {
        let action: AuditAction =
            switch target {
            case .open: .roundOpen
            case .closed: .roundClosed
            case .revealed: .roundRevealed
            }
        return try await scoring.advanceRound(
            scope, assessmentID: assessment.id, to: target, audit: AuditEvent(action, by: actor, entity: assessment.id, state: scope.stateID))
    }
}
