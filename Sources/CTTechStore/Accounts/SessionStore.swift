import CTTechCore
import SQLKit

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
