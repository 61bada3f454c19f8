/// Threat scenarios, scoring rounds and the scores of one partner state's assessments.
public protocol ScoringRepository: Sendable {
    /// Adds a scenario to an editable assessment, with its audit entry.
    func addScenario(_ scenario: ThreatScenario, scope: TenantScope, audit: AuditEvent) async throws
    /// One scenario of one assessment of the scope's state, or nil.
    func scenario(_ scope: TenantScope, assessmentID: String, id: String) async throws -> ThreatScenario?
    /// The assessment's scenarios in the order they were written (at most 1,000).
    func scenarios(_ scope: TenantScope, assessmentID: String) async throws -> [ThreatScenario]
    /// The latest round of an assessment.
    func currentRound(_ scope: TenantScope, assessmentID: String) async throws -> ScoringRound?
    /// The latest round of every assessment of the scope's state, in one read (for lists).
    func currentRounds(_ scope: TenantScope) async throws -> [String: ScoringRound]
    /// Moves the current round on (open → closed → revealed), or opens the next round after a reveal (`to: .open`),
    /// by ``AssessmentRuleViolation/nextRound(from:to:)``; returns the round now current.
    @discardableResult
    func advanceRound(_ scope: TenantScope, assessmentID: String, to target: ScoringRound.Status, audit: AuditEvent) async throws -> ScoringRound
    /// Records one assessor's score: the round check (``AssessmentRuleViolation/checkScore(_:current:alreadyScored:)``),
    /// the score and its audit entry commit together.
    func submitScore(_ score: ScenarioScore, scope: TenantScope, audit: AuditEvent) async throws
    /// The scores of one round as the scope's user may see them (``ScoreVisibility``): peers' scores never leave the
    /// repository before the round is revealed.
    func visibleScores(_ scope: TenantScope, assessmentID: String, round: ScoringRound) async throws -> [ScoreVisibility.Shown]
    /// How many assessors have scored each scenario in a round: counts only, never who or what.
    func submissionCounts(_ scope: TenantScope, assessmentID: String, round: Int) async throws -> [String: Int]
    /// Every score of rounds 1…`throughRound`, account holders' and workshop participants', for the register (aggregates
    /// only). Callers pass a revealed round.
    func scoresForRegister(_ scope: TenantScope, assessmentID: String, throughRound: Int) async throws -> [ScenarioScore]

    /// Adds a workshop's scores and rankings to the assessment's round `input.round`, which must be its current round and
    /// open (``AssessmentRuleViolation/roundNotOpen(round:)``) in an editable assessment; what the same source added to
    /// that round before is replaced, and a participant's earlier score of the same scenario in the round too. The
    /// input, the assessment's new revision and the audit entry commit together.
    func addWorkshopInput(_ input: WorkshopInput, scope: TenantScope, audit: AuditEvent) async throws
    /// What has been added from each source to each round of the assessment, oldest first.
    func workshopSources(_ scope: TenantScope, assessmentID: String) async throws -> [WorkshopSource]
    /// The workshop rankings of rounds 1…`throughRound` (callers pass a revealed round).
    func workshopRankings(_ scope: TenantScope, assessmentID: String, throughRound: Int) async throws -> [WorkshopRanking]
}
