import CTTechCore
import CTTechStore
import Hummingbird
import NIOCore

/// The one request context: who is asking, through which session, with which CSRF token and form.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware`` when a session or bearer token is valid.
    public var identity: Identity?
    public var session: LoginSession?
    /// The token the session's forms must carry.
    public var csrfToken: String?
    /// True when the request authenticated with a bearer token (no cookie, so no CSRF check).
    public var viaBearerToken = false
    /// URL-encoded form fields, parsed once by ``FormMiddleware`` for form posts.
    public var form: FormData = FormData()
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// Largest body any route accepts (1 MiB); bigger bodies get 413.
    public var maxUploadSize: Int { 1024 * 1024 }

    /// The identity, or `unauthenticated`.
    public func requireIdentity() throws -> Identity {
        guard let identity else { throw AppError.unauthenticated }
        return identity
    }
}

/// Fields of a URL-encoded form. Repeated keys keep their last value; invalid UTF-8 or percent-escapes are refused.
public struct FormData: Sendable {
    public private(set) var fields: [String: String] = [:]

    public init() {}

    public init(_ fields: [String: String]) {
        self.fields = fields
    }

    public subscript(_ key: String) -> String? { fields[key] }

    /// Parses `application/x-www-form-urlencoded`.
    public static func parse(_ buffer: ByteBuffer) throws -> FormData {
        let bytes = Array(buffer.readableBytesView)
        var result: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decode(Array(parts[0]))
            let value = parts.count > 1 ? try decode(Array(parts[1])) : ""
            result[key] = value
        }
        return FormData(result)
    }

    private static func decode(_ bytes: [UInt8]) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else {
                    throw AppError.badRequest("The form contains a malformed percent-escape.")
                }
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw AppError.badRequest("The form contains text that is not valid UTF-8.")
        }
        return text
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }
}
