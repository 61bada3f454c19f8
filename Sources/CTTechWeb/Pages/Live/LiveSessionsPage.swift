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

    public let layout: LayoutModel
    let rows: [Row]
    let hasRows: Bool
    let canRun: Bool
    let action: String
    let csrf: String
    let settings: LiveSettingsFields

    public static func make(
        layout: LayoutModel, stateID: String, sessions: [LiveSession], assessments: [Assessment], canRun: Bool, csrf: String,
        submitted: [String: String]? = nil, failure: ValidationFailure? = nil
    ) -> LiveSessionsPage {
        let t = layout.localizer
        var values = submitted ?? ["anonymity": LiveAnonymity.pseudonymous.rawValue, "minimum-group": String(LiveSession.defaultMinimumGroupSize)]
        if submitted == nil, let latest = assessments.first { values["assessment"] = latest.id }
        return LiveSessionsPage(
            layout: layout,
            rows: sessions.map { session in
                Row(
                    title: session.title, href: SiteURL.liveSession(stateID, session: session.id).path, code: session.code,
                    status: t("live.status." + session.status.rawValue), anonymity: t("live.anonymity." + session.anonymity.rawValue),
                    created: t.date(session.createdAt), running: session.status == .running)
            }, hasRows: !sessions.isEmpty, canRun: canRun, action: SiteURL.liveSessions(stateID).path, csrf: csrf,
            settings: .make(values: values, assessments: assessments, failure: failure, fixed: false, t))
    }
}
