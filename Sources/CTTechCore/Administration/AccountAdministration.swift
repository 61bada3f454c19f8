/// Accounts and role grants, as administrators (web and API) and the command line manage them.
public struct AccountAdministration: Sendable {
    let accounts: any AccountRepository
    let passwords: PasswordHashing

    public init(accounts: any AccountRepository, passwords: PasswordHashing) {
        self.accounts = accounts
        self.passwords = passwords
    }

    /// Reads a role name, or says which ones exist.
    public static func parseRole(_ text: String) throws(ValidationFailure) -> Role {
        guard let role = Role(rawValue: text) else {
            throw ValidationFailure(field: "role", "validation.one-of", ["values": Role.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        return role
    }

    /// Why a role needs a partner state (a message per role, so each language names the role in its own words).
    static func stateNeeded(_ role: Role) -> Message { Message("validation.state-needed.\(role.rawValue)") }

    /// Creates an account with an optional first grant; every problem with the draft, password, role or state at once.
    public func create(
        _ draft: UserDraft, password: String, role: String?, stateID: String?, by actor: AuditActor, scope: AdministratorScope
    ) async throws -> UserAccount {
        var issues: [FieldIssue] = []
        var clean: (email: String, displayName: String) = ("", "")
        do { clean = try draft.validated() } catch { issues += error.issues }
        do { try PasswordPolicy.check(password) } catch { issues += error.issues }
        var grantRole: Role?
        if let role {
            do { grantRole = try Self.parseRole(role) } catch { issues += error.issues }
        }
        if let stateID, !Identifier.isValid(stateID) { issues.append(FieldIssue(field: "stateID", "validation.not-a-state")) }
        if grantRole == .administrator && stateID != nil {
            issues.append(FieldIssue(field: "stateID", "validation.administrator-programme-wide"))
        }
        if let grantRole, grantRole.isForOneState, stateID == nil {
            issues.append(FieldIssue(field: "stateID", Self.stateNeeded(grantRole)))
        }
        if !issues.isEmpty { throw ValidationFailure(issues) }
        let user = UserAccount(
            id: Identifier.make(), email: clean.email, displayName: clean.displayName, passwordHash: try await passwords.hash(password),
            totpSecret: nil, isActive: true, failedLogins: 0, lockedUntil: nil, version: 1)
        let grants = grantRole.map { [RoleGrant(id: Identifier.make(), userID: user.id, role: $0, stateID: stateID)] } ?? []
        var details = ["email": user.email]
        if let grant = grants.first { details["grant"] = "\(grant.role.rawValue)@\(grant.stateID ?? "global")" }
        do {
            try await accounts.create(
                user, grants: grants, by: scope, audit: AuditEvent(.userCreate, by: actor, entity: user.id, state: grants.first?.stateID, details))
        } catch StoreConflict.missing {
            throw ValidationFailure(field: "stateID", "validation.not-a-state")
        }
        return user
    }

    /// Changes an account's e-mail, name or active flag if nobody changed it since `expectedVersion`.
    @discardableResult
    public func update(
        _ id: String, draft: UserDraft, expectedVersion: Int, by actor: AuditActor, scope: AdministratorScope
    ) async throws -> UserAccount {
        let clean = try draft.validated()
        if id == actor.id && !draft.isActive {
            throw ValidationFailure(field: "isActive", "validation.own-account-deactivation")
        }
        return try await accounts.update(
            id: id, email: clean.email, displayName: clean.displayName, isActive: draft.isActive, expectedVersion: expectedVersion, by: scope,
            audit: AuditEvent(.userUpdate, by: actor, entity: id, state: nil, ["email": clean.email, "active": String(draft.isActive)]))
    }

    /// Sets a new password for an account (an administrator's reset); ends all of its sessions.
    public func resetPassword(_ userID: String, to password: String, by actor: AuditActor, scope: AdministratorScope) async throws {
        try PasswordPolicy.check(password)
        guard try await accounts.account(id: userID) != nil else { throw StoreConflict.missing }
        try await accounts.setPassword(
            userID: userID, hash: try await passwords.hash(password), keepingSession: nil,
            audit: AuditEvent(.userPasswordReset, by: actor, entity: userID, state: nil))
    }

    /// Grants a role, programme-wide (`stateID` nil) or for one partner state. ``StoreConflict/missing`` when the
    /// account does not exist.
    public func grant(userID: String, role: String?, stateID: String?, by actor: AuditActor, scope: AdministratorScope) async throws -> RoleGrant {
        let parsed = try Self.parseRole(role ?? "")
        if parsed == .administrator && stateID != nil {
            throw ValidationFailure(field: "stateID", "validation.administrator-programme-wide")
        }
        if parsed.isForOneState && stateID == nil { throw ValidationFailure(field: "stateID", Self.stateNeeded(parsed)) }
        if let stateID, !Identifier.isValid(stateID) { throw ValidationFailure(field: "stateID", "validation.not-a-state") }
        guard try await accounts.account(id: userID) != nil else { throw StoreConflict.missing }
        let grant = RoleGrant(id: Identifier.make(), userID: userID, role: parsed, stateID: stateID)
        do {
            try await accounts.addGrant(
                grant, by: scope, audit: AuditEvent(.grantAdd, by: actor, entity: userID, state: stateID, ["role": parsed.rawValue]))
        } catch StoreConflict.missing where stateID != nil {
            throw ValidationFailure(field: "stateID", "validation.not-a-state")
        }
        return grant
    }

    /// Withdraws one grant; refuses to withdraw the caller's own last administrator grant.
    public func withdraw(grantID: String, userID: String, by actor: AuditActor, scope: AdministratorScope) async throws {
        if userID == actor.id {
            let grants = try await accounts.grants(userID: userID)
            if grants.first(where: { $0.id == grantID })?.role == .administrator && grants.filter({ $0.role == .administrator }).count == 1 {
                throw AdministrationRuleViolation.lastOwnAdministratorGrant
            }
        }
        _ = try await accounts.removeGrant(id: grantID, userID: userID, by: scope) { grant in
            AuditEvent(.grantRemove, by: actor, entity: userID, state: grant.stateID, ["role": grant.role.rawValue])
        }
    }
}
