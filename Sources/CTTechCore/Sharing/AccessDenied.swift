/// The request was refused by the authorisation layer. `notFound` hides that a record exists at all.
public enum AccessDenied: Error, Sendable, Hashable {
    case forbidden(Message)
    case notFound
}
