import CTTechCore

extension InMemoryRepositories: AssessmentImportRepository {
    /// Writes the whole plan with one audit entry, which names the new assessment and counts what was imported. Its policy
    /// responses join the state's (refused past ``PolicyLimits/responses``, as the SQL store refuses them).
    public func importAssessment(_ plan: AssessmentImport.Plan, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(plan.assessment.stateID == scope.stateID, "a scope for one state cannot import into another")
        try transaction { state in
            var stored = StoredAssessment(plan.assessment, rounds: plan.rounds)
            stored.agencies = plan.agencies
            stored.raci = plan.raci
            stored.horizonScan = plan.horizonScan
            stored.scenarios = plan.scenarios
            stored.evidence = plan.evidence
            stored.scores = plan.scores.filter { !WorkshopInput.isWorkshop($0.assessorID) }
            // Workshop participants' scores and rankings are kept apart, as the SQL store keeps them.
            let workshop = plan.scores.filter { WorkshopInput.isWorkshop($0.assessorID) }
            stored.workshop = Set(workshop.map(\.round) + plan.rankings.map(\.round)).sorted().map { round in
                WorkshopInput(
                    source: "import", label: "import", assessmentID: plan.assessment.id, round: round, scores: workshop.filter { $0.round == round },
                    rankings: plan.rankings.filter { $0.round == round }, addedAt: 0)
            }
            stored.otherRisks = plan.otherRisks
            state.insert(stored)
            if !plan.responses.isEmpty {
                let held = state.responses.values.filter { $0.stateID == scope.stateID }.count
                guard held + plan.responses.count <= PolicyLimits.responses else { throw StoreConflict.duplicate(field: "responses") }
                for response in plan.responses {
                    precondition(response.stateID == scope.stateID, "a scope for one state cannot import another's response")
                    state.responses[response.id] = response
                }
                state.checkReviews += plan.reviews
                state.overrides += plan.overrides
                state.indicators += plan.indicators
            }
            if !plan.capability.assessments.isEmpty {
                let held = state.capabilityAssessments.values.filter { $0.stateID == scope.stateID }.count
                guard held + plan.capability.assessments.count <= CapabilityLimits.assessments else {
                    throw StoreConflict.duplicate(field: "assessments")
                }
                for assessment in plan.capability.assessments { state.capabilityAssessments[assessment.id] = assessment }
                state.capabilityEvidence += plan.capability.evidence
                state.criterionRecords += plan.capability.answers
                state.capabilityTargets += plan.capability.targets
            }
            var event = audit
            (event.entityType, event.entityID) = ("assessment", plan.assessment.id)
            event.details["counts"] = plan.counts
            state.audit.append(event)
        }
    }

    public func people(_ scope: TenantScope, holding permission: Permission) async throws -> [String: String] {
        read { state in
            let roles = permission.stateRoles
            let ids = state.grants.filter { $0.stateID == scope.stateID && roles.contains($0.role) }.map(\.userID)
            let accounts = ids.compactMap { state.accounts[$0] }.filter(\.isActive)
            return Dictionary(accounts.map { ($0.email.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
