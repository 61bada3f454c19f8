import CTTechCore

extension InMemoryRepositories: OtherRiskRepository {
    public func otherRisks(_ scope: TenantScope, assessmentID: String) async throws -> [OtherRisk] {
        read { Array(($0.assessment(scope, assessmentID)?.otherRisks ?? []).prefix(1000)) }
    }

    public func addOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try change(scope, assessmentID: assessmentID, audit: audit) { $0.otherRisks.append(risk) }
    }

    public func updateOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try change(scope, assessmentID: assessmentID, audit: audit) { stored in
            guard let index = stored.otherRisks.firstIndex(where: { $0.id == risk.id }) else { throw StoreConflict.missing }
            stored.otherRisks[index] = risk
        }
    }
}
