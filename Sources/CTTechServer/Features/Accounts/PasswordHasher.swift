import CTTechCore
import CTTechStore
import Crypto
import HummingbirdBcrypt
import NIOPosix

import struct Foundation.Data

/// bcrypt password hashing off the event loop.
///
/// The password is first reduced to base64(SHA-256(password)) so that bcrypt's 72-byte limit never silently
/// ignores the end of a long passphrase (docs/security.md).
public struct PasswordHasher: Sendable {
    public let cost: UInt8

    public init(cost: UInt8) {
        self.cost = max(cost, 4)
    }

    static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Array(password.utf8))).base64EncodedString()
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(Self.prehash(password), cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(Self.prehash(password), hash: hash) }
    }
}
