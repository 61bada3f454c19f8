/// One problem with one field of a submitted form or API body.
public struct FieldIssue: Sendable, Hashable, Codable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Input that was rejected before anything was written; carries every problem found, not just the first.
public struct ValidationFailure: Error, Sendable, Hashable {
    public var issues: [FieldIssue]

    public init(_ issues: [FieldIssue]) {
        self.issues = issues
    }

    public init(field: String, _ message: String) {
        self.issues = [FieldIssue(field: field, message: message)]
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

/// Collects field problems while a whole input is checked, then throws them together.
public struct Validator: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func add(_ field: String, _ message: String) {
        issues.append(FieldIssue(field: field, message: message))
    }

    /// Checks free text: trims it, requires it when asked, bounds its length in characters and refuses control characters.
    /// Returns the trimmed text (or nil when the field is empty and optional).
    public mutating func text(
        _ value: String?, field: String, required: Bool = true, maxLength: Int, minLength: Int = 0
    ) -> String? {
        let trimmed = (value ?? "").trimmingWhitespace()
        if trimmed.isEmpty {
            if required { add(field, "is required") }
            return nil
        }
        if trimmed.count > maxLength {
            add(field, "must be at most \(maxLength) characters")
            return nil
        }
        if trimmed.count < minLength {
            add(field, "must be at least \(minLength) characters")
            return nil
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
            add(field, "must not contain control characters")
            return nil
        }
        return trimmed
    }

    /// Throws every collected problem, if there is any.
    public func check() throws(ValidationFailure) {
        if !issues.isEmpty { throw ValidationFailure(issues) }
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
