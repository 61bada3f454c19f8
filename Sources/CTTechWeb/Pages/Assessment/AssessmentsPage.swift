import CTTechCore
import Foundation

/// A state's assessments and, for those who may, the form to open one.
public struct AssessmentsPage: WebPage {
    public static let template = "assessments"
    struct Row: Sendable, TemplateModel {
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
    /// What an import file holds, and its size limit.
    let importIntro: String
    let importErrors: FormErrors

    public static func make(
        layout: LayoutModel, stateID: String, assessments: [AssessmentStanding], canCreate: Bool, csrf: String, draft: AssessmentDraft? = nil,
        failure: ValidationFailure? = nil, importFailure: ValidationFailure? = nil
    ) -> AssessmentsPage {
        let t = layout.localizer
        let importLimit = AssessmentImport.maxBytes / 1024 / 1024
        return AssessmentsPage(
            layout: layout,
            assessments: assessments.map { s in
                let a = s.assessment
                return Row(
                    title: a.title, period: a.period, horizon: t("assessment.years", count: a.horizonYears),
                    status: t("assessment.status.\(a.status.rawValue)"), href: SiteURL.assessment(stateID, a.id).path,
                    tlpLabel: a.tlp.label, tlpClass: a.tlp.cssClass,
                    round: t(
                        "assessment.list.round", ["round": String(s.round.number), "status": t("assessment.round-status.\(s.round.status.rawValue)")]),
                    mine: s.scoredByViewer.map { t("assessment.list.mine", ["scored": String($0), "total": String(s.scenarioCount)]) } ?? "—")
            }, canCreate: canCreate, createAction: SiteURL.assessments(stateID).path, csrf: csrf,
            errors: FormErrors(
                t,
                failure,
                fields: [
                    FormField("title", "assessment.field.title", id: "title"), FormField("period", "assessment.field.period", id: "period"),
                    FormField("horizonYears", "assessment.field.horizon-years", id: "horizonYears"),
                    FormField("tlp", "assessment.field.tlp", id: "tlp"),
                ]),
            draftTitle: draft?.title ?? "", draftPeriod: draft?.period ?? "", draftHorizon: draft?.horizonYears ?? "2",
            tlps: TLP.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == (draft?.tlp ?? "AMBER")) },
            importAction: SiteURL.assessmentImport(stateID).path, importIntro: t("assessment.import.intro", ["limit": String(importLimit)]),
            importErrors: FormErrors(t, importFailure, fields: [FormField("file", "assessment.import.file", id: "import-file")], pathsAsWritten: true)
        )
    }
}
