import CTTechCore
import Foundation

/// A state's assessments and, for those who may, the form to open one.
public struct AssessmentsPage: WebPage {
    public static let template = "assessments"
    struct Row: Sendable {
        let title: String
        let period: String
        let horizon: String
        let status: String
        let href: String
        let tlpLabel: String
        let tlpClass: String
        /// "Round 3 open", and the viewer's own progress when they score: "you 2/12".
        let round: String
        let mine: String
    }

    public let layout: LayoutModel
    let assessments: [Row]
    let canCreate: Bool
    let createAction: String
    let csrf: String
    let errors: FormErrors
    let draftTitle: String
    let draftPeriod: String
    let draftHorizon: String
    let tlps: [Choice]
    let importAction: String
    let importLimit: Int
    let importErrors: FormErrors

    public static func make(
        layout: LayoutModel, stateID: String, assessments: [AssessmentStanding], canCreate: Bool, csrf: String, draft: AssessmentDraft? = nil,
        failure: ValidationFailure? = nil, importFailure: ValidationFailure? = nil
    ) -> AssessmentsPage {
        AssessmentsPage(
            layout: layout,
            assessments: assessments.map { s in
                let a = s.assessment
                return Row(
                    title: a.title, period: a.period, horizon: years(a.horizonYears), status: a.status.label,
                    href: SiteURL.assessment(stateID, a.id).path,
                    tlpLabel: a.tlp.label, tlpClass: a.tlp.cssClass, round: "\(s.round.number) \(s.round.status.rawValue)",
                    mine: s.scoredByViewer.map { "\($0) of \(s.scenarioCount) scored" } ?? "—")
            }, canCreate: canCreate, createAction: SiteURL.assessments(stateID).path, csrf: csrf,
            errors: FormErrors(
                layout.localizer,
                failure,
                fields: [
                    FormField("title", "Title", id: "title"), FormField("period", "Period", id: "period"),
                    FormField("horizonYears", "Horizon in years", id: "horizonYears"), FormField("tlp", "TLP marking", id: "tlp"),
                ]),
            draftTitle: draft?.title ?? "", draftPeriod: draft?.period ?? "", draftHorizon: draft?.horizonYears ?? "2",
            tlps: TLP.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == (draft?.tlp ?? "AMBER")) },
            importAction: SiteURL.assessmentImport(stateID).path, importLimit: AssessmentImport.maxBytes / 1024 / 1024,
            importErrors: FormErrors(layout.localizer, importFailure, fields: [FormField("file", "File", id: "import-file")], pathsAsWritten: true))
    }
}
