import CTTechCore
import HTTPTypes
import Hummingbird

/// Security headers on every response (ARCHITECTURE.md, invariant 6) and the request id for support and logs.
struct ResponseHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let strictTransportSecurity: Bool

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    /// The methods the product answers; anything else (TRACE, CONNECT, OPTIONS, PATCH…) is 405 with this list.
    static let allowedMethods = "GET, HEAD, POST, PUT, DELETE"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        switch request.method {
        case .get, .post, .put, .delete:
            response = try await next(request, context)
        case .head:
            response = try await next(request, context)
            response.body = ResponseBody()
        default:
            // Answered before routing, so before any session: in the language the client asks for.
            let t = Localizer(Language.negotiate(acceptLanguage: request.headers[.acceptLanguage]))
            response = Response(
                status: .methodNotAllowed,
                headers: [.allow: Self.allowedMethods, .contentType: "text/plain; charset=utf-8", .contentLanguage: t.language.rawValue],
                body: ResponseBody(byteBuffer: ByteBuffer(string: t("errors.request.method-unknown", ["method": request.method.rawValue]) + "\n")))
        }
        Self.apply(to: &response.headers, path: request.uri.path, requestID: context.id, hsts: strictTransportSecurity)
        return response
    }

    static func apply(to headers: inout HTTPFields, path: String, requestID: String, hsts: Bool) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.xFrameOptionsField] = "DENY"
        headers[.referrerPolicyField] = "no-referrer"
        headers[.crossOriginOpenerPolicy] = "same-origin"
        headers[.crossOriginResourcePolicy] = "same-origin"
        headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        headers[.requestID] = requestID
        if hsts { headers[.strictTransportSecurity] = "max-age=31536000" }
        if headers[.cacheControl] == nil { headers[.cacheControl] = path.hasPrefix("/static/") ? "public, max-age=86400" : "no-store" }
    }
}

extension HTTPField.Name {
    static let xFrameOptionsField = Self("X-Frame-Options")!
    static let referrerPolicyField = Self("Referrer-Policy")!
    static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
    static let crossOriginResourcePolicy = Self("Cross-Origin-Resource-Policy")!
    static let permissionsPolicy = Self("Permissions-Policy")!
    static let requestID = Self("X-Request-Id")!
    static let allow = Self("Allow")!
    static let csrfToken = Self("X-CSRF-Token")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
