import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

/// Input data the rules refused: every problem on standard error, one per line, and exit status 65 (EX_DATAERR).
struct DataRefusal: Error, CustomStringConvertible {
    let headline: String?
    let failure: ValidationFailure

    var description: String {
        ([headline].compactMap { $0 } + failure.issues.map { "  \($0.field): \($0.message)" }).joined(separator: "\n")
    }
}
