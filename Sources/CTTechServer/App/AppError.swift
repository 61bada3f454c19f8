import CTTechCore
import HTTPTypes

/// Every failure a request can end in, mapped in one place (``ErrorMiddleware``) to a status, an HTML page or problem+json.
public enum AppError: Error, Sendable {
    case badRequest(Message)
    case unauthenticated
    case forbidden(Message)
    case notFound
    case conflict(Message)
    /// The method's rules refuse this now (a closed round, an approved assessment…): 409 with the reason.
    case refused(Message)
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

    /// The catalog key of the title (`error.title.not-found`): a short name of what went wrong.
    public var title: Message {
        switch self {
        case .badRequest: "error.title.bad-request"
        case .invalid: "error.title.invalid"
        case .unauthenticated: "error.title.unauthenticated"
        case .forbidden: "error.title.forbidden"
        case .csrf: "error.title.csrf"
        case .notFound: "error.title.not-found"
        case .conflict: "error.title.conflict"
        case .refused: "error.title.refused"
        case .payloadTooLarge: "error.title.payload-too-large"
        case .unsupportedMediaType: "error.title.unsupported-media-type"
        case .tooManyRequests: "error.title.too-many-requests"
        }
    }

    /// What the person can do about it, in a sentence. For a refused form, the field problems follow it separately.
    public var detail: Message {
        switch self {
        case .badRequest(let message): message
        case .invalid: "error.detail.invalid"
        case .unauthenticated: "error.detail.unauthenticated"
        case .forbidden(let message): message
        case .csrf: "error.detail.csrf"
        case .notFound: "error.detail.not-found"
        case .conflict(let message), .refused(let message): message
        case .payloadTooLarge(let limit): Message("error.detail.payload-too-large", ["limit": String(limit)])
        case .unsupportedMediaType: "error.detail.unsupported-media-type"
        case .tooManyRequests(let seconds): Message("error.detail.too-many-requests", ["seconds": String(seconds)])
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
                return .conflict(Message("error.detail.stale-version", ["version": String(current)]))
            case .duplicate(let field): return .invalid(ValidationFailure(field: field, "validation.taken"))
            case .missing: return .notFound
            }
        case let error as any RuleViolation: return .refused(error.explanation)
        default: return nil
        }
    }
}
