import CTTechCore
import Foundation

/// The evidence form's fields and choices, refilled after an error.
struct EvidenceForm: Sendable {
    let action: String
    /// Where a refused post lands: the summary of this form's problems on its page.
    let errorsAnchor: String
    let summary: String
    let source: String
    let observedOn: String
    let reliabilities: [Choice]
    let credibilities: [Choice]
    let subjects: [Choice]

    /// The form's fields as its error summary links them.
    static let fields = [
        FormField("summary", "What the evidence shows", id: "e-summary"), FormField("source", "Source", id: "e-source"),
        FormField("reliability", "Source reliability", id: "e-rel"), FormField("credibility", "Information credibility", id: "e-cred"),
        FormField("observedOn", "Observed on", id: "e-date"), FormField("technology", "Technology", id: "e-subject"),
        FormField("subject", "Technology", id: "e-subject"),
    ]

    init(action: String, submitted: [String: String], subjects: [Choice] = [], errorsAnchor: String = "#errors") {
        self.action = action
        self.errorsAnchor = errorsAnchor
        summary = submitted["summary"] ?? ""
        source = submitted["source"] ?? ""
        observedOn = submitted["observedOn"] ?? ""
        // No grading is pre-chosen (issue 8, item 2): the person grades the source and the information.
        let reliability = submitted["reliability"] ?? ""
        let credibility = submitted["credibility"] ?? ""
        reliabilities =
            [Choice(value: "", label: "choose…", selected: reliability.isEmpty)]
            + SourceReliability.allCases.map {
                Choice(value: $0.rawValue, label: "\($0.rawValue) — \($0.label)", selected: $0.rawValue == reliability)
            }
        credibilities =
            [Choice(value: "", label: "choose…", selected: credibility.isEmpty)]
            + InformationCredibility.allCases.map {
                Choice(value: "\($0.rawValue)", label: "\($0.rawValue) — \($0.label)", selected: "\($0.rawValue)" == credibility)
            }
        self.subjects = subjects
    }
}
