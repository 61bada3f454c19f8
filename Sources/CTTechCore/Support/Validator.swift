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
