/// A scope for work done by the system itself (command line, demo seeding), never by a web request.
/// Making one is an explicit, greppable act; the CLI runs with the operating-system rights of whoever starts it.
public enum SystemAuthority {
    public static func administrator(actorID: String = "system") -> AdministratorScope {
        AdministratorScope(userID: actorID)
    }

    public static func tenant(_ stateID: String, actorID: String = "system", permission: Permission) -> TenantScope {
        TenantScope(stateID: stateID, userID: actorID, permission: permission)
    }

    public static var allStates: StateVisibility { StateVisibility(.all) }
}
