/// What a signed-in person does with their own account: change the password, turn the second factor on or off.
public struct OwnAccount: Sendable {
    let accounts: any AccountRepository
    let passwords: PasswordHashing

    public init(accounts: any AccountRepository, passwords: PasswordHashing) {
        self.accounts = accounts
        self.passwords = passwords
    }

    /// Changes the password after checking the current one; ends every other session of the account.
    public func changePassword(current: String, new: String, keepingSession sessionHash: String?, by identity: Identity) async throws {
        let account = try await holder(identity)
        guard try await passwords.verify(current, account.passwordHash) else {
            throw ValidationFailure(field: "current", "validation.current-password")
        }
        try PasswordPolicy.check(new, field: "new")
        try await accounts.setPassword(
            userID: account.id, hash: try await passwords.hash(new), keepingSession: sessionHash,
            audit: AuditEvent(.userPasswordChange, by: identity.actor, entity: account.id, state: nil))
    }

    /// Turns the second factor on with a secret whose code the person has just confirmed.
    public func turnOnTOTP(secret: String, by identity: Identity) async throws {
        let account = try await holder(identity)
        try await accounts.setTOTP(
            userID: account.id, secret: secret, audit: AuditEvent(.userTOTPOn, by: identity.actor, entity: account.id, state: nil))
    }

    /// Turns the second factor off after checking the password.
    public func turnOffTOTP(password: String, by identity: Identity) async throws {
        let account = try await holder(identity)
        guard try await passwords.verify(password, account.passwordHash) else {
            throw ValidationFailure(field: "password", "validation.current-password")
        }
        try await accounts.setTOTP(
            userID: account.id, secret: nil, audit: AuditEvent(.userTOTPOff, by: identity.actor, entity: account.id, state: nil))
    }

    private func holder(_ identity: Identity) async throws -> UserAccount {
        guard let account = try await accounts.account(id: identity.userID) else { throw StoreConflict.missing }
        return account
    }
}
