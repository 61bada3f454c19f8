import CTTechCore
import Foundation

/// The summary of a refused form shown above it (template partial `errors`).
struct FormErrors: Sendable {
    let hasErrors: Bool
    let errorList: [String]

    init(_ failure: ValidationFailure?) {
        let list = failure?.issues.map { "\($0.field): \($0.message)" } ?? []
        self.hasErrors = !list.isEmpty
        self.errorList = list
    }
}
