/// One problem with one field of a submitted form or API body.
public struct FieldIssue: Sendable, Hashable, Codable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
