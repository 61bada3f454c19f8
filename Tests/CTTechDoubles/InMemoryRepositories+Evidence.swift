import CTTechCore

extension InMemoryRepositories: EvidenceRepository {
    public func addEvidence(_ item: EvidenceItem, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try change(scope, assessmentID: assessmentID, audit: audit) { stored in
            if case .scenario(let id) = item.subject, !stored.scenarios.contains(where: { $0.id == id }) { throw StoreConflict.missing }
            stored.evidence.append(item)
        }
    }

    public func evidence(_ scope: TenantScope, assessmentID: String, about subject: EvidenceSubject?) async throws -> [EvidenceItem] {
        read { state in
            let items = state.assessment(scope, assessmentID)?.evidence ?? []
            guard let subject else { return items }
            return items.filter { $0.subject == subject }
        }
    }

    public func evidenceItem(_ scope: TenantScope, assessmentID: String, id: String) async throws -> EvidenceItem? {
        read { $0.assessment(scope, assessmentID)?.evidence.first { $0.id == id } }
    }
}
