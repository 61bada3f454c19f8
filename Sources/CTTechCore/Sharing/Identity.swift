/// Who is making a request, with every grant they hold; built by the authentication layer from a session or API token.
public struct Identity: Sendable, Hashable {
    public var userID: String
    public var email: String
    public var displayName: String
    public var grants: [RoleGrant]
    /// The interface language the person chose, kept on their account; nil until they choose one.
    public var language: Language?

    public init(userID: String, email: String, displayName: String, grants: [RoleGrant], language: Language? = nil) {
        self.userID = userID
        self.email = email
        self.displayName = displayName
        self.grants = grants
        self.language = language
    }

    /// Whether the user holds `role` for the whole programme.
    public func hasGlobal(_ role: Role) -> Bool {
        grants.contains { $0.role == role && $0.isGlobal }
    }

    public var isAdministrator: Bool { hasGlobal(.administrator) }

    /// The roles the user holds for one partner state (grants for that state only; global grants do not open a state's data).
    public func roles(inState stateID: String) -> Set<Role> {
        Set(grants.filter { $0.stateID == stateID }.map(\.role))
    }

    /// Ids of the partner states the user has any grant for.
    public var grantedStateIDs: Set<String> {
        Set(grants.compactMap(\.stateID))
    }
}
