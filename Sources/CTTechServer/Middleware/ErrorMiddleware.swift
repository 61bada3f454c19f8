import CTTechCore
import CTTechWeb
import Foundation
import Hummingbird
import Logging
import OpenAPIRuntime

/// Turns every error into a response the client can act on: problem+json for the API, an HTML page for people.
/// Nothing escapes as a bare 500; an unexpected error is logged with the request id and answered without internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let thrown {
            var error = thrown
            var identity = context.identity
            var csrf = context.csrfToken
            if let signedIn = thrown as? SignedInFailure {
                (error, identity, csrf) = (signedIn.underlying, signedIn.identity, signedIn.csrfToken)
            }
            let (status, title, detail, issues, retryAfter) = Self.describe(error, logger: context.logger)
            if status == .forbidden, let identity {
                // A refused attempt leaves a trace tied to the person (issue 8, item 17).
                context.logger.notice(
                    "access refused", metadata: ["user": .string(identity.userID), "path": .string(request.uri.path), "status": "403"])
            }
            if Self.wantsProblem(request) {
                var response = Problem.response(status: status, title: title, detail: detail, issues: issues, instance: request.uri.path)
                if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
                return response
            }
            if status == .unauthorized && request.method == .get {
                let next =
                    request.uri.path == "/" ? "" : "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return Response.redirect(to: SiteURL.login.path + next, type: .found)
            }
            let html = pages.errorPage(
                status: Int(status.code), title: title, detail: detail, issues: issues.map { "\($0.field): \($0.message)" },
                requestID: context.id, identity: identity, csrf: csrf, path: request.uri.path)
            var response = Response.html(html, status: status)
            if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    static func wantsProblem(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/api/") || (request.headers[.accept]?.contains("json") ?? false)
    }

    static func describe(_ error: any Error, logger: Logger) -> (HTTPResponse.Status, String, String, [FieldIssue], Int?) {
        var underlying: any Error = error
        if let serverError = error as? ServerError {
            underlying = serverError.underlyingError
            if AppError.from(underlying) == nil, !(underlying is HTTPError) {
                // A body or parameter the generated code could not decode: the client's mistake, so 400 with what was wrong.
                let (detail, issues) = Self.decodingProblem(serverError)
                return (.badRequest, "Bad request", detail, issues, nil)
            }
        }
        if let app = AppError.from(underlying) {
            var issues: [FieldIssue] = []
            if case .invalid(let failure) = app { issues = failure.issues }
            var retry: Int?
            if case .tooManyRequests(let seconds) = app { retry = seconds }
            return (app.status, app.title, app.detail, issues, retry)
        }
        if let http = underlying as? HTTPError {
            if http.status == .contentTooLarge { return (http.status, "Request too large", "The request body is larger than 1 MiB.", [], nil) }
            return (http.status, http.status.reasonPhrase, http.body ?? http.status.reasonPhrase, [], nil)
        }
        if underlying is DecodingError {
            return (.badRequest, "Bad request", "The request body could not be read as the expected JSON.", [], nil)
        }
        logger.error("unhandled error", metadata: ["error": "\(String(reflecting: underlying))"])
        return (.internalServerError, "Something went wrong", "The server could not complete the request. Nothing was saved.", [], nil)
    }

    /// What the generated code could not decode, as a detail and a field issue named by its path (`cells[1].activity`),
    /// in words, without Swift type names.
    static func decodingProblem(_ error: ServerError) -> (String, [FieldIssue]) {
        guard let decoding = error.underlyingError as? DecodingError else {
            return ("The request could not be read: \(String(describing: error.underlyingError).prefix(300))", [])
        }
        func path(_ keys: [any CodingKey]) -> String {
            let joined = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
        }
        let field: String
        let message: String
        switch decoding {
        case .keyNotFound(let key, let c):
            (field, message) = (path(c.codingPath + [key]), "is required")
        case .valueNotFound(_, let c):
            (field, message) = (path(c.codingPath), "must not be null")
        case .typeMismatch(_, let c):
            (field, message) = (path(c.codingPath), "has the wrong type")
        case .dataCorrupted(let c) where c.debugDescription.hasPrefix("Cannot initialize"):
            (field, message) = (path(c.codingPath), "is not one of the values the API accepts here (see the enum in /api/openapi.yaml)")
        case .dataCorrupted(let c):
            (field, message) = (path(c.codingPath), c.codingPath.isEmpty ? "is not valid JSON" : "has a value the API does not accept here")
        @unknown default:
            return ("The request body is not valid.", [])
        }
        let name = field.isEmpty ? "the body" : field
        return ("The request body is not valid: \(name) \(message).", [FieldIssue(field: name, message: message)])
    }
}

extension Response {
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 See Other: the answer to a successful form post.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
