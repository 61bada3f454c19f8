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
        } catch {
            let (status, title, detail, issues, retryAfter) = Self.describe(error, logger: context.logger)
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
                requestID: context.id, signedIn: context.identity != nil)
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
                return (.badRequest, "Bad request", Self.decodingMessage(serverError), [], nil)
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

    static func decodingMessage(_ error: ServerError) -> String {
        let text = String(describing: error.underlyingError)
        if let decoding = error.underlyingError as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
                let path = c.codingPath.map(\.stringValue).joined(separator: ".")
                return "The request body is not valid: \(c.debugDescription)\(path.isEmpty ? "" : " (at \(path))")"
            @unknown default: break
            }
        }
        return "The request could not be read: \(text.prefix(300))"
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
