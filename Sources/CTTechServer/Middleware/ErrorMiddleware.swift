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
            var language = RequestLanguage.of(request, identity: context.identity)
            if let signedIn = thrown as? SignedInFailure {
                (error, identity, csrf, language) = (signedIn.underlying, signedIn.identity, signedIn.csrfToken, signedIn.language)
            }
            let (status, titleMessage, detailMessage, issues, retryAfter) = Self.describe(error, logger: context.logger)
            if status == .forbidden, let identity {
                // A refused attempt leaves a trace tied to the person (issue 8, item 17).
                let metadata: Logger.Metadata = ["user": .string(identity.userID), "path": .string(request.uri.path), "status": "403"]
                context.logger.notice("access refused", metadata: metadata)
            }
            if Self.wantsProblem(request) {
                // The API speaks the language the client asks for; its field names and codes stay as they are.
                let t = Localizer(Language.negotiate(acceptLanguage: request.headers[.acceptLanguage]))
                var response = Problem.response(
                    status: status, title: t(titleMessage), detail: Self.detail(detailMessage, issues: issues, t), issues: issues,
                    localizer: t, instance: request.uri.path)
                if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
                return response
            }
            if status == .unauthorized && (request.method == .get || request.method == .head) {
                let next =
                    request.uri.path == "/" ? "" : "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return Response.redirect(to: SiteURL.login.path + next, type: .found)
            }
            let t = Localizer(language)
            let html = pages.errorPage(
                status: Int(status.code), title: t(titleMessage), detail: t(Self.quoting(detailMessage, issues: issues, t)),
                issues: issues.map { "\($0.field): \($0.text(t))" },
                requestID: context.id, identity: identity, csrf: csrf, path: request.uri.path, language: language)
            var response = Response.html(html, status: status)
            if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    static func wantsProblem(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/api/") || (request.headers[.accept]?.contains("json") ?? false)
    }

    /// A refused body's detail lists its problems in one line ("title: is required; …"); any other detail is its message.
    static func detail(_ message: Message, issues: [FieldIssue], _ t: Localizer) -> String {
        issues.isEmpty || message.key != "error.detail.invalid"
            ? t(quoting(message, issues: issues, t)) : issues.map { "\($0.field): \($0.text(t))" }.joined(separator: "; ")
    }

    /// A detail that quotes its field's problem (`{problem}`, as in "The request body is not valid: stateId is required.")
    /// has it in the reader's language: the problem is filled in here, from the first issue, not where it was found.
    static func quoting(_ message: Message, issues: [FieldIssue], _ t: Localizer) -> Message {
        guard let issue = issues.first, message.values["problem"] == nil else { return message }
        return Message(message.key, count: message.count, message.values.merging(["problem": issue.text(t)]) { first, _ in first })
    }

    static func describe(_ error: any Error, logger: Logger) -> (HTTPResponse.Status, Message, Message, [FieldIssue], Int?) {
        var underlying: any Error = error
        if let serverError = error as? ServerError {
            underlying = serverError.underlyingError
            if AppError.from(underlying) == nil, !(underlying is HTTPError) {
                // A body or parameter the generated code could not decode: the client's mistake, so 400 with what was wrong.
                let (detail, issues) = Self.decodingProblem(serverError)
                return (.badRequest, "error.title.bad-request", detail, issues, nil)
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
            if http.status == .contentTooLarge { return (http.status, "error.title.payload-too-large", "error.detail.body-too-large", [], nil) }
            // The framework's own refusals (a path no route matches…) in the reader's language where we have the words.
            let ours: [HTTPResponse.Status: AppError] = [
                .notFound: .notFound, .unauthorized: .unauthenticated, .unsupportedMediaType: .unsupportedMediaType,
            ]
            if http.body == nil, let app = ours[http.status] { return (http.status, app.title, app.detail, [], nil) }
            return (http.status, Message(http.status.reasonPhrase), Message(http.body ?? http.status.reasonPhrase), [], nil)
        }
        if underlying is DecodingError {
            return (.badRequest, "error.title.bad-request", "error.detail.unreadable-json", [], nil)
        }
        logger.error("unhandled error", metadata: ["error": "\(String(reflecting: underlying))"])
        return (.internalServerError, "error.title.server", "error.detail.server", [], nil)
    }

    /// What the generated code could not decode, as a detail and a field issue named by its path (`cells[1].activity`),
    /// a query or path parameter (`limit`), in words, without Swift type names. The detail quotes the issue's problem
    /// (`{problem}`), filled in the reader's language by ``quoting(_:issues:_:)``.
    static func decodingProblem(_ error: ServerError) -> (Message, [FieldIssue]) {
        guard let decoding = error.underlyingError as? DecodingError else {
            return (Message("errors.request.unreadable", ["reason": String(String(describing: error.underlyingError).prefix(300))]), [])
        }
        if let parameter = parameterProblem(error, decoding) {
            return (Message("errors.request.parameter-invalid", ["field": parameter.field]), [parameter])
        }
        func path(_ keys: [any CodingKey]) -> String {
            let joined = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
        }
        let field: String
        let message: Message
        switch decoding {
        case .keyNotFound(let key, let c):
            (field, message) = (path(c.codingPath + [key]), "validation.required")
        case .valueNotFound(_, let c):
            (field, message) = (path(c.codingPath), "validation.not-null")
        case .typeMismatch(_, let c):
            (field, message) = (path(c.codingPath), "validation.wrong-type")
        case .dataCorrupted(let c) where c.debugDescription.hasPrefix("Cannot initialize"):
            (field, message) = (path(c.codingPath), "validation.api-enum")
        case .dataCorrupted(let c):
            if let unfit = c.underlyingError as? UnfitNumber {
                (field, message) = (path(c.codingPath), unfitNumberMessage(unfit.kind))
            } else {
                (field, message) = (path(c.codingPath), c.codingPath.isEmpty ? "validation.invalid-json" : "validation.api-value")
            }
        @unknown default:
            return ("errors.request.body-invalid", [])
        }
        // The body as a whole keeps the field name "the body" its problems have always had (programs may match it); the
        // detail says it in the reader's words.
        guard !field.isEmpty else { return ("errors.request.whole-body-invalid", [FieldIssue(field: "the body", message)]) }
        return (Message("errors.request.body-field-invalid", ["field": field]), [FieldIssue(field: field, message)])
    }

    static func unfitNumberMessage(_ kind: UnfitNumber.Kind) -> Message {
        switch kind {
        case .beyondAnyNumber: "validation.number-too-large"
        case .beyondWholeNumbers: Message("validation.number-beyond-whole", ["min": String(Int64.min), "max": String(Int64.max)])
        case .notWhole: "validation.whole-number"
        case .unknown: "validation.number-unfit"
        }
    }

    /// A query or path parameter the generated code could not convert. The URI decoder's error names no parameter, so
    /// the request's parameters are checked: the one (of the operation's typed query parameters, see
    /// ``APIHandler/typedQueryParameters``) whose value does not convert to the expected type, or whose value an enum
    /// refused. Nil when the error is about the body.
    static func parameterProblem(_ error: ServerError, _ decoding: DecodingError) -> FieldIssue? {
        var query: [(name: String, value: String)] = []
        if let target = error.request.path, let items = target.split(separator: "?", maxSplits: 1).dropFirst().first {
            let typed = APIHandler.typedQueryParameters[error.operationID]
            for item in items.split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                if typed?.contains(pair[0]) ?? true { query.append((pair[0], pair.count > 1 ? pair[1] : "")) }
            }
        }
        let path = error.requestMetadata.pathParameters.sorted { $0.key < $1.key }.map {
            (name: $0.key, value: String($0.value).removingPercentEncoding ?? String($0.value))
        }
        switch decoding {
        case .typeMismatch(let type, let c) where c.codingPath.isEmpty:
            let whole = type == Int.self || type == Int64.self || type == Int32.self
            guard whole || type == Double.self || type == Bool.self else { return nil }
            let converts: (String) -> Bool = { value in
                whole ? Int64(value) != nil : type == Double.self ? Double(value)?.isFinite == true : Bool(value) != nil
            }
            guard let bad = query.first(where: { !converts($0.value) }) else { return nil }
            let digits = bad.value.drop { $0 == "-" || $0 == "+" }
            if type == Bool.self { return FieldIssue(field: bad.name, "validation.boolean") }
            if !whole { return FieldIssue(field: bad.name, "validation.number") }
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return FieldIssue(field: bad.name, unfitNumberMessage(.beyondWholeNumbers))
            }
            return FieldIssue(field: bad.name, "validation.whole-number")
        case .dataCorrupted(let c) where c.codingPath.isEmpty && c.debugDescription.hasPrefix("Cannot initialize"):
            guard let bad = (path + query).first(where: { c.debugDescription.hasSuffix(" value \($0.value)") }) else { return nil }
            return FieldIssue(field: bad.name, "validation.api-enum")
        default:
            return nil
        }
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
