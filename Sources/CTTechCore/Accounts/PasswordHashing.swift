/// Turns a password into the hash an account stores (bcrypt in the server; a cheap stand-in in tests).
public struct PasswordHashing: Sendable {
    public let hash: @Sendable (String) async throws -> String
    /// Whether a password matches a stored hash.
    public let verify: @Sendable (String, String) async throws -> Bool

    /// Without `verify`, a password matches when it hashes to the stored hash (a deterministic stand-in in tests).
    public init(
        hash: @escaping @Sendable (String) async throws -> String, verify: (@Sendable (String, String) async throws -> Bool)? = nil
    ) {
        self.hash = hash
        self.verify = verify ?? { password, stored in try await hash(password) == stored }
    }
}
