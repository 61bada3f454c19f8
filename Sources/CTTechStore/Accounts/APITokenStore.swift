import CTTechCore
import SQLKit

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

    /// The tokens of one user (every user's when nil), newest first, at most 500.
    public func list(userID: String?) async throws -> [APITokenSummary] {
        var query = persistence.sql.select().column("*").from("api_tokens")
        if let userID { query = query.where("user_id", .equal, SQLBind(userID)) }
        return try await query.orderBy("created_at", .descending).limit(500)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map {
                APITokenSummary(id: $0.id, userID: $0.userId, label: $0.label, createdAt: $0.createdAt, expiresAt: $0.expiresAt, revoked: $0.revoked)
            }
    }

    /// Revokes one token for good, with its audit entry; `ofUser` limits it to that user's tokens (the account page).
    /// Returns false when there is no such token (or it is someone else's); revoking a revoked token changes nothing.
    public func revoke(id: String, ofUser userID: String?, audit: AuditEvent) async throws -> Bool {
        let kind = persistence.kind
        return try await persistence.write { tx in
            var query = tx.select().column("*").from("api_tokens").where("id", .equal, SQLBind(id))
            if let userID { query = query.where("user_id", .equal, SQLBind(userID)) }
            guard let row = try await query.first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase) else { return false }
            if row.revoked { return true }
            try await tx.update("api_tokens").set("revoked", to: SQLBind(true)).where("id", .equal, SQLBind(id)).run()
            var event = audit
            event.entityID = id
            event.details["label"] = row.label
            try await AuditLogStore.append(event, on: tx, kind: kind)
            return true
        }
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
