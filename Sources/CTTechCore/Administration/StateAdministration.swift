/// Creating and editing partner states: the web forms, the API and the command line call these.
public struct StateAdministration: Sendable {
    let states: any PartnerStateRepository

    public init(states: any PartnerStateRepository) {
        self.states = states
    }

    /// Creates a partner state from a draft (administrators only).
    public func create(_ draft: PartnerStateDraft, by actor: AuditActor, scope: AdministratorScope) async throws -> PartnerState {
        let clean = try draft.validated()
        let state = PartnerState(
            id: Identifier.make(), code: clean.code, name: clean.name, region: clean.region, defaultTLP: clean.tlp, profile: clean.profile, version: 1
        )
        try await states.create(
            state, by: scope, audit: AuditEvent(.stateCreate, by: actor, entity: state.id, state: state.id, ["code": state.code, "name": state.name]))
        return state
    }

    /// Saves a corrected profile if nobody saved it since `expectedVersion` (``StoreConflict/staleVersion`` otherwise).
    public func update(
        _ state: PartnerState, with draft: PartnerStateDraft, expectedVersion: Int, by actor: AuditActor, scope: TenantScope
    ) async throws -> PartnerState {
        let clean = try draft.validated()
        var changed = state
        (changed.code, changed.name, changed.region, changed.defaultTLP, changed.profile) = (
            clean.code, clean.name, clean.region, clean.tlp, clean.profile
        )
        let audit = AuditEvent(.stateUpdate, by: actor, entity: state.id, state: state.id, Self.diff(state, changed))
        return try await states.update(changed, expectedVersion: expectedVersion, scope: scope, audit: audit)
    }

    /// The fields that changed, before → after (each shortened to 200 characters), for the audit entry.
    static func diff(_ before: PartnerState, _ after: PartnerState) -> [String: String] {
        var changes: [String: String] = [:]
        func note(_ name: String, _ a: String, _ b: String) { if a != b { changes[name] = "\(a.prefix(200)) → \(b.prefix(200))" } }
        note("code", before.code, after.code)
        note("name", before.name, after.name)
        note("region", before.region.rawValue, after.region.rawValue)
        note("defaultTLP", before.defaultTLP.rawValue, after.defaultTLP.rawValue)
        note("profile", before.profile, after.profile)
        return changes
    }
}
