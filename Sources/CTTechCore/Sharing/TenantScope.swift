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

/// Proof that the caller is a programme-wide administrator; required by account and grant management.
public struct AdministratorScope: Sendable, Hashable {
    public let userID: String

    init(userID: String) {
        self.userID = userID
    }
}

/// Which partner states a listing may return for the caller.
public struct StateVisibility: Sendable, Hashable {
    public enum Extent: Sendable, Hashable {
        case all
        case only(Set<String>)
    }

    public let extent: Extent

    init(_ extent: Extent) {
        self.extent = extent
    }

    public func includes(_ stateID: String) -> Bool {
        switch extent {
        case .all: true
        case .only(let ids): ids.contains(stateID)
        }
    }
}

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
