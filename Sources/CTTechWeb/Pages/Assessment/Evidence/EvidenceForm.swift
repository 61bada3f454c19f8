import CTTechCore
import Foundation

/// The evidence form's fields and choices, refilled after an error.
struct EvidenceForm: Sendable, TemplateModel {
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
        FormField("summary", "evidence.field.summary", id: "e-summary"), FormField("source", "evidence.field.source", id: "e-source"),
        FormField("reliability", "evidence.field.reliability", id: "e-rel"),
        FormField("credibility", "evidence.field.credibility", id: "e-cred"),
        FormField("observedOn", "evidence.field.observed-on", id: "e-date"), FormField("technology", "evidence.field.technology", id: "e-subject"),
        FormField("subject", "evidence.field.technology", id: "e-subject"),
    ]

    /// - Parameter t: the page's language (English until every page that shows the form passes its own).
    init(action: String, submitted: [String: String], subjects: [Choice] = [], errorsAnchor: String = "#errors", _ t: Localizer = .english) {
        self.action = action
        self.errorsAnchor = errorsAnchor
        summary = submitted["summary"] ?? ""
        source = submitted["source"] ?? ""
        observedOn = submitted["observedOn"] ?? ""
        // No grading is pre-chosen (issue 8, item 2): the person grades the source and the information.
        let reliability = submitted["reliability"] ?? ""
        let credibility = submitted["credibility"] ?? ""
        reliabilities =
            [Choice(value: "", label: t("assessment.choose"), selected: reliability.isEmpty)]
            + SourceReliability.allCases.map {
                Choice(value: $0.rawValue, label: "\($0.rawValue) — \(Self.meaning($0, t))", selected: $0.rawValue == reliability)
            }
        credibilities =
            [Choice(value: "", label: t("assessment.choose"), selected: credibility.isEmpty)]
            + InformationCredibility.allCases.map {
                Choice(value: "\($0.rawValue)", label: "\($0.rawValue) — \(Self.meaning($0, t))", selected: "\($0.rawValue)" == credibility)
            }
        self.subjects = subjects
    }

    /// What a reliability grade means, in the page's language: "Completely reliable".
    static func meaning(_ grade: SourceReliability, _ t: Localizer) -> String { t("evidence.reliability.\(grade.rawValue.lowercased())") }

    /// What a credibility grade means, in the page's language: "Confirmed by other sources".
    static func meaning(_ grade: InformationCredibility, _ t: Localizer) -> String { t("evidence.credibility.\(grade.rawValue)") }
}
