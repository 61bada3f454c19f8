import CTTechCore

extension InMemoryRepositories: AssessmentRepository {
    public func create(_ assessment: Assessment, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(assessment.stateID == scope.stateID, "a scope for one state cannot write another's assessment")
        try transaction { state in
            state.insert(StoredAssessment(assessment, rounds: [ScoringRound(number: 1, status: .open)]))
            state.audit.append(audit)
        }
    }

    public func list(_ scope: TenantScope) async throws -> [Assessment] {
        read { state in
            Array(state.assessments.values.filter { $0.assessment.stateID == scope.stateID }.sorted { $0.sequence > $1.sequence }.prefix(500))
                .map(\.assessment)
        }
    }

    public func find(_ scope: TenantScope, id: String) async throws -> Assessment? {
        read { $0.assessment(scope, id)?.assessment }
    }

    public func stateID(ofAssessment id: String, visible: StateVisibility) async throws -> String? {
        read { state in
            guard let stateID = state.assessments[id]?.assessment.stateID, visible.includes(stateID) else { return nil }
            return stateID
        }
    }

    public func revision(_ scope: TenantScope, assessmentID: String) async throws -> Int64? {
        read { $0.assessment(scope, assessmentID)?.revision }
    }

    public func progress(_ scope: TenantScope, assessmentID: String) async throws -> AssessmentProgress {
        read { state in
            var progress = AssessmentProgress()
            guard let stored = state.assessment(scope, assessmentID) else { return progress }
            progress.agencies = stored.agencies.count
            progress.activitiesAssigned = stored.raci.filter { $0.role == .accountable }.count
            progress.technologiesScanned = stored.horizonScan.count
            progress.scenarios = stored.scenarios.count
            progress.evidence = stored.evidence.count
            progress.otherRisks = stored.otherRisks.count
            return progress
        }
    }

    public func remove(_ kind: RemovableRecord, id: String, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try change(scope, assessmentID: assessmentID, audit: audit) { stored in
            switch kind {
            case .agency:
                guard stored.agencies.contains(where: { $0.id == id }) else { throw StoreConflict.missing }
                stored.raci.removeAll { $0.agencyID == id }
                stored.agencies.removeAll { $0.id == id }
            case .evidence:
                guard stored.evidence.contains(where: { $0.id == id }) else { throw StoreConflict.missing }
                stored.evidence.removeAll { $0.id == id }
            case .otherRisk:
                guard stored.otherRisks.contains(where: { $0.id == id }) else { throw StoreConflict.missing }
                stored.otherRisks.removeAll { $0.id == id }
            case .scenario:
                guard stored.scenarios.contains(where: { $0.id == id }) else { throw StoreConflict.missing }
                try AssessmentRuleViolation.checkScenarioRemoval(
                    scored: stored.allScores.contains { $0.scenarioID == id }
                        || stored.workshop.contains { $0.rankings.contains { $0.ranks[id] != nil } })
                stored.evidence.removeAll { $0.subject == .scenario(id) }
                stored.scenarios.removeAll { $0.id == id }
            }
        }
    }
}
