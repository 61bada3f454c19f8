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

/// Database-backed sessions, so several server instances share them.
public struct SessionStore: Sendable {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct Row: Codable {
        var idHash: String
        var userId: String
        var csrfToken: String
        var awaitingTotp: Bool
        var createdAt: Int64
        var expiresAt: Int64
    }

    /// Starts a session and returns the token for the cookie (shown once, never stored).
    public func create(userID: String, awaitingTOTP: Bool, lifetimeMilliseconds: Int64) async throws -> (token: String, session: LoginSession) {
        let token = Identifier.secret()
        let now = epochMilliseconds()
        let row = Row(
            idHash: Identifier.sha256Hex(token), userId: userID, csrfToken: Identifier.secret(), awaitingTotp: awaitingTOTP, createdAt: now,
            expiresAt: now + lifetimeMilliseconds)
        try await persistence.write { tx in
            try await tx.insert(into: "sessions").model(row, keyEncodingStrategy: .convertToSnakeCase).run()
        }
        return (
            token, LoginSession(idHash: row.idHash, userID: userID, csrfToken: row.csrfToken, awaitingTOTP: awaitingTOTP, expiresAt: row.expiresAt)
        )
    }

    /// The live session for a cookie token, or nil when unknown or expired.
    public func find(token: String, now: Int64 = epochMilliseconds()) async throws -> LoginSession? {
        guard
            let row = try await persistence.sql.select().column("*").from("sessions")
                .where("id_hash", .equal, SQLBind(Identifier.sha256Hex(token)))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase), row.expiresAt > now
        else { return nil }
        return LoginSession(
            idHash: row.idHash, userID: row.userId, csrfToken: row.csrfToken, awaitingTOTP: row.awaitingTotp, expiresAt: row.expiresAt)
    }

    /// Ends a session (logout, or replacing it at login).
    public func delete(idHash: String) async throws {
        try await persistence.write { tx in
            try await tx.delete(from: "sessions").where("id_hash", .equal, SQLBind(idHash)).run()
        }
    }

    /// Removes expired sessions; run periodically.
    public func purgeExpired(now: Int64 = epochMilliseconds()) async throws {
        try await persistence.write { tx in
            try await tx.delete(from: "sessions").where("expires_at", .lessThanOrEqual, SQLBind(now)).run()
        }
    }
}

/// API bearer tokens: `ctt_` and 43 random characters, stored as SHA-256.
public struct APITokenStore: Sendable {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct Row: Codable {
        var id: String
        var tokenHash: String
        var userId: String
        var label: String
        var createdAt: Int64
        var expiresAt: Int64?
        var revoked: Bool
    }

    /// Creates a token for a user and returns its only plaintext copy.
    public func create(userID: String, label: String, lifetimeMilliseconds: Int64?, audit: AuditEvent) async throws -> String {
        let token = "ctt_" + Identifier.secret()
        let now = epochMilliseconds()
        let row = Row(
            id: Identifier.make(), tokenHash: Identifier.sha256Hex(token), userId: userID, label: label, createdAt: now,
            expiresAt: lifetimeMilliseconds.map { now + $0 }, revoked: false)
        let kind = persistence.kind
        try await persistence.write { tx in
            try await tx.insert(into: "api_tokens").model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            var event = audit
            event.entityID = row.id
            try await AuditLogStore.append(event, on: tx, kind: kind)
        }
        return token
    }

    /// The user a live token belongs to, or nil.
    public func userID(forToken token: String, now: Int64 = epochMilliseconds()) async throws -> String? {
        guard token.hasPrefix("ctt_"), token.utf8.count < 100 else { return nil }
        guard
            let row = try await persistence.sql.select().column("*").from("api_tokens")
                .where("token_hash", .equal, SQLBind(Identifier.sha256Hex(token)))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase), !row.revoked
        else { return nil }
        if let expiry = row.expiresAt, expiry <= now { return nil }
        return row.userId
    }
}
