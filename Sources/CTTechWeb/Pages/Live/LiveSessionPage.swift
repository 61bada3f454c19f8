import CTTechCore
import Foundation

/// Issue 12: the facilitator's control room for one live session — the join code and QR code, the lobby to admit people
/// from, the activities with their rounds (open, close, reveal) and how many have answered, the settings, and the form
/// that adds an activity.
public struct LiveSessionPage: WebPage {
    public static let template = "live-session"

    struct Person: Sendable, TemplateModel {
        let id: String
        let fieldID: String
        let label: String
        let checkCode: String
        let joined: String
    }

    struct RoundAction: Sendable, TemplateModel {
        let to: String
        let label: String
        /// Revealing cannot be undone: the button sits in a confirmation disclosure.
        let confirm: Bool
        let confirmText: String
    }

    struct ActivityRow: Sendable, TemplateModel {
        let title: String
        let kind: String
        let items: String
        let state: String
        let answered: String?
        let action: String
        let actions: [RoundAction]
        let hasActions: Bool
        let resultsHref: String?
    }

    struct Check: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let checked: Bool
    }

    public let layout: LayoutModel
    let title: String
    let code: String
    let joinURL: String
    let qrSVG: String
    let status: String
    let anonymity: String
    let anonymityHint: String
    let attributes: String
    let isSetup: Bool
    let isRunning: Bool
    let isEnded: Bool
    let canRun: Bool
    let csrf: String
    let version: Int
    let statusAction: String
    let presenterHref: String
    let exportCSV: String
    let exportJSON: String
    let eventsHref: String
    /// What the script says when something changed while a form is being filled in.
    let changed: String
    let waiting: [Person]
    let hasWaiting: Bool
    let admittedCount: String
    let lobbyAction: String
    let activities: [ActivityRow]
    let hasActivities: Bool
    let activityAction: String
    let kinds: [Choice]
    let scenarios: [Check]
    let hasScenarios: Bool
    let errors: FormErrors
    let values: [String: String]
    let kindError: String?
    let titleError: String?
    let itemsError: String?
    let limitError: String?
    let refusal: String?
    /// The settings form (for those who run the session, until it ends); open when it was refused.
    let settings: LiveSettingsFields?
    let settingsAction: String
    let settingsOpen: Bool

    static let fields = [
        FormField("kind", "live.activity.kind", id: "a-kind"), FormField("title", "live.activity.title", id: "a-title"),
        FormField("items", "live.activity.items", id: "a-items"), FormField("limit", "live.activity.limit", id: "a-limit"),
    ]

    /// - Parameters:
    ///   - counts: activity id → round → participants who answered.
    ///   - scenarios: the assessment's scenarios (id, title), for scenario activities.
    ///   - refusal: a rule's explanation to show at the top (a round that cannot open, a start refused).
    public static func make(
        layout: LayoutModel, session: LiveSession, joinURL: String, participants: [LiveParticipant], activities: [LiveActivity], rounds: [LiveRound],
        counts: [String: [Int: Int]], scenarios: [(id: String, title: String)], canRun: Bool, csrf: String, lastEvent: Int64 = 0,
        submitted: [String: String]? = nil,
        failure: ValidationFailure? = nil, refusal: String? = nil, assessments: [Assessment] = [], settingsSubmitted: [String: String]? = nil,
        settingsFailure: ValidationFailure? = nil
    ) -> LiveSessionPage {
        let t = layout.localizer
        let stateID = session.stateID
        let values = submitted ?? ["kind": LiveActivity.Kind.scoring.rawValue]
        let errors = FormErrors(t, failure, fields: fields)
        let admitted = participants.filter { $0.status == .admitted }.count
        let waiting = participants.filter { $0.status == .waiting }
        let qr = (try? QRCode(text: joinURL)).map { QRCodeSVG.svg($0, label: t("live.qr-label", ["url": joinURL])) } ?? ""
        let rows = activities.map { activity -> ActivityRow in
            let own = rounds.filter { $0.activityID == activity.id }.sorted { $0.number < $1.number }
            let latest = own.last
            var actions: [RoundAction] = []
            if canRun && session.status == .running {
                switch latest?.status {
                case nil:
                    actions = [RoundAction(to: "open", label: t("live.round.open-first"), confirm: false, confirmText: "")]
                case .open?:
                    actions = [
                        RoundAction(
                            to: "closed", label: t("live.round.close", ["round": String(latest?.number ?? 1)]), confirm: false, confirmText: "")
                    ]
                case .closed?:
                    actions = [
                        RoundAction(
                            to: "revealed", label: t("live.round.reveal", ["round": String(latest?.number ?? 1)]), confirm: true,
                            confirmText: t("live.round.reveal-confirm"))
                    ]
                case .revealed?:
                    if (latest?.number ?? 0) < activity.kind.maximumRounds {
                        actions = [
                            RoundAction(
                                to: "open", label: t("live.round.open-next", ["round": String((latest?.number ?? 0) + 1)]), confirm: false,
                                confirmText: "")
                        ]
                    }
                }
            }
            let state =
                latest.map { t("live.round.state", ["round": String($0.number), "status": t("live.round-status." + $0.status.rawValue)]) }
                ?? t("live.round.none")
            let answered = latest.map { round in
                t("live.answered", count: counts[activity.id]?[round.number] ?? 0, ["admitted": String(admitted)])
            }
            return ActivityRow(
                title: activity.title, kind: t("live.kind." + activity.kind.rawValue),
                items: activity.kind == .ideas ? "" : t("live.items-count", count: activity.items.count), state: state, answered: answered,
                action: SiteURL.liveRound(stateID, session: session.id, activity: activity.id).path, actions: actions, hasActions: !actions.isEmpty,
                resultsHref: own.contains { $0.status == .revealed } || (activity.kind == .ideas && !own.isEmpty)
                    ? SiteURL.liveResults(stateID, session: session.id, activity: activity.id).path : nil)
        }
        return LiveSessionPage(
            layout: layout, title: session.title, code: session.code, joinURL: joinURL, qrSVG: qr,
            status: t("live.status." + session.status.rawValue),
            anonymity: t("live.anonymity." + session.anonymity.rawValue), anonymityHint: t("live.anonymity-hint." + session.anonymity.rawValue),
            attributes: session.askedAttributes.isEmpty
                ? t("live.attributes-none") : session.askedAttributes.map { t("live.attribute." + $0.rawValue) }.joined(separator: ", "),
            isSetup: session.status == .setup, isRunning: session.status == .running, isEnded: session.status == .ended, canRun: canRun, csrf: csrf,
            version: session.version, statusAction: SiteURL.liveStatus(stateID, session: session.id).path,
            presenterHref: SiteURL.livePresenter(stateID, session: session.id).path,
            exportCSV: SiteURL.liveExport(stateID, session: session.id, format: .csv).path,
            exportJSON: SiteURL.liveExport(stateID, session: session.id, format: .json).path,
            eventsHref: SiteURL.liveEvents(stateID, session: session.id).path + "?after=\(lastEvent)", changed: t("live.changed"),
            waiting: waiting.map { participant in
                Person(
                    id: participant.id, fieldID: "p-" + participant.id, label: LiveWords.participant(participant, in: session, t),
                    checkCode: participant.checkCode, joined: t.date(participant.joinedAt))
            }, hasWaiting: !waiting.isEmpty, admittedCount: t("live.admitted-count", count: admitted),
            lobbyAction: SiteURL.liveLobby(stateID, session: session.id).path, activities: rows, hasActivities: !rows.isEmpty,
            activityAction: SiteURL.liveActivities(stateID, session: session.id).path,
            kinds: LiveActivity.Kind.allCases.filter { session.assessmentID != nil || !$0.usesScenarios }.map {
                Choice(value: $0.rawValue, label: t("live.kind." + $0.rawValue), selected: values["kind"] == $0.rawValue)
            },
            scenarios: scenarios.map {
                Check(id: "a-scenario-" + $0.id, name: "scenario." + $0.id, label: $0.title, checked: values["scenario." + $0.id] == "on")
            },
            hasScenarios: !scenarios.isEmpty, errors: errors, values: values, kindError: errors.message("kind"), titleError: errors.message("title"),
            itemsError: errors.message("items"), limitError: errors.message("limit"), refusal: refusal,
            settings: canRun && session.status != .ended
                ? .make(
                    values: settingsSubmitted ?? LiveSettingsFields.values(of: session), assessments: assessments, failure: settingsFailure,
                    fixed: session.status != .setup, t) : nil,
            settingsAction: SiteURL.liveSettings(stateID, session: session.id).path, settingsOpen: settingsFailure != nil)
    }
}
