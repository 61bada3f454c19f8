import CTTechCore
import Foundation

/// An evidence item as pages show it.
struct EvidenceView: Sendable, TemplateModel {
    let grading: String
    let gradingText: String
    let summary: String
    let source: String
    let observedOn: String?
    /// The removal form's target, when the viewer may remove it.
    let removeAction: String?

    /// - Parameter t: the page's language (English until every page that lists evidence passes its own).
    init(_ item: EvidenceItem, removeAction: String? = nil, _ t: Localizer = .english) {
        self.removeAction = removeAction
        grading = item.grading
        gradingText = t(
            "evidence.grading",
            [
                "reliability": EvidenceForm.meaning(item.reliability, t),
                "credibility": EvidenceForm.meaning(item.credibility, t).lowercased(),
            ])
        summary = item.summary
        source = item.source
        observedOn = item.observedOn.isEmpty ? nil : item.observedOn
    }
}
