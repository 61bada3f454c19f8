/// One problem with one field of a submitted form or API body. `message` is the English text (for logs and tests); the
/// key, count and values let each reader have it in their language (``Localizer``). A key the catalogs do not know is
/// shown as written, so `FieldIssue(field:message:)` with text already in words still reads.
public struct FieldIssue: Sendable, Hashable, Codable {
    public var field: String
    public var message: String
    public var key: String
    public var values: [String: String]
    /// The number that chooses the message's plural form, when it has one.
    public var count: Int?

    public init(field: String, _ key: String, _ values: [String: String] = [:]) {
        self.init(field: field, Message(key, values))
    }

    /// A problem carried as a catalog message (with its count and values).
    public init(field: String, _ message: Message) {
        self.field = field
        self.key = message.key
        self.values = message.values
        self.count = message.count
        self.message = Localizer.english(message)
    }

    public init(field: String, message: String) {
        self.init(field: field, message)
    }

    /// The problem as a catalog message, to carry it to another field or into a detail without losing its language.
    public var problem: Message { Message(key, count: count, values) }

    /// The problem in words, for a reader of `localizer`'s language.
    public func text(_ localizer: Localizer) -> String { localizer(problem) }

    /// Two problems are the same when they name the same field with the same words.
    public static func == (a: FieldIssue, b: FieldIssue) -> Bool { a.field == b.field && a.message == b.message }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(message)
    }

    enum CodingKeys: String, CodingKey { case field, message }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(field: try container.decode(String.self, forKey: .field), message: try container.decode(String.self, forKey: .message))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(message, forKey: .message)
    }
}
