import CTTechCore
import Foundation

/// Issue 12: the projector's view — the join code and QR code in large, how many are in and how many have answered the
/// round, and, once the facilitator reveals it, the round's results. Counts only before the reveal.
public struct LivePresenterPage: WebPage {
    public static let template = "live-presenter"

    public let layout: LayoutModel
    let title: String
    let code: String
    let joinURL: String
    let qrSVG: String
    let people: String
    let waiting: String?
    let activity: String?
    let roundState: String?
    let answered: String?
    let round: LiveRoundView?
    let backHref: String
    let eventsHref: String
    /// What the script says when something changed while a form is being filled in.
    let changed: String

    /// `current`: the activity whose round is running or was revealed last, with its latest round and the results of
    /// that round when revealed.
    public static func make(
        layout: LayoutModel, session: LiveSession, joinURL: String, participants: [LiveParticipant],
        current: (activity: LiveActivity, round: LiveRound, results: LiveResults?)?, answered: Int, csrf: String, lastEvent: Int64 = 0
    ) -> LivePresenterPage {
        let t = layout.localizer
        let admitted = participants.filter { $0.status == .admitted }.count
        let waiting = participants.filter { $0.status == .waiting }.count
        var projected = layout
        projected.presenting = true
        return LivePresenterPage(
            layout: projected, title: session.title, code: session.code, joinURL: joinURL,
            qrSVG: (try? QRCode(text: joinURL)).map { QRCodeSVG.svg($0, label: t("live.qr-label", ["url": joinURL]), moduleSize: 10) } ?? "",
            people: t("live.admitted-count", count: admitted), waiting: waiting > 0 ? t("live.waiting-count", count: waiting) : nil,
            activity: current?.activity.title,
            roundState: current.map {
                t("live.round.state", ["round": String($0.round.number), "status": t("live.round-status." + $0.round.status.rawValue)])
            },
            answered: current.map { _ in t("live.answered", count: answered, ["admitted": String(admitted)]) },
            round: current.flatMap { current in
                current.results.map { LiveRoundView.make($0, activity: current.activity, session: session, participants: participants, t: t) }
            }, backHref: SiteURL.liveSession(session.stateID, session: session.id).path,
            eventsHref: SiteURL.liveEvents(session.stateID, session: session.id).path + "?after=\(lastEvent)", changed: t("live.changed"))
    }
}
