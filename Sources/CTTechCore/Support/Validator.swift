/// Collects field problems while a whole input is checked, then throws them together.
public struct Validator: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    /// Records a problem: `key` names its message in the catalogs, `values` fill its placeholders.
    public mutating func add(_ field: String, _ key: String, _ values: [String: String] = [:]) {
        issues.append(FieldIssue(field: field, key, values))
    }

    /// Records a problem carried as a catalog message (with a count, or taken from another check's issue).
    public mutating func add(_ field: String, _ message: Message) {
        issues.append(FieldIssue(field: field, message))
    }

    /// Checks free text: trims it, requires it when asked, bounds its length in characters and refuses control characters.
    /// Returns the trimmed text (or nil when the field is empty and optional).
    public mutating func text(
        _ value: String?, field: String, required: Bool = true, maxLength: Int, minLength: Int = 0
    ) -> String? {
        let trimmed = (value ?? "").trimmingWhitespace()
        if trimmed.isEmpty {
            if required { add(field, "validation.required") }
            return nil
        }
        if trimmed.count > maxLength {
            add(field, "validation.at-most-characters", ["max": String(maxLength)])
            return nil
        }
        if trimmed.count < minLength {
            add(field, "validation.at-least-characters", ["min": String(minLength)])
            return nil
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
            add(field, "validation.control-characters")
            return nil
        }
        return trimmed
    }

    /// Throws every collected problem, if there is any.
    public func check() throws(ValidationFailure) {
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }
}
