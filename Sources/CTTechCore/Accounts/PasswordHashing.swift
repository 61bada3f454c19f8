/// Turns a password into the hash an account stores (bcrypt in the server; a cheap stand-in in tests).
public struct PasswordHashing: Sendable {
    public let hash: @Sendable (String) async throws -> String

    public init(hash: @escaping @Sendable (String) async throws -> String) {
        self.hash = hash
    }
}
