import CTTechCore
import Foundation

/// Issue 12: the results of one activity of a live session, every revealed round (rounds not yet revealed show nothing
/// but that they exist). On an idea board the facilitator hides, shows and merges ideas here.
public struct LiveResultsPage: WebPage {
    public static let template = "live-results"

    struct IdeaControl: Sendable, TemplateModel {
        let text: String
        let status: String
        let action: String
        let hidden: Bool
        let votable: Bool
        let mergeID: String
        let targets: [Choice]
        let hasTargets: Bool
        /// The assessment's scenario form, filled from the idea (when the session is about an assessment and the viewer
        /// writes scenarios).
        let scenarioHref: String?
    }

    /// A revealed round of a scoring or ranking activity, and whether it is already workshop input to the assessment.
    struct FeedRound: Sendable, TemplateModel {
        let round: Int
        let label: String
        /// "Added to round 2 on 2 December: 14 scores" when it was.
        let added: String?
        let button: String
    }

    public let layout: LayoutModel
    let title: String
    let kind: String
    let backHref: String
    let rounds: [LiveRoundView]
    let hasRounds: Bool
    let pending: String?
    let ideas: [IdeaControl]
    let hasIdeas: Bool
    /// The board's votes are revealed: its ideas are listed with their status, without moderation forms.
    let moderationLocked: Bool
    let canRun: Bool
    let csrf: String
    /// Workshop input (issue 12): where the facilitator adds a revealed round to the assessment's open round.
    let feedAction: String?
    let feedRounds: [FeedRound]
    let hasFeed: Bool
    /// Why nothing can be added now (the assessment's round is not open), if so, and where to open it.
    let feedBlocked: String?
    let feedAssessmentHref: String?
    let eventsHref: String
    /// What the script says when something changed while a form is being filled in.
    let changed: String

    public static func make(
        layout: LayoutModel, session: LiveSession, activity: LiveActivity, results: [LiveResults], rounds: [LiveRound],
        participants: [LiveParticipant],
        ideas: [LiveIdea], canRun: Bool, csrf: String, lastEvent: Int64 = 0, canWriteScenario: Bool = false,
        feed: (assessmentRound: ScoringRound?, sources: [WorkshopSource])? = nil
    ) -> LiveResultsPage {
        let t = layout.localizer
        // The assessment's round the input would go to, when it is open.
        let openRound = feed?.assessmentRound.flatMap { $0.status == .open ? $0.number : nil }
        let feedRounds: [FeedRound] =
            feed == nil || !canRun
            ? []
            : results.map(\.round).reversed().map { round in
                let label = WorkshopInput.label(session: session, activity: activity, liveRound: round)
                let added = feed?.sources.last { $0.source == activity.id && $0.label == label }
                return FeedRound(
                    round: round, label: t("live.feed.round", ["round": String(round)]),
                    added: added.map {
                        t(
                            "live.feed.added",
                            [
                                "round": String($0.round), "date": t.date($0.addedAt), "scores": String($0.scores),
                                "rankings": String($0.rankings),
                            ])
                    },
                    button: t("live.feed.add", ["round": String(openRound ?? 0)]))
            }
        let unrevealed = rounds.filter { $0.activityID == activity.id && $0.status != .revealed }.map(\.number)
        let votable = ideas.filter(\.isVotable)
        return LiveResultsPage(
            layout: layout, title: activity.title, kind: t("live.kind." + activity.kind.rawValue),
            backHref: SiteURL.liveSession(session.stateID, session: session.id).path,
            rounds: results.reversed().map { LiveRoundView.make($0, activity: activity, session: session, participants: participants, t: t) },
            hasRounds: !results.isEmpty, pending: unrevealed.first.map { t("live.results.pending", ["round": String($0)]) },
            ideas: canRun
                ? ideas.map { idea in
                    IdeaControl(
                        text: idea.text,
                        status: idea.hidden ? t("live.ideas.hidden") : idea.mergedInto != nil ? t("live.ideas.is-merged") : t("live.ideas.shown"),
                        action: SiteURL.liveIdea(session.stateID, session: session.id, activity: activity.id, idea: idea.id).path,
                        hidden: idea.hidden,
                        votable: idea.isVotable, mergeID: "merge-" + idea.id,
                        targets: votable.filter { $0.id != idea.id }.map { Choice(value: $0.id, label: $0.text) },
                        hasTargets: idea.isVotable && votable.count > 1,
                        scenarioHref: session.assessmentID.flatMap { assessmentID in
                            guard canWriteScenario, idea.isVotable else { return nil }
                            let text = idea.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                            return SiteURL.assessment(session.stateID, assessmentID).path + "?from-idea=" + text + "#add-scenario"
                        })
                } : [], hasIdeas: canRun && !ideas.isEmpty,
            moderationLocked: rounds.contains { $0.activityID == activity.id && $0.number >= 2 && $0.status == .revealed }, canRun: canRun,
            csrf: csrf,
            feedAction: openRound == nil || feedRounds.isEmpty
                ? nil : SiteURL.liveFeed(session.stateID, session: session.id, activity: activity.id).path,
            feedRounds: feedRounds, hasFeed: !feedRounds.isEmpty,
            feedBlocked: !feedRounds.isEmpty && openRound == nil ? t("live.feed.blocked") : nil,
            feedAssessmentHref: session.assessmentID.map { SiteURL.assessment(session.stateID, $0).path + "#round" },
            eventsHref: SiteURL.liveEvents(session.stateID, session: session.id).path + "?after=\(lastEvent)", changed: t("live.changed"))
    }
}
