/// Input that was rejected before anything was written; carries every problem found, not just the first.
public struct ValidationFailure: Error, Sendable, Hashable {
    public var issues: [FieldIssue]

    public init(_ issues: [FieldIssue]) {
        self.issues = issues
    }

    public init(field: String, _ key: String, _ values: [String: String] = [:]) {
        self.issues = [FieldIssue(field: field, key, values)]
    }

    /// One problem carried as a catalog message (a rule's explanation shown beside a field, a counted message).
    public init(field: String, _ message: Message) {
        self.issues = [FieldIssue(field: field, message)]
    }

    /// A one-line summary for logs, problem+json `detail` and flash messages.
    public var summary: String {
        issues.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }

    /// The message for one field, if that field has a problem.
    public func message(for field: String) -> String? {
        issues.first { $0.field == field }?.message
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode-aware, no Foundation needed).
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
