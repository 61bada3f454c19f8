import CTTechCore

extension InMemoryRepositories: ScoringRepository {
    public func addScenario(_ scenario: ThreatScenario, scope: TenantScope, audit: AuditEvent) async throws {
        try change(scope, assessmentID: scenario.assessmentID, audit: audit) { $0.scenarios.append(scenario) }
    }

    public func scenario(_ scope: TenantScope, assessmentID: String, id: String) async throws -> ThreatScenario? {
        read { $0.assessment(scope, assessmentID)?.scenarios.first { $0.id == id } }
    }

    public func scenarios(_ scope: TenantScope, assessmentID: String) async throws -> [ThreatScenario] {
        read { Array(($0.assessment(scope, assessmentID)?.scenarios ?? []).prefix(1000)) }
    }

    public func currentRound(_ scope: TenantScope, assessmentID: String) async throws -> ScoringRound? {
        read { $0.assessment(scope, assessmentID)?.currentRound }
    }

    public func currentRounds(_ scope: TenantScope) async throws -> [String: ScoringRound] {
        read { state in
            var latest: [String: ScoringRound] = [:]
            for (id, stored) in state.assessments where stored.assessment.stateID == scope.stateID {
                latest[id] = stored.currentRound
            }
            return latest
        }
    }

    @discardableResult
    public func advanceRound(
        _ scope: TenantScope, assessmentID: String, to target: ScoringRound.Status, audit: AuditEvent
    ) async throws
        -> ScoringRound
    {
        try transaction { state in
            guard var stored = state.assessment(scope, assessmentID) else { throw StoreConflict.missing }
            try AssessmentRuleViolation.requireEditable(stored.assessment.status)
            guard let current = stored.currentRound else { throw StoreConflict.missing }
            let result = try AssessmentRuleViolation.nextRound(from: current, to: target)
            if result.number > current.number {
                stored.rounds.append(result)
            } else if let index = stored.rounds.firstIndex(where: { $0.number == current.number }) {
                stored.rounds[index] = result
            }
            stored.revision += 1
            state.assessments[assessmentID] = stored
            var event = audit
            event.details["round"] = "\(result.number) \(result.status.rawValue)"
            if current.status == .closed && result.status == .open { event.details["reopened"] = "before the reveal" }
            state.audit.append(event)
            return result
        }
    }

    public func submitScore(_ score: ScenarioScore, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(score.assessorID == scope.userID, "an assessor scores only as themselves")
        try transaction { state in
            // Like the SQL store, the scenario is looked up in the whole state and its assessment follows from it.
            guard
                var stored = state.assessments.values.first(where: {
                    $0.assessment.stateID == scope.stateID && $0.scenarios.contains { $0.id == score.scenarioID }
                })
            else { throw StoreConflict.missing }
            try AssessmentRuleViolation.requireEditable(stored.assessment.status)
            guard let round = stored.currentRound else { throw StoreConflict.missing }
            let scored = stored.scores.contains {
                $0.scenarioID == score.scenarioID && $0.round == score.round && $0.assessorID == score.assessorID
            }
            try AssessmentRuleViolation.checkScore(score, current: round, alreadyScored: scored)
            stored.scores.append(score)
            stored.revision += 1
            state.assessments[stored.assessment.id] = stored
            state.audit.append(audit)
        }
    }

    public func visibleScores(_ scope: TenantScope, assessmentID: String, round: ScoringRound) async throws -> [ScoreVisibility.Shown] {
        read { state in
            // Peers' scores are filtered out here, before the visibility rule, as the SQL store never reads them.
            let scores = (state.assessment(scope, assessmentID)?.allScores ?? []).filter {
                $0.round == round.number && (round.status == .revealed || $0.assessorID == scope.userID)
            }
            let salt = (state.assessment(scope, assessmentID)?.numberingSalt ?? "") + "#\(round.number)"
            return ScoreVisibility.visible(scores, round: round, viewerID: scope.userID, numberingSalt: salt)
        }
    }

    public func submissionCounts(_ scope: TenantScope, assessmentID: String, round: Int) async throws -> [String: Int] {
        read { state in
            let scores = (state.assessment(scope, assessmentID)?.scores ?? []).filter { $0.round == round }
            return Dictionary(grouping: scores, by: \.scenarioID).mapValues(\.count)
        }
    }

    public func scoresForRegister(_ scope: TenantScope, assessmentID: String, throughRound: Int) async throws -> [ScenarioScore] {
        read { ($0.assessment(scope, assessmentID)?.allScores ?? []).filter { $0.round <= throughRound } }
    }

    public func addWorkshopInput(_ input: WorkshopInput, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard var stored = state.assessment(scope, input.assessmentID) else { throw StoreConflict.missing }
            try AssessmentRuleViolation.requireEditable(stored.assessment.status)
            guard let current = stored.currentRound, current.number == input.round, current.status == .open else {
                throw AssessmentRuleViolation.roundNotOpen(round: input.round)
            }
            let scenarios = Set(stored.scenarios.map(\.id))
            guard input.scores.allSatisfy({ scenarios.contains($0.scenarioID) && $0.round == input.round }),
                input.rankings.allSatisfy({ $0.ranks.keys.allSatisfy(scenarios.contains) })
            else { throw StoreConflict.missing }
            // The same source's earlier input to the round goes; so does another source's score by the same participant of
            // the same scenario, and their ranking (one voice per participant, scenario and round).
            let scored = Set(input.scores.map { "\($0.scenarioID)|\($0.assessorID)" })
            let rankers = Set(input.rankings.map(\.ranker))
            stored.workshop = stored.workshop.filter { !($0.source == input.source && $0.round == input.round) }.map { earlier in
                guard earlier.round == input.round else { return earlier }
                var kept = earlier
                kept.scores.removeAll { scored.contains("\($0.scenarioID)|\($0.assessorID)") }
                kept.rankings.removeAll { rankers.contains($0.ranker) }
                return kept
            }
            stored.workshop.append(input)
            stored.revision += 1
            state.assessments[input.assessmentID] = stored
            state.audit.append(audit)
        }
    }

    public func workshopSources(_ scope: TenantScope, assessmentID: String) async throws -> [WorkshopSource] {
        read { state in
            (state.assessment(scope, assessmentID)?.workshop ?? []).filter { !$0.scores.isEmpty || !$0.rankings.isEmpty }.map {
                WorkshopSource(
                    source: $0.source, label: $0.label, round: $0.round, scores: $0.scores.count, rankings: $0.rankings.count, addedAt: $0.addedAt)
            }
        }
    }

    public func workshopRankings(_ scope: TenantScope, assessmentID: String, throughRound: Int) async throws -> [WorkshopRanking] {
        read { ($0.assessment(scope, assessmentID)?.workshop ?? []).flatMap(\.rankings).filter { $0.round <= throughRound } }
    }
}
