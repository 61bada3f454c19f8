/// One role given to one user, either for one partner state or for the whole programme (`stateID == nil`).
public struct RoleGrant: Sendable, Codable, Hashable {
    public var id: String
    public var userID: String
    public var role: Role
    public var stateID: String?

    public init(id: String, userID: String, role: Role, stateID: String?) {
        self.id = id
        self.userID = userID
        self.role = role
        self.stateID = stateID
    }

    public var isGlobal: Bool { stateID == nil }
}
