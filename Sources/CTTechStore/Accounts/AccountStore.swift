import CTTechCore
import SQLKit

/// User accounts and role grants. Management goes through ``AdministratorScope``; the lookups the
/// authentication layer needs before anybody is known (by e-mail, by session) take no scope.
public struct AccountStore: AccountRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct UserRow: Codable {
        var id: String
        var email: String
        var displayName: String
        var passwordHash: String
        var totpSecret: String?
        var isActive: Bool
        var failedLogins: Int
        var lockedUntil: Int64?
        var version: Int
        var language: String?
        var createdAt: Int64
        var updatedAt: Int64

        init(_ u: UserAccount, at: Int64) {
            id = u.id
            email = u.email
            displayName = u.displayName
            passwordHash = u.passwordHash
            totpSecret = u.totpSecret
            isActive = u.isActive
            failedLogins = u.failedLogins
            lockedUntil = u.lockedUntil
            version = u.version
            language = u.language?.rawValue
            createdAt = at
            updatedAt = at
        }

        var account: UserAccount {
            UserAccount(
                id: id, email: email, displayName: displayName, passwordHash: passwordHash, totpSecret: totpSecret, isActive: isActive,
                failedLogins: failedLogins, lockedUntil: lockedUntil, version: version, language: language.flatMap(Language.init(rawValue:)))
        }
    }

    struct GrantRow: Codable {
        var id: String
        var userId: String
        var role: String
        var stateId: String?
        var createdAt: Int64

        var grant: RoleGrant? {
            Role(rawValue: role).map { RoleGrant(id: id, userID: userId, role: $0, stateID: stateId) }
        }
    }

    // MARK: Lookups for authentication

    /// The account with this e-mail (case-insensitive), for login.
    public func account(email: String) async throws -> UserAccount? {
        try await persistence.sql.select().column("*").from("users").where("email", .equal, SQLBind(email.lowercased()))
            .first(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.account
    }

    /// The account with this id.
    public func account(id: String) async throws -> UserAccount? {
        try await persistence.sql.select().column("*").from("users").where("id", .equal, SQLBind(id))
            .first(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.account
    }

    /// The identity of an active account: the account with all its grants.
    public func identity(userID: String) async throws -> Identity? {
        guard let user = try await account(id: userID), user.isActive else { return nil }
        return Identity(
            userID: user.id, email: user.email, displayName: user.displayName, grants: try await grants(userID: user.id), language: user.language)
    }

    /// How many accounts exist; zero means the first administrator has yet to be created.
    public func count() async throws -> Int {
        struct Count: Codable { var n: Int }
        return try await persistence.sql.raw("SELECT COUNT(*) AS n FROM users").first(decoding: Count.self)?.n ?? 0
    }

    /// Counts a failed password and sets the lock the policy asks for.
    public func recordFailedLogin(userID: String, failures: Int, lockedUntil: Int64?, audit: AuditEvent?) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            try await tx.update("users").set("failed_logins", to: SQLBind(failures)).set("locked_until", to: SQLBind(lockedUntil))
                .where("id", .equal, SQLBind(userID)).run()
            if let audit { try await AuditLogStore.append(audit, on: tx, kind: kind) }
        }
    }

    /// Clears the failure count after a good password.
    public func recordSuccessfulLogin(userID: String) async throws {
        try await persistence.write { tx in
            try await tx.update("users").set("failed_logins", to: SQLBind(0)).set("locked_until", to: SQLBind(Int64?.none))
                .where("id", .equal, SQLBind(userID)).run()
        }
    }

    // MARK: Changes the account holder makes

    /// Keeps the interface language the person chose (issue 9), with its audit entry.
    public func setLanguage(userID: String, language: Language, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            try await tx.update("users").set("language", to: SQLBind(language.rawValue)).where("id", .equal, SQLBind(userID)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// Replaces the password hash (the user's own change or an administrator's reset), ends the user's other sessions
    /// and revokes their API tokens: whoever knew the old password may have made one.
    public func setPassword(userID: String, hash: String, keepingSession sessionHash: String?, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            try await Self.revokeTokens(of: userID, on: tx)
            try await tx.update("users").set("password_hash", to: SQLBind(hash)).set("failed_logins", to: SQLBind(0))
                .set("locked_until", to: SQLBind(Int64?.none)).set("updated_at", to: SQLBind(epochMilliseconds()))
                .where("id", .equal, SQLBind(userID)).run()
            var delete = tx.delete(from: "sessions").where("user_id", .equal, SQLBind(userID))
            if let sessionHash { delete = delete.where("id_hash", .notEqual, SQLBind(sessionHash)) }
            try await delete.run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// Turns TOTP on (with the confirmed secret) or off (nil).
    public func setTOTP(userID: String, secret: String?, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            try await tx.update("users").set("totp_secret", to: SQLBind(secret)).set("updated_at", to: SQLBind(epochMilliseconds()))
                .where("id", .equal, SQLBind(userID)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    // MARK: Administration

    /// Every account, ordered by e-mail, bounded.
    public func list(_ scope: AdministratorScope, page: PageRequest = PageRequest(limit: 200)) async throws -> [UserAccount] {
        try await persistence.sql.select().column("*").from("users").orderBy("email").limit(page.limit)
            .all(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.account)
    }

    /// One account, for administrators.
    public func find(_ scope: AdministratorScope, id: String) async throws -> UserAccount? {
        try await account(id: id)
    }

    /// Creates an account with its first grants. Throws ``StoreConflict/duplicate`` when the e-mail is taken and
    /// ``StoreConflict/missing`` when a grant names a state that does not exist.
    public func create(_ user: UserAccount, grants: [RoleGrant], by scope: AdministratorScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            let taken = try await tx.select().column("id").from("users").where("email", .equal, SQLBind(user.email)).first()
            if taken != nil { throw StoreConflict.duplicate(field: "email") }
            for stateID in grants.compactMap(\.stateID) {
                if try await tx.select().column("id").from("partner_states").where("id", .equal, SQLBind(stateID)).first() == nil {
                    throw StoreConflict.missing
                }
            }
            let now = epochMilliseconds()
            try await tx.insert(into: "users").model(UserRow(user, at: now), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .run()
            for grant in grants {
                try await Self.insertGrant(grant, on: tx, at: now)
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// Saves e-mail, name and active flag if the version is still `expectedVersion`. Deactivating ends the user's sessions.
    public func update(
        id: String, email: String, displayName: String, isActive: Bool, expectedVersion: Int, by scope: AdministratorScope, audit: AuditEvent
    ) async throws -> UserAccount {
        let kind = persistence.kind
        return try await persistence.write { tx in
            guard
                var user = try await tx.select().column("*").from("users").where("id", .equal, SQLBind(id))
                    .first(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.account
            else { throw StoreConflict.missing }
            guard user.version == expectedVersion else { throw StoreConflict.staleVersion(current: user.version) }
            if user.email != email {
                let taken = try await tx.select().column("id").from("users").where("email", .equal, SQLBind(email)).first()
                if taken != nil { throw StoreConflict.duplicate(field: "email") }
            }
            user.email = email
            user.displayName = displayName
            user.isActive = isActive
            user.version += 1
            try await tx.update("users").set("email", to: SQLBind(email)).set("display_name", to: SQLBind(displayName))
                .set("is_active", to: SQLBind(isActive)).set("version", to: SQLBind(user.version))
                .set("updated_at", to: SQLBind(epochMilliseconds()))
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(expectedVersion)).run()
            if !isActive {
                // Sessions end and tokens are revoked for good: reactivating the account does not revive them.
                try await tx.delete(from: "sessions").where("user_id", .equal, SQLBind(id)).run()
                try await Self.revokeTokens(of: id, on: tx)
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            return user
        }
    }

    /// The active accounts that may score for the scope's state, by lower-cased e-mail (for imports naming assessors).
    public func assessors(_ scope: TenantScope) async throws -> [String: String] {
        struct Row: Codable {
            var id: String
            var email: String
        }
        let roles = Permission.scoreScenario.stateRoles.map(\.rawValue).sorted()
        let rows = try await persistence.sql.select().column(SQLColumn("id", table: "users")).column(SQLColumn("email", table: "users"))
            .from("users").join("role_grants", on: SQLColumn("user_id", table: "role_grants"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("state_id", table: "role_grants"), .equal, SQLBind(scope.stateID))
            .where(SQLColumn("role", table: "role_grants"), .in, SQLBind.group(roles))
            .where(SQLColumn("is_active", table: "users"), .equal, SQLBind(true))
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.email.lowercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
    }

    /// The grants a user holds.
    public func grants(userID: String) async throws -> [RoleGrant] {
        try await persistence.sql.select().column("*").from("role_grants").where("user_id", .equal, SQLBind(userID)).orderBy("created_at")
            .all(decoding: GrantRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.grant)
    }

    /// The grants of many users at once (one query, for list pages).
    public func grants(_ scope: AdministratorScope, userIDs: [String]) async throws -> [String: [RoleGrant]] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await persistence.sql.select().column("*").from("role_grants").where("user_id", .in, SQLBind.group(userIDs))
            .orderBy("created_at").all(decoding: GrantRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Dictionary(grouping: rows.compactMap(\.grant), by: \.userID)
    }

    /// Adds a grant unless the same role for the same scope is already held.
    public func addGrant(_ grant: RoleGrant, by scope: AdministratorScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard try await tx.select().column("id").from("users").where("id", .equal, SQLBind(grant.userID)).first() != nil else {
                throw StoreConflict.missing
            }
            if let stateID = grant.stateID,
                try await tx.select().column("id").from("partner_states").where("id", .equal, SQLBind(stateID)).first() == nil
            {
                throw StoreConflict.missing
            }
            var existing = tx.select().column("id").from("role_grants").where("user_id", .equal, SQLBind(grant.userID))
                .where("role", .equal, SQLBind(grant.role.rawValue))
            existing = grant.stateID.map { existing.where("state_id", .equal, SQLBind($0)) } ?? existing.where("state_id", .is, SQLLiteral.null)
            if try await existing.first() != nil { throw StoreConflict.duplicate(field: "role") }
            try await Self.insertGrant(grant, on: tx, at: epochMilliseconds())
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// Removes one grant of one user; returns the removed grant.
    public func removeGrant(
        id: String, userID: String, by scope: AdministratorScope, audit: @escaping @Sendable (RoleGrant) -> AuditEvent
    )
        async throws -> RoleGrant
    {
        let kind = persistence.kind
        return try await persistence.write { tx in
            guard
                let grant = try await tx.select().column("*").from("role_grants").where("id", .equal, SQLBind(id))
                    .where("user_id", .equal, SQLBind(userID)).first(decoding: GrantRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.grant
            else { throw StoreConflict.missing }
            try await tx.delete(from: "role_grants").where("id", .equal, SQLBind(id)).run()
            try await AuditLogStore.append(audit(grant), on: tx, kind: kind)
            return grant
        }
    }

    static func revokeTokens(of userID: String, on tx: any SQLDatabase) async throws {
        try await tx.update("api_tokens").set("revoked", to: SQLBind(true)).where("user_id", .equal, SQLBind(userID)).run()
    }

    static func insertGrant(_ grant: RoleGrant, on tx: any SQLDatabase, at: Int64) async throws {
        try await tx.insert(into: "role_grants")
            .model(
                GrantRow(id: grant.id, userId: grant.userID, role: grant.role.rawValue, stateId: grant.stateID, createdAt: at),
                keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
            ).run()
    }
}
