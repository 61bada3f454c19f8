/// Proof that the authorisation layer let one user act on one partner state with one permission.
///
/// Its initialiser is internal to CTTechCore: outside this module the only way to get one is
/// ``Authorizer``, so a repository method that takes a `TenantScope` cannot be called for a state
/// the caller was not granted (ARCHITECTURE.md, invariant 1).
public struct TenantScope: Sendable, Hashable {
    public let stateID: String
    public let userID: String
    public let permission: Permission

    init(stateID: String, userID: String, permission: Permission) {
        self.stateID = stateID
        self.userID = userID
        self.permission = permission
    }
}
