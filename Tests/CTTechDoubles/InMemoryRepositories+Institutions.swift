import CTTechCore

extension InMemoryRepositories: InstitutionsRepository {
    public func agencies(_ scope: TenantScope, assessmentID: String) async throws -> [Agency] {
        read { $0.assessment(scope, assessmentID)?.agencies ?? [] }
    }

    public func addAgency(_ agency: Agency, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try change(scope, assessmentID: assessmentID, audit: audit) { $0.agencies.append(agency) }
    }

    public func updateAgency(_ agency: Agency, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try change(scope, assessmentID: assessmentID, audit: audit) { stored in
            guard let index = stored.agencies.firstIndex(where: { $0.id == agency.id }) else { throw StoreConflict.missing }
            stored.agencies[index] = agency
        }
    }

    /// By activity, like the SQL store's `ORDER BY activity`.
    public func raci(_ scope: TenantScope, assessmentID: String) async throws -> [RaciAssignment] {
        read { state in
            (state.assessment(scope, assessmentID)?.raci ?? []).enumerated()
                .sorted { ($0.element.activity.rawValue, $0.offset) < ($1.element.activity.rawValue, $1.offset) }.map(\.element)
        }
    }

    /// As in the SQL store: the assessment must be editable, then the matrix is checked against its agencies, under the
    /// same lock as the write.
    public func setRaci(_ assignments: [RaciAssignment], assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            try state.change(scope, assessmentID: assessmentID, audit: audit) { stored in
                try RaciMatrix.check(assignments, agencies: Set(stored.agencies.map(\.id)))
                stored.raci = assignments
            }
        }
    }
}
