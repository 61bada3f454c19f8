import CTTechCore
import CTTechWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// For every state-changing request: refuses cross-site requests, reads and parses web forms once (1 MiB at most) and checks
/// the CSRF token (ARCHITECTURE.md, invariant 6).
///
/// - Web forms carry `_csrf`: the session's token, or before login the value of the login cookie (double submit).
/// - The API with a session cookie needs the `X-CSRF-Token` header; with a bearer token there is no cookie to abuse.
struct FormMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let configuration: AppConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method) else { return try await next(request, context) }
        if request.headers[.secFetchSite] == "cross-site" { throw AppError.csrf }
        var context = context
        var request = request
        if request.uri.path.hasPrefix("/api/") {
            if !context.viaBearerToken, let expected = context.csrfToken {
                guard let sent = request.headers[.csrfToken], constantTimeEquals(sent, expected) else { throw AppError.csrf }
            }
            let buffer = try await collect(&request, context: context)
            // A body must say it is JSON: the generated decoder would otherwise read any bytes as if they were.
            if buffer.readableBytes > 0, !(request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false) {
                throw AppError.unsupportedMediaType
            }
            request.body = .init(buffer: buffer)
            return try await next(request, context)
        }
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data"), AppRequestContext.isImport(path: request.uri.path),
            let boundary = FormData.parameter("boundary", in: type), !boundary.isEmpty, boundary.count <= 70
        {
            let buffer = try await collect(&request, context: context)
            context.form = try FormData.parseMultipart(buffer, boundary: boundary)
        } else {
            guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else { throw AppError.unsupportedMediaType }
            let buffer = try await collect(&request, context: context)
            context.form = try FormData.parse(buffer)
        }
        // A signed-in form must carry its session's token. The login form carries the login cookie's token; it may be
        // posted while an older session cookie is still present (that session is then replaced, never reused).
        let loginToken = request.cookies[configuration.loginCSRFCookieName]?.value
        let accepted = request.uri.path == SiteURL.login.path ? [context.csrfToken, loginToken] : [context.csrfToken ?? loginToken]
        guard let sent = context.form["_csrf"], !sent.isEmpty, accepted.contains(where: { $0.map { constantTimeEquals(sent, $0) } ?? false }) else {
            throw AppError.csrf
        }
        return try await next(request, context)
    }

    private func collect(_ request: inout Request, context: Context) async throws -> ByteBuffer {
        let limit = AppRequestContext.bodyLimit(path: request.uri.path, identity: context.identity)
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw AppError.payloadTooLarge(limit)
        } catch is NIOTooManyBytesError {
            throw AppError.payloadTooLarge(limit)
        }
    }
}
