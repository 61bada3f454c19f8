/// Password rules (issue: minimum 12 characters). The upper bound keeps hashing cost bounded.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 256

    public static func check(_ password: String, field: String = "password") throws(ValidationFailure) {
        if password.count < minimumLength {
            throw ValidationFailure(field: field, "validation.at-least-characters", ["min": String(minimumLength)])
        }
        if password.count > maximumLength {
            throw ValidationFailure(field: field, "validation.at-most-characters", ["max": String(maximumLength)])
        }
    }
}
