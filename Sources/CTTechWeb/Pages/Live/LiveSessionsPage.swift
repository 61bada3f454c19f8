import CTTechCore
import Foundation

/// Issue 12: a state's live workshop sessions, and (for those who run them) the form that opens a new one.
public struct LiveSessionsPage: WebPage {
    public static let template = "live-sessions"

    struct Row: Sendable, TemplateModel {
        let title: String
        let href: String
        let code: String
        let status: String
        let anonymity: String
        let created: String
        let running: Bool
    }

    struct Check: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let checked: Bool
    }

    public let layout: LayoutModel
    let rows: [Row]
    let hasRows: Bool
    let canRun: Bool
    let action: String
    let csrf: String
    let errors: FormErrors
    let values: [String: String]
    let assessments: [Choice]
    let anonymity: [Choice]
    let attributes: [Check]
    let titleError: String?
    let assessmentError: String?
    let anonymityError: String?
    let minimumError: String?

    static let fields = [
        FormField("title", "live.field.title", id: "l-title"), FormField("assessment", "live.field.assessment", id: "l-assessment"),
        FormField("anonymity", "live.field.anonymity", id: "l-anonymity"), FormField("minimum-group", "live.field.minimum-group", id: "l-minimum"),
    ]

    public static func make(
        layout: LayoutModel, stateID: String, sessions: [LiveSession], assessments: [Assessment], canRun: Bool, csrf: String,
        submitted: [String: String]? = nil, failure: ValidationFailure? = nil
    ) -> LiveSessionsPage {
        let t = layout.localizer
        var values = submitted ?? ["anonymity": LiveAnonymity.pseudonymous.rawValue, "minimum-group": String(LiveSession.defaultMinimumGroupSize)]
        if submitted == nil, let latest = assessments.first { values["assessment"] = latest.id }
        let errors = FormErrors(t, failure, fields: fields)
        let chosenAssessment = values["assessment"] ?? ""
        return LiveSessionsPage(
            layout: layout,
            rows: sessions.map { session in
                Row(
                    title: session.title, href: SiteURL.liveSession(stateID, session: session.id).path, code: session.code,
                    status: t("live.status." + session.status.rawValue), anonymity: t("live.anonymity." + session.anonymity.rawValue),
                    created: t.date(session.createdAt), running: session.status == .running)
            }, hasRows: !sessions.isEmpty, canRun: canRun, action: SiteURL.liveSessions(stateID).path, csrf: csrf, errors: errors, values: values,
            assessments: [Choice(value: "", label: t("live.form.no-assessment"), selected: chosenAssessment.isEmpty)]
                + assessments.map { Choice(value: $0.id, label: $0.title, selected: $0.id == chosenAssessment) },
            anonymity: LiveAnonymity.allCases.map {
                Choice(
                    value: $0.rawValue, label: t("live.anonymity." + $0.rawValue) + " — " + t("live.anonymity-hint." + $0.rawValue),
                    selected: values["anonymity"] == $0.rawValue)
            },
            attributes: LiveAttribute.allCases.map {
                Check(
                    id: "l-attribute-" + $0.rawValue, name: "attribute." + $0.rawValue, label: t("live.attribute." + $0.rawValue),
                    checked: values["attribute." + $0.rawValue] == "on")
            }, titleError: errors.message("title"), assessmentError: errors.message("assessment"), anonymityError: errors.message("anonymity"),
            minimumError: errors.message("minimum-group"))
    }
}
