/// The authorisation layer: the only place that turns an ``Identity`` into scopes.
public enum Authorizer {
    /// Grants a ``TenantScope`` when the identity holds a role carrying `permission` for that state, or is an administrator
    /// and the permission is a platform one. A user with no grant at all for the state gets `.notFound`, so a foreign
    /// state's existence is not revealed.
    public static func scope(_ identity: Identity, state stateID: String, for permission: Permission) throws(AccessDenied) -> TenantScope {
        if identity.isAdministrator && permission.heldByAdministrators {
            return TenantScope(stateID: stateID, userID: identity.userID, permission: permission)
        }
        let roles = identity.roles(inState: stateID)
        if roles.isEmpty { throw identity.isAdministrator ? .forbidden("errors.access.state-grant-needed") : .notFound }
        guard !roles.isDisjoint(with: permission.stateRoles) else {
            throw .forbidden("errors.access.role-not-allowed")
        }
        return TenantScope(stateID: stateID, userID: identity.userID, permission: permission)
    }

    /// Whether `scope` would be granted, without throwing; used to decide which links and forms a page shows.
    public static func allows(_ identity: Identity, state stateID: String, _ permission: Permission) -> Bool {
        (try? scope(identity, state: stateID, for: permission)) != nil
    }

    /// Grants an ``AdministratorScope`` to programme-wide administrators only.
    public static func administrator(_ identity: Identity) throws(AccessDenied) -> AdministratorScope {
        guard identity.isAdministrator else { throw .forbidden("errors.access.administrators-only") }
        return AdministratorScope(userID: identity.userID)
    }

    /// The partner states a listing may show to the identity: all for administrators, otherwise those granted.
    public static func visibleStates(_ identity: Identity) -> StateVisibility {
        identity.isAdministrator ? StateVisibility(.all) : StateVisibility(.only(identity.grantedStateIDs))
    }
}
