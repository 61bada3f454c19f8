import CTTechCore
import Foundation

/// The evidence form's fields and choices, refilled after an error.
struct EvidenceForm: Sendable {
    let action: String
    let summary: String
    let source: String
    let observedOn: String
    let reliabilities: [Choice]
    let credibilities: [Choice]
    let subjects: [Choice]

    init(action: String, submitted: [String: String], subjects: [Choice] = []) {
        self.action = action
        summary = submitted["summary"] ?? ""
        source = submitted["source"] ?? ""
        observedOn = submitted["observedOn"] ?? ""
        reliabilities = SourceReliability.allCases.map {
            Choice(value: $0.rawValue, label: "\($0.rawValue) — \($0.label)", selected: $0.rawValue == (submitted["reliability"] ?? "F"))
        }
        credibilities = InformationCredibility.allCases.map {
            Choice(value: "\($0.rawValue)", label: "\($0.rawValue) — \($0.label)", selected: "\($0.rawValue)" == (submitted["credibility"] ?? "6"))
        }
        self.subjects = subjects
    }
}
