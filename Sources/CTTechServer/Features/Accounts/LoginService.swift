import CTTechCore
import CTTechStore
import Foundation
import HummingbirdOTP

/// Checks passwords and second factors, counts failures and applies the lockout policy.
struct LoginService: Sendable {
    let accounts: AccountStore
    let passwords: PasswordHasher
    let security: AccountSecurity

    init(_ services: AppServices) {
        accounts = services.accounts
        passwords = services.passwords
        security = services.security
    }

    enum Outcome: Sendable {
        case signedIn(UserAccount)
        case needsTOTP(UserAccount)
        /// The reason, as a catalog key: the same for every refusal.
        case refused(Message)
    }

    /// The one answer to every refused login, a locked account included, so that nobody learns which e-mails have accounts
    /// (issue 8, item 17).
    static let genericRefusal: Message = "login.refused"

    func checkPassword(email: String, password: String, from address: String) async throws -> Outcome {
        let key = address + "|" + email.trimmingWhitespace().lowercased().prefix(254)
        if let wait = await self.security.loginLimiter.attempt(from: key) { throw AppError.tooManyRequests(retryAfterSeconds: wait) }
        if let wait = await self.security.addressLimiter.attempt(from: address) { throw AppError.tooManyRequests(retryAfterSeconds: wait) }
        guard email.utf8.count <= 254, password.count <= PasswordPolicy.maximumLength,
            let account = try await self.accounts.account(email: email.trimmingWhitespace())
        else {
            _ = try? await self.passwords.verify(password, hash: self.security.decoyHash)
            return .refused(Self.genericRefusal)
        }
        let now = epochMilliseconds()
        if self.security.lockout.isLocked(account, now: now) {
            // As slow and as worded as a wrong password.
            _ = try? await self.passwords.verify(password, hash: self.security.decoyHash)
            return .refused(Self.genericRefusal)
        }
        // bcrypt runs for a deactivated account too, so its answer takes as long as anyone's.
        let matches = try await self.passwords.verify(password, hash: account.passwordHash)
        guard account.isActive, matches else {
            let failures = account.failedLogins + 1
            let lock = self.security.lockout.lockUntil(afterFailures: failures, now: now)
            let audit = lock.map { until in
                AuditEvent(
                    .accountLocked, by: AuditActor(id: account.id, label: account.email), entity: account.id, state: nil,
                    ["failures": String(failures), "until": String(until)])
            }
            try await self.accounts.recordFailedLogin(userID: account.id, failures: failures, lockedUntil: lock, audit: audit)
            return .refused(Self.genericRefusal)
        }
        if account.failedLogins > 0 || account.lockedUntil != nil { try await self.accounts.recordSuccessfulLogin(userID: account.id) }
        return account.hasTOTP ? .needsTOTP(account) : .signedIn(account)
    }

    /// Accepts the code for the current 30-second step or the one either side (clock drift).
    static func verifyTOTP(secret: String, code: String, at date: Date = Date()) -> Bool {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, let value = Int(digits) else { return false }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains { totp.compute(date: date.addingTimeInterval($0)) == value }
    }

    /// Base32 form of a secret as authenticator apps expect it, taken from the otpauth URL.
    static func base32(ofSecret secret: String, label: String) -> (base32: String, url: String) {
        let url = TOTP(secret: secret).createAuthenticatorURL(label: label, issuer: "CT TECH toolkit")
        let base32 = URLComponents(string: url)?.queryItems?.first { $0.name == "secret" }?.value ?? ""
        return (base32, url)
    }
}
