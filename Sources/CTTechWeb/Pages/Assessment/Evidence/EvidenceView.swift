import CTTechCore
import Foundation

/// An evidence item as pages show it.
struct EvidenceView: Sendable {
    let grading: String
    let gradingText: String
    let summary: String
    let source: String
    let observedOn: String?
    /// The removal form's target, when the viewer may remove it.
    let removeAction: String?

    init(_ item: EvidenceItem, removeAction: String? = nil) {
        self.removeAction = removeAction
        grading = item.grading
        gradingText = "\(item.reliability.label), \(item.credibility.label.lowercased())"
        summary = item.summary
        source = item.source
        observedOn = item.observedOn.isEmpty ? nil : item.observedOn
    }
}
