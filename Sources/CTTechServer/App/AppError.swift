import CTTechCore
import HTTPTypes

/// Every failure a request can end in, mapped in one place (``ErrorMiddleware``) to a status, an HTML page or problem+json.
public enum AppError: Error, Sendable {
    case badRequest(String)
    case unauthenticated
    case forbidden(String)
    case notFound
    case conflict(String)
    /// The method's rules refuse this now (a closed round, an approved assessment…): 409 with the reason.
    case refused(String)
    case payloadTooLarge(Int)
    case unsupportedMediaType
    case tooManyRequests(retryAfterSeconds: Int)
    case invalid(ValidationFailure)
    case csrf

    public var status: HTTPResponse.Status {
        switch self {
        case .badRequest, .invalid: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden, .csrf: .forbidden
        case .notFound: .notFound
        case .conflict, .refused: .conflict
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .tooManyRequests: .tooManyRequests
        }
    }

    public var title: String {
        switch self {
        case .badRequest: "Bad request"
        case .invalid: "Some fields need attention"
        case .unauthenticated: "Log in required"
        case .forbidden: "Not allowed"
        case .csrf: "Form expired"
        case .notFound: "Not found"
        case .conflict: "Changed by someone else"
        case .refused: "Not possible now"
        case .payloadTooLarge: "Request too large"
        case .unsupportedMediaType: "Unsupported content type"
        case .tooManyRequests: "Too many attempts"
        }
    }

    public var detail: String {
        switch self {
        case .badRequest(let message): message
        case .invalid(let failure): failure.summary
        case .unauthenticated: "Log in, or send a valid API bearer token."
        case .forbidden(let message): message
        case .csrf: "The form's security token was missing or did not match. Reload the page and try again."
        case .notFound: "There is nothing here, or you have no access to it."
        case .conflict(let message), .refused(let message): message
        case .payloadTooLarge(let limit): "The request body is larger than \(limit) bytes."
        case .unsupportedMediaType: "Send application/json to the API, or a URL-encoded form to the web pages."
        case .tooManyRequests(let seconds): "Too many attempts. Try again in \(seconds) seconds."
        }
    }

    /// Turns errors from the layers below into the one the client sees.
    static func from(_ error: any Error) -> AppError? {
        switch error {
        case let error as AppError: return error
        case let error as ValidationFailure: return .invalid(error)
        case let error as AccessDenied:
            switch error {
            case .notFound: return .notFound
            case .forbidden(let message): return .forbidden(message)
            }
        case let error as StoreConflict:
            switch error {
            case .staleVersion(let current):
                return .conflict(
                    "Someone saved this record since you opened it (it is now at version \(current)). Review the current values and save again.")
            case .duplicate(let field): return .invalid(ValidationFailure(field: field, "is already taken"))
            case .missing: return .notFound
            }
        case let error as any RuleViolation: return .refused(error.explanation)
        default: return nil
        }
    }
}
