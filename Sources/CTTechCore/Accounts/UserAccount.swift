/// A person who can log in. Passwords are only ever held as bcrypt hashes.
public struct UserAccount: Sendable, Codable, Hashable {
    public var id: String
    public var email: String
    public var displayName: String
    public var passwordHash: String
    /// Secret shared with the user's authenticator app, when they turned TOTP on.
    public var totpSecret: String?
    public var isActive: Bool
    public var failedLogins: Int
    /// Epoch milliseconds until which password logins are refused.
    public var lockedUntil: Int64?
    public var version: Int
    /// The interface language the person chose (issue 9); nil until they choose.
    public var language: Language?

    public init(
        id: String, email: String, displayName: String, passwordHash: String, totpSecret: String?, isActive: Bool,
        failedLogins: Int, lockedUntil: Int64?, version: Int, language: Language? = nil
    ) {
        self.language = language
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.isActive = isActive
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.version = version
    }

    public var hasTOTP: Bool { totpSecret != nil }
}
