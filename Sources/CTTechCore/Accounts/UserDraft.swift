/// What an administrator submits to create or change an account.
public struct UserDraft: Sendable, Hashable {
    public var email: String?
    public var displayName: String?
    public var isActive: Bool

    public init(email: String?, displayName: String?, isActive: Bool = true) {
        self.email = email
        self.displayName = displayName
        self.isActive = isActive
    }

    public func validated() throws(ValidationFailure) -> (email: String, displayName: String) {
        var v = Validator()
        let email = v.text(email, field: "email", maxLength: 254).map { $0.lowercased() }
        if let email, !EmailAddress.isPlausible(email) { v.add("email", "validation.email") }
        let name = v.text(displayName, field: "displayName", maxLength: 120)
        try v.check()
        return (email ?? "", name ?? "")
    }
}
