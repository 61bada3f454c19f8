/// Proof that the authorisation layer let one user act on the programme's records of some partner states with one
/// permission (issue 13). Programme records cross states — a regional workshop has six — so the scope names the states
/// whose records the user may reach: an event when any of its states is among them, a person when theirs is.
///
/// Its initialiser is internal to CTTechCore: only ``Authorizer/programme(_:for:)`` (requests) and ``SystemAuthority``
/// (command line, demo, tests) make one.
public struct ProgrammeScope: Sendable, Hashable {
    public let states: StateVisibility
    public let userID: String
    public let permission: Permission

    init(states: StateVisibility, userID: String, permission: Permission) {
        self.states = states
        self.userID = userID
        self.permission = permission
    }

    /// Whether the scope reaches a record of `stateID`.
    public func includes(_ stateID: String) -> Bool { states.includes(stateID) }

    /// Whether the scope reaches an event: one of its states is granted.
    public func reaches(_ event: ProgrammeEvent) -> Bool { event.stateIDs.contains { includes($0) } }

    /// Whether a change to an event is allowed: every one of its states is granted (an officer for East Africa does not
    /// rewrite a workshop that also concerns a state they were not given).
    public func governs(_ event: ProgrammeEvent) -> Bool { !event.stateIDs.isEmpty && event.stateIDs.allSatisfy { includes($0) } }

    /// The granted states as a list for a query (`nil`: every state).
    public var stateIDs: Set<String>? {
        switch states.extent {
        case .all: nil
        case .only(let ids): ids
        }
    }
}

extension Authorizer {
    /// The programme scope of `identity` for `permission`: every state when a programme-wide grant carries it (a
    /// programme officer, personal-data officer or donor viewer granted for the whole programme), otherwise the states
    /// where a grant carries it. Administrators get nothing from being administrators: programme records are national
    /// data of the states they concern. Nobody with no such grant gets a scope (`forbidden`: no state is named).
    public static func programme(_ identity: Identity, for permission: Permission) throws(AccessDenied) -> ProgrammeScope {
        if identity.grants.contains(where: { $0.isGlobal && permission.stateRoles.contains($0.role) }) {
            return ProgrammeScope(states: StateVisibility(.all), userID: identity.userID, permission: permission)
        }
        let states = Set(identity.grants.compactMap { grant in grant.stateID.flatMap { permission.stateRoles.contains(grant.role) ? $0 : nil } })
        guard !states.isEmpty else { throw .forbidden("errors.access.programme-role") }
        return ProgrammeScope(states: StateVisibility(.only(states)), userID: identity.userID, permission: permission)
    }

    /// Whether ``programme(_:for:)`` would grant a scope; used to decide which links and forms a page shows.
    public static func allowsProgramme(_ identity: Identity, _ permission: Permission) -> Bool {
        (try? programme(identity, for: permission)) != nil
    }
}

extension SystemAuthority {
    /// Every state's programme records, for the command line (`purge-expired`) and the demo.
    public static func programme(actorID: String = "system", permission: Permission) -> ProgrammeScope {
        ProgrammeScope(states: StateVisibility(.all), userID: actorID, permission: permission)
    }
}
