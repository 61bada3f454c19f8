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

    public init(
        id: String, email: String, displayName: String, passwordHash: String, totpSecret: String?, isActive: Bool,
        failedLogins: Int, lockedUntil: Int64?, version: Int
    ) {
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
        if let email, !EmailAddress.isPlausible(email) { v.add("email", "is not an e-mail address") }
        let name = v.text(displayName, field: "displayName", maxLength: 120)
        try v.check()
        return (email ?? "", name ?? "")
    }
}

/// The shape check for e-mail addresses: one `@`, a dotted domain, no spaces. Delivery is not our concern.
public enum EmailAddress {
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }
}

/// Password rules (issue: minimum 12 characters). The upper bound keeps hashing cost bounded.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 256

    public static func check(_ password: String, field: String = "password") throws(ValidationFailure) {
        if password.count < minimumLength {
            throw ValidationFailure(field: field, "must be at least \(minimumLength) characters")
        }
        if password.count > maximumLength {
            throw ValidationFailure(field: field, "must be at most \(maximumLength) characters")
        }
    }
}
