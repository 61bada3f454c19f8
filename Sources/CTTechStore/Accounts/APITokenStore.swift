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
