/// User accounts and their role grants. Administration methods take an ``AdministratorScope``.
public protocol AccountRepository: Sendable {
    /// One account by id, or nil.
    func account(id: String) async throws -> UserAccount?
    /// Creates an account with its first grants. ``StoreConflict/duplicate`` when the e-mail is taken,
    /// ``StoreConflict/missing`` when a grant names a state that does not exist.
    func create(_ user: UserAccount, grants: [RoleGrant], by scope: AdministratorScope, audit: AuditEvent) async throws
    /// Saves e-mail, name and active flag if the version is still `expectedVersion` (``StoreConflict/staleVersion``
    /// otherwise); deactivating ends the user's sessions and revokes their API tokens for good.
    func update(
        id: String, email: String, displayName: String, isActive: Bool, expectedVersion: Int, by scope: AdministratorScope, audit: AuditEvent
    ) async throws -> UserAccount
    /// The grants a user holds, oldest first.
    func grants(userID: String) async throws -> [RoleGrant]
    /// Adds a grant unless the same role for the same scope is already held (``StoreConflict/duplicate``).
    func addGrant(_ grant: RoleGrant, by scope: AdministratorScope, audit: AuditEvent) async throws
    /// Removes one grant of one user, with the audit entry `audit` makes of it; returns the removed grant.
    func removeGrant(
        id: String, userID: String, by scope: AdministratorScope, audit: @escaping @Sendable (RoleGrant) -> AuditEvent
    ) async throws
        -> RoleGrant
    /// Replaces the password hash (the holder's own change or an administrator's reset), ends the user's sessions
    /// except `sessionHash` and revokes their API tokens, with the audit entry.
    func setPassword(userID: String, hash: String, keepingSession sessionHash: String?, audit: AuditEvent) async throws
    /// Turns TOTP on with a confirmed secret, or off (nil), with the audit entry.
    func setTOTP(userID: String, secret: String?, audit: AuditEvent) async throws
    /// The active accounts that may score for the scope's state, id by lower-cased e-mail (imports name assessors).
    func assessors(_ scope: TenantScope) async throws -> [String: String]
}
