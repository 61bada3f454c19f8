import CTTechCore

extension InMemoryRepositories: AccountRepository {
    public func account(id: String) async throws -> UserAccount? {
        read { $0.accounts[id] }
    }

    public func create(_ user: UserAccount, grants: [RoleGrant], by scope: AdministratorScope, audit: AuditEvent) async throws {
        try transaction { state in
            if state.accounts.values.contains(where: { $0.email == user.email }) { throw StoreConflict.duplicate(field: "email") }
            for stateID in grants.compactMap(\.stateID) where state.states[stateID] == nil { throw StoreConflict.missing }
            state.accounts[user.id] = user
            state.grants += grants
            state.audit.append(audit)
        }
    }

    public func update(
        id: String, email: String, displayName: String, isActive: Bool, expectedVersion: Int, by scope: AdministratorScope, audit: AuditEvent
    ) async throws -> UserAccount {
        try transaction { state in
            guard var user = state.accounts[id] else { throw StoreConflict.missing }
            guard user.version == expectedVersion else { throw StoreConflict.staleVersion(current: user.version) }
            if user.email != email && state.accounts.values.contains(where: { $0.email == email }) {
                throw StoreConflict.duplicate(field: "email")
            }
            user.email = email
            user.displayName = displayName
            user.isActive = isActive
            user.version += 1
            state.accounts[id] = user
            if !isActive { state.endedSessions.append(id) }
            state.audit.append(audit)
            return user
        }
    }

    /// Sessions are not modelled beyond `endedSessions`: ending "all but one" is recorded as ending the account's.
    public func setPassword(userID: String, hash: String, keepingSession sessionHash: String?, audit: AuditEvent) async throws {
        try transaction { state in
            guard var user = state.accounts[userID] else { throw StoreConflict.missing }
            user.passwordHash = hash
            state.accounts[userID] = user
            state.endedSessions.append(userID)
            state.audit.append(audit)
        }
    }

    public func setTOTP(userID: String, secret: String?, audit: AuditEvent) async throws {
        try transaction { state in
            guard var user = state.accounts[userID] else { throw StoreConflict.missing }
            user.totpSecret = secret
            state.accounts[userID] = user
            state.audit.append(audit)
        }
    }

    public func grants(userID: String) async throws -> [RoleGrant] {
        read { $0.grants.filter { $0.userID == userID } }
    }

    public func addGrant(_ grant: RoleGrant, by scope: AdministratorScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard state.accounts[grant.userID] != nil else { throw StoreConflict.missing }
            if let stateID = grant.stateID, state.states[stateID] == nil { throw StoreConflict.missing }
            if state.grants.contains(where: { $0.userID == grant.userID && $0.role == grant.role && $0.stateID == grant.stateID }) {
                throw StoreConflict.duplicate(field: "role")
            }
            state.grants.append(grant)
            state.audit.append(audit)
        }
    }

    public func removeGrant(
        id: String, userID: String, by scope: AdministratorScope, audit: @escaping @Sendable (RoleGrant) -> AuditEvent
    )
        async throws -> RoleGrant
    {
        try transaction { state in
            guard let index = state.grants.firstIndex(where: { $0.id == id && $0.userID == userID }) else { throw StoreConflict.missing }
            let grant = state.grants.remove(at: index)
            state.audit.append(audit(grant))
            return grant
        }
    }

    public func assessors(_ scope: TenantScope) async throws -> [String: String] {
        read { state in
            let roles = Permission.scoreScenario.stateRoles
            let ids = state.grants.filter { $0.stateID == scope.stateID && roles.contains($0.role) }.map(\.userID)
            let accounts = ids.compactMap { state.accounts[$0] }.filter(\.isActive)
            return Dictionary(accounts.map { ($0.email.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
