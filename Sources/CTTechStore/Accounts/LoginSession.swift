import CTTechCore
import SQLKit

/// A login session as the server sees it. The cookie holds a random token; the database only its SHA-256.
public struct LoginSession: Sendable, Hashable {
    public var idHash: String
    public var userID: String
    public var csrfToken: String
    /// The password was right but the second factor is still to come; such a session opens nothing but the TOTP form.
    public var awaitingTOTP: Bool
    public var expiresAt: Int64
}
