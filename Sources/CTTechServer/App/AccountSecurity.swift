import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import HummingbirdBcrypt

/// Lockout, login rate limit and the decoy hash that keeps unknown e-mails as slow as known ones.
struct AccountSecurity: Sendable {
    let lockout = LockoutPolicy()
    let loginLimiter = LoginRateLimiter(limit: 20, windowSeconds: 300)
    /// A bcrypt hash of a random text at the configured cost, verified against when an e-mail is unknown.
    let decoyHash: String

    init(passwords: PasswordHasher) {
        decoyHash = Bcrypt.hash(PasswordHasher.prehash(Identifier.secret()), cost: passwords.cost)
    }
}
