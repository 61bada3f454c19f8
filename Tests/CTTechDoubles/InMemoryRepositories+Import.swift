import CTTechCore

extension InMemoryRepositories: AssessmentImportRepository {
    /// Writes the whole plan with one audit entry, which names the new assessment and counts what was imported.
    public func importAssessment(_ plan: AssessmentImport.Plan, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(plan.assessment.stateID == scope.stateID, "a scope for one state cannot import into another")
        try transaction { state in
            var stored = StoredAssessment(plan.assessment, rounds: plan.rounds)
            stored.agencies = plan.agencies
            stored.raci = plan.raci
            stored.horizonScan = plan.horizonScan
            stored.scenarios = plan.scenarios
            stored.evidence = plan.evidence
            stored.scores = plan.scores
            stored.otherRisks = plan.otherRisks
            state.insert(stored)
            var event = audit
            (event.entityType, event.entityID) = ("assessment", plan.assessment.id)
            event.details["counts"] =
                "agencies \(plan.agencies.count), scan \(plan.horizonScan.count), scenarios \(plan.scenarios.count), "
                + "evidence \(plan.evidence.count), rounds \(plan.rounds.count), scores \(plan.scores.count), other risks \(plan.otherRisks.count)"
            state.audit.append(event)
        }
    }
}
