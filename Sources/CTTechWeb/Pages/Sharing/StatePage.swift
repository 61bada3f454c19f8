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

    struct WorkRow: Sendable {
        let title: String
        let href: String
        let status: String
        let summary: String
        let nextTitle: String?
        let nextHref: String?
    }

    struct ProgressRow: Sendable {
        let label: String
        let status: String
        let steps: String
    }

    public static func make(
        layout: LayoutModel, state: PartnerState, identity: Identity, standings: [AssessmentStanding] = [],
        progress: [(AssessmentStanding, AssessmentProgress)] = [], technologies: Int = 0
    ) -> StatePage {
        let activities = AssessmentActivity.allCases.count
        return StatePage(
            layout: layout, name: state.name, code: state.code, region: state.region.title, tlpLabel: state.defaultTLP.label,
            tlpClass: state.defaultTLP.cssClass, profile: state.profile.isEmpty ? nil : state.profile,
            roles: identity.roles(inState: state.id).map(\.title).sorted(),
            canEdit: Authorizer.allows(identity, state: state.id, .editStateProfile), editHref: SiteURL.stateEdit(state.id).path,
            canAudit: Authorizer.allows(identity, state: state.id, .readStateAudit), auditHref: SiteURL.stateAudit(state.id).path,
            work: standings.map { s in
                WorkRow(
                    title: s.assessment.title, href: SiteURL.assessment(state.id, s.assessment.id).path, status: s.assessment.status.label,
                    summary: s.summary, nextTitle: s.nextUnscored?.title,
                    nextHref: s.nextUnscored.map { SiteURL.scenario(state.id, s.assessment.id, scenario: $0.id).path })
            },
            seesAssessments: Authorizer.allows(identity, state: state.id, .viewAssessment), assessmentsHref: SiteURL.assessments(state.id).path,
            progress: progress.enumerated().map { index, item in
                let (s, p) = item
                let done = [
                    p.agencies > 0 && p.activitiesAssigned == activities ? "1 roles and structures" : nil,
                    technologies > 0 && p.technologiesScanned >= technologies ? "2 horizon scan" : nil,
                    s.round.number > 1 || s.round.status == .revealed ? "3 scenarios scored and revealed" : nil,
                    s.assessment.status == .approved ? "4 register approved" : nil,
                ].compactMap { $0 }
                return ProgressRow(
                    label: "Assessment \(progress.count - index) · \(s.assessment.period)", status: s.assessment.status.label,
                    steps: done.isEmpty ? "none yet" : done.joined(separator: " · "))
            })
    }
}
