/// Partner states, read and written only under a scope from ``Authorizer``.
public protocol PartnerStateRepository: Sendable {
    /// The states the caller may see, ordered by name.
    func list(visible: StateVisibility) async throws -> [PartnerState]
    /// One state, or nil when it does not exist.
    func find(_ scope: TenantScope) async throws -> PartnerState?
    /// Creates a state and writes its audit entry in the same transaction. Throws ``StoreConflict/duplicate`` for a taken code.
    func create(_ state: PartnerState, by scope: AdministratorScope, audit: AuditEvent) async throws
    /// Saves a changed state if its version is still `expectedVersion`; throws ``StoreConflict/staleVersion`` otherwise.
    func update(_ state: PartnerState, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> PartnerState
}
