import CTTechCore

extension InMemoryRepositories: PartnerStateRepository {
    public func list(visible: StateVisibility) async throws -> [PartnerState] {
        read { Array($0.states.values.filter { visible.includes($0.id) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.prefix(1000)) }
    }

    public func find(_ scope: TenantScope) async throws -> PartnerState? {
        read { $0.states[scope.stateID] }
    }

    public func create(_ partnerState: PartnerState, by scope: AdministratorScope, audit: AuditEvent) async throws {
        try transaction { state in
            if state.states.values.contains(where: { $0.code == partnerState.code }) { throw StoreConflict.duplicate(field: "code") }
            state.states[partnerState.id] = partnerState
            state.audit.append(audit)
        }
    }

    public func update(_ partnerState: PartnerState, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> PartnerState {
        precondition(partnerState.id == scope.stateID, "a scope for one state cannot change another")
        return try transaction { state in
            guard let current = state.states[partnerState.id] else { throw StoreConflict.missing }
            guard current.version == expectedVersion else { throw StoreConflict.staleVersion(current: current.version) }
            if current.code != partnerState.code && state.states.values.contains(where: { $0.code == partnerState.code }) {
                throw StoreConflict.duplicate(field: "code")
            }
            var saved = partnerState
            saved.version = expectedVersion + 1
            state.states[saved.id] = saved
            state.audit.append(audit)
            return saved
        }
    }
}
