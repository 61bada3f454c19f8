import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import HummingbirdBcrypt

/// Lockout, login rate limits and the decoy hash that keeps unknown e-mails as slow as known ones.
struct AccountSecurity: Sendable {
    let lockout = LockoutPolicy()
    /// Attempts per account and client address together (issue 8, item 12: one venue connection serves a whole room).
    let loginLimiter: LoginRateLimiter
    /// Attempts per client address whatever the account: a ceiling on password spraying.
    let addressLimiter: LoginRateLimiter
    /// Password re-entry while signed in (changing the password, turning TOTP off), per account.
    let reentryLimiter = LoginRateLimiter(limit: 10, windowSeconds: 300)
    /// A bcrypt hash of a random text at the configured cost, verified against when an e-mail is unknown.
    let decoyHash: String

    init(passwords: PasswordHasher, configuration: AppConfiguration = AppConfiguration()) {
        decoyHash = Bcrypt.hash(PasswordHasher.prehash(Identifier.secret()), cost: passwords.cost)
        loginLimiter = LoginRateLimiter(limit: configuration.loginLimitPerAccount, windowSeconds: 300)
        addressLimiter = LoginRateLimiter(limit: configuration.loginLimitPerAddress, windowSeconds: 300)
    }
}
