import CTTechCore
import Foundation

/// A partner state's home page.
public struct StatePage: WebPage {
    public static let template = "state"
    public let layout: LayoutModel
    let name: String
    let code: String
    let region: String
    let tlpLabel: String
    let tlpClass: String
    /// Nil when empty: the template says there is none (an empty string counts as present in Mustache).
    let profile: String?
    let roles: [String]
    let canEdit: Bool
    let editHref: String
    let canAudit: Bool
    let auditHref: String
    /// What the viewer can do next in each assessment (those who may see assessments).
    let work: [WorkRow]
    let seesAssessments: Bool
    let assessmentsHref: String
    /// Progress without content (donors and others who follow the state without seeing its assessments).
    let progress: [ProgressRow]
    /// What the viewer can do next with the state's policy responses (those who may see them).
    let policy: [PolicyLine]
    let seesResponses: Bool
    let responsesHref: String
    let policySummary: String
    /// What awaits the viewer on the roadmap (reviewers and focal points), with the first item concerned.
    let roadmap: [PolicyLine]
    let roadmapHref: String

    struct PolicyLine: Sendable, TemplateModel {
        let text: String
        let title: String?
        let href: String?
    }

    struct WorkRow: Sendable, TemplateModel {
        let title: String
        let href: String
        let status: String
        let summary: String
        let nextTitle: String?
        let nextHref: String?
    }

    struct ProgressRow: Sendable, TemplateModel {
        /// "Assessment 2 · <period>", the period isolated as typed.
        let label: NamedSentence
        let status: String
        let steps: String
    }

    public static func make(
        layout: LayoutModel, state: PartnerState, identity: Identity, standings: [AssessmentStanding] = [],
        progress: [(AssessmentStanding, AssessmentProgress)] = [], technologies: Int = 0, policy: PolicyStanding? = nil,
        roadmap: RoadmapStanding? = nil
    ) -> StatePage {
        let t = layout.localizer
        let activities = AssessmentActivity.allCases.count
        var lines: [PolicyLine] = []
        if let policy {
            let items: [(PolicyStanding.Item, String)] = [
                (policy.toReview, "state.policy.to-review"), (policy.toApprove, "state.policy.to-approve"), (policy.blocked, "state.policy.blocked"),
            ]
            for (item, key) in items where item.count > 0 {
                lines.append(
                    PolicyLine(
                        text: t(key, count: item.count), title: item.first?.title,
                        href: item.first.map { SiteURL.response(state.id, response: $0.id).path }))
            }
        }
        var roadmapLines: [PolicyLine] = []
        if let roadmap {
            for (item, key) in [(roadmap.toReview, "state.roadmap.to-review"), (roadmap.toApprove, "state.roadmap.to-approve")] where item.count > 0 {
                roadmapLines.append(
                    PolicyLine(
                        text: t(key, count: item.count), title: item.first?.title,
                        href: item.first.map { SiteURL.roadmapItem(state.id, item: $0.id).path }))
            }
        }
        return StatePage(
            layout: layout, name: state.name, code: state.code, region: t("region.\(state.region.rawValue)"), tlpLabel: state.defaultTLP.label,
            tlpClass: state.defaultTLP.cssClass, profile: state.profile.isEmpty ? nil : state.profile,
            roles: identity.roles(inState: state.id).map { t("role.\($0.rawValue)") }.sorted(),
            canEdit: Authorizer.allows(identity, state: state.id, .editStateProfile), editHref: SiteURL.stateEdit(state.id).path,
            canAudit: Authorizer.allows(identity, state: state.id, .readStateAudit), auditHref: SiteURL.stateAudit(state.id).path,
            work: standings.map { s in
                WorkRow(
                    title: s.assessment.title, href: SiteURL.assessment(state.id, s.assessment.id).path,
                    status: t("state.assessment-status.\(s.assessment.status.rawValue)"), summary: summary(of: s, t),
                    nextTitle: s.nextUnscored?.title,
                    nextHref: s.nextUnscored.map { SiteURL.scenario(state.id, s.assessment.id, scenario: $0.id).path })
            },
            seesAssessments: Authorizer.allows(identity, state: state.id, .viewAssessment), assessmentsHref: SiteURL.assessments(state.id).path,
            progress: progress.enumerated().map { index, item in
                let (s, p) = item
                let done = [
                    p.agencies > 0 && p.activitiesAssigned == activities ? "state.progress.step1" : nil,
                    technologies > 0 && p.technologiesScanned >= technologies ? "state.progress.step2" : nil,
                    s.round.number > 1 || s.round.status == .revealed ? "state.progress.step3" : nil,
                    s.assessment.status == .approved ? "state.progress.step4" : nil,
                ].compactMap { $0 }.map { t($0) }
                return ProgressRow(
                    label: NamedSentence(
                        t, "state.progress.row", placeholder: "period", name: s.assessment.period, ["number": String(progress.count - index)]),
                    status: t("state.assessment-status.\(s.assessment.status.rawValue)"),
                    steps: done.isEmpty ? t("state.progress.none") : done.joined(separator: " · "))
            }, policy: lines, seesResponses: policy != nil, responsesHref: SiteURL.responses(state.id).path,
            policySummary: policy.map { t("state.policy.summary", count: $0.total, ["approved": String($0.approved)]) } ?? "",
            roadmap: roadmapLines, roadmapHref: SiteURL.roadmap(state.id).path)
    }

    /// Where the round stands, and the viewer's own progress when they score: "Round 3 open · you 2/12".
    static func summary(of standing: AssessmentStanding, _ t: Localizer) -> String {
        var text = t("state.work.round.\(standing.round.status.rawValue)", ["number": String(standing.round.number)])
        if let scored = standing.scoredByViewer {
            text += " · " + t("state.work.own-progress", ["scored": String(scored), "total": String(standing.scenarioCount)])
        }
        return text
    }
}
