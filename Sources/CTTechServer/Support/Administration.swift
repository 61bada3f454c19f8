import CTTechCore
import CTTechStore

/// Creating a partner state, shared by the web form and the API: validate, then write with its audit entry.
struct StateCreation {
    let services: AppServices

    func create(_ draft: PartnerStateDraft, granted: Granted) async throws -> PartnerState {
        let scope = try granted.requireAdmin()
        let identity = try granted.requireIdentity()
        let clean = try draft.validated()
        let state = PartnerState(
            id: Identifier.make(), code: clean.code, name: clean.name, region: clean.region, defaultTLP: clean.tlp, profile: clean.profile, version: 1
        )
        let audit = AuditEvent(identity, "state.create", "partner_state", state.id, state: state.id, ["code": state.code, "name": state.name])
        try await services.states.create(state, by: scope, audit: audit)
        return state
    }
}

/// Creating an account with an optional first grant.
struct AccountCreation {
    let services: AppServices

    func create(_ draft: UserDraft, password: String, role: String?, stateID: String?, granted: Granted) async throws -> UserAccount {
        let scope = try granted.requireAdmin()
        let identity = try granted.requireIdentity()
        var issues: [FieldIssue] = []
        var clean: (email: String, displayName: String) = ("", "")
        do { clean = try draft.validated() } catch { issues += error.issues }
        do { try PasswordPolicy.check(password) } catch { issues += error.issues }
        var grantRole: Role?
        if let role {
            do { grantRole = try GrantChange.parseRole(role) } catch { issues += error.issues }
        }
        if let stateID, !Identifier.isValid(stateID) { issues.append(FieldIssue(field: "stateID", message: "is not a partner state")) }
        if !issues.isEmpty { throw ValidationFailure(issues) }
        let user = UserAccount(
            id: Identifier.make(), email: clean.email, displayName: clean.displayName, passwordHash: try await services.passwords.hash(password),
            totpSecret: nil, isActive: true, failedLogins: 0, lockedUntil: nil, version: 1)
        let grants = grantRole.map { [RoleGrant(id: Identifier.make(), userID: user.id, role: $0, stateID: stateID)] } ?? []
        var details = ["email": user.email]
        if let grant = grants.first { details["grant"] = "\(grant.role.rawValue)@\(grant.stateID ?? "global")" }
        do {
            try await services.accounts.create(
                user, grants: grants, by: scope, audit: AuditEvent(identity, "user.create", "user", user.id, state: stateID, details))
        } catch StoreConflict.missing {
            throw ValidationFailure(field: "stateID", "is not a partner state")
        }
        return user
    }
}

/// Changing an account's e-mail, name or active flag with optimistic concurrency.
struct AccountUpdate {
    let services: AppServices

    @discardableResult
    func update(_ id: String, draft: UserDraft, expectedVersion: Int, granted: Granted) async throws -> UserAccount {
        let scope = try granted.requireAdmin()
        let identity = try granted.requireIdentity()
        let clean = try draft.validated()
        if id == identity.userID && !draft.isActive {
            throw ValidationFailure(field: "isActive", "you cannot deactivate your own account")
        }
        return try await services.accounts.update(
            id: id, email: clean.email, displayName: clean.displayName, isActive: draft.isActive, expectedVersion: expectedVersion, by: scope,
            audit: AuditEvent(identity, "user.update", "user", id, state: nil, ["email": clean.email, "active": String(draft.isActive)]))
    }
}

/// Granting and withdrawing roles.
struct GrantChange {
    let services: AppServices

    static func parseRole(_ text: String) throws(ValidationFailure) -> Role {
        guard let role = Role(rawValue: text) else {
            throw ValidationFailure(field: "role", "must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }

    func grant(userID: String, role: String?, stateID: String?, granted: Granted) async throws -> RoleGrant {
        let scope = try granted.requireAdmin()
        let identity = try granted.requireIdentity()
        let parsed = try Self.parseRole(role ?? "")
        if parsed == .administrator && stateID != nil {
            throw ValidationFailure(field: "stateID", "administrator is a programme-wide role; leave the partner state empty")
        }
        if let stateID, !Identifier.isValid(stateID) { throw ValidationFailure(field: "stateID", "is not a partner state") }
        let grant = RoleGrant(id: Identifier.make(), userID: userID, role: parsed, stateID: stateID)
        do {
            try await services.accounts.addGrant(
                grant, by: scope, audit: AuditEvent(identity, "grant.add", "user", userID, state: stateID, ["role": parsed.rawValue]))
        } catch StoreConflict.missing {
            throw stateID == nil ? AppError.notFound : ValidationFailure(field: "stateID", "is not a partner state")
        }
        return grant
    }

    func withdraw(grantID: String, userID: String, granted: Granted) async throws {
        let scope = try granted.requireAdmin()
        let identity = try granted.requireIdentity()
        if userID == identity.userID {
            let grants = try await services.accounts.grants(userID: userID)
            if grants.first(where: { $0.id == grantID })?.role == .administrator && grants.filter({ $0.role == .administrator }).count == 1 {
                throw AppError.conflict("You cannot withdraw your own last administrator grant.")
            }
        }
        _ = try await services.accounts.removeGrant(id: grantID, userID: userID, by: scope) { grant in
            AuditEvent(identity, "grant.remove", "user", userID, state: grant.stateID, ["role": grant.role.rawValue])
        }
    }
}
