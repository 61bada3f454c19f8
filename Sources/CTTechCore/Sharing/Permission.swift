/// What a request wants to do. Each permission is either global (programme-wide) or checked against one partner state.
public enum Permission: String, Sendable, Hashable, CaseIterable {
    /// Read a partner state's profile and home page.
    case viewState
    /// Change a partner state's profile: code, name, region, default marking and description.
    case editStateProfile
    /// Read the audit log of a partner state.
    case readStateAudit

    /// Create partner states, accounts and grants; read the whole audit log.
    case administer

    /// The state roles that carry this permission. Administrators hold every state permission on every state:
    /// they run the platform and manage state profiles; national assessment data gets narrower permissions as it lands.
    public var stateRoles: Set<Role> {
        switch self {
        case .viewState: Set(Role.allCases)
        case .editStateProfile: [.focalPoint]
        case .readStateAudit: [.focalPoint]
        case .administer: []
        }
    }
}

/// The request was refused by the authorisation layer. `notFound` hides that a record exists at all.
public enum AccessDenied: Error, Sendable, Hashable {
    case forbidden(String)
    case notFound
}
