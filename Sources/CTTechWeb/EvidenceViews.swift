import CTTechCore
import Foundation

/// An evidence item as pages show it.
struct EvidenceView: Sendable {
    let grading: String
    let gradingText: String
    let summary: String
    let source: String
    let observedOn: String
    /// The removal form's target, when the viewer may remove it.
    let removeAction: String?

    init(_ item: EvidenceItem, removeAction: String? = nil) {
        self.removeAction = removeAction
        grading = item.grading
        gradingText = "\(item.reliability.label), \(item.credibility.label.lowercased())"
        summary = item.summary
        source = item.source
        observedOn = item.observedOn
    }
}

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
