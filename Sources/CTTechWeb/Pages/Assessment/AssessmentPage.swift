import CTTechCore
import Foundation

/// One assessment: its round, its scenarios, and the forms the user's role allows.
public struct AssessmentPage: WebPage {
    public static let template = "assessment"
    struct Row: Sendable, TemplateModel {
        let title: String
        let href: String
        let actor: String
        let technologies: String
        let purposes: String
        let scored: String
        /// "4 of 6" for those who run the rounds; empty otherwise.
        let submissions: String
    }

    public let layout: LayoutModel
    let title: String
    let period: String
    let horizon: Int
    /// "horizon 2 years · method 2026.1".
    let meta: String
    let status: String
    /// "Scoring round 1: open".
    let roundHeading: String
    let roundHelp: String
    let canManage: Bool
    /// What the facilitator may do with the round: close; reveal or reopen; open the next one.
    let roundMoves: [StatusMove]
    let roundAction: String
    let registerHref: String
    let scenarios: [Row]
    let showSubmissions: Bool
    let canWrite: Bool
    /// Those who write scenarios but do not run the assessment (assessors) get the form folded away, open after a refusal.
    let scenarioFormFolded: Bool
    let scenarioFormOpen: Bool
    /// What to do next here, for this viewer (issue 8, item 6).
    let nextStep: NextStep?
    let frozen: Bool
    let statusAction: String
    let statusActions: [StatusMove]
    let institutionsHref: String
    let scanHref: String
    let stepOne: String
    let stepTwo: String
    let stepThree: String
    let stepFour: String
    let snapshots: [SnapshotLink]
    let compareHref: String
    let canCompare: Bool
    let draftHorizon: String
    let scenarioAction: String
    let csrf: String
    let errors: FormErrors
    /// The scenario form's problems, field by field (beside each field).
    let fieldErrors: ScenarioFieldErrors
    /// "empty: the assessment's 2".
    let horizonHint: String
    let draftTitle: String
    let draftNarrative: String
    let draftSector: String
    let actorTypes: [Choice]
    let technologies: [Choice]
    let purposes: [Choice]

    struct ScenarioFieldErrors: Sendable, TemplateModel {
        let title: String?
        let narrative: String?
        let actorType: String?
        let technologies: String?
        let purposes: String?
        let targetSector: String?
        let horizonYears: String?
    }

    /// The scenario form's fields as its error summary links them.
    static let scenarioFields = [
        FormField("title", "assessment.field.title", id: "s-title"), FormField("narrative", "assessment.scenario.narrative", id: "s-narrative"),
        FormField("actorType", "assessment.scenario.actor-type", id: "s-actor"),
        FormField("technologies", "assessment.scenario.technologies", id: "s-technologies"),
        FormField("purposes", "assessment.scenario.purposes", id: "s-purposes"),
        FormField("targetSector", "assessment.scenario.target-sector", id: "s-sector"),
        FormField("horizonYears", "assessment.field.horizon-years", id: "s-horizon"),
    ]

    struct NextStep: Sendable, TemplateModel {
        let text: String
        let linkText: String
        let href: String
    }

    struct StatusMove: Sendable, TemplateModel {
        let to: String
        let label: String
    }

    struct SnapshotLink: Sendable, TemplateModel {
        let label: String
        let href: String
    }

    public static func make(
        layout: LayoutModel, assessment: Assessment, round: ScoringRound, scenarios: [ThreatScenario], scoredByMe: Set<String>,
        submissions: (counts: [String: Int], eligible: Int)? = nil, method: MethodVersion,
        snapshots: [Int], progress: AssessmentProgress, abilities: AssessmentAbilities, csrf: String, draft: ScenarioDraft? = nil,
        failure: ValidationFailure? = nil
    ) -> AssessmentPage {
        let t = layout.localizer
        let technologies = method.items(.technologies).count
        let activities = AssessmentActivity.allCases.count
        let frozen = abilities.frozen
        func label(_ move: Assessment.Status) -> String {
            switch move {
            case .inReview: t("assessment.move.review")
            case .approved: t("assessment.move.approve")
            case .draft: assessment.status == .approved ? t("assessment.move.reopen") : t("assessment.move.send-back")
            }
        }
        let errors = FormErrors(t, failure, fields: scenarioFields)
        let (s, a) = (assessment.stateID, assessment.id)
        let unscored = AssessmentStanding.nextUnscored(scenarios, scored: scoredByMe)
        let round1 = String(round.number)
        let nextStep: NextStep? =
            if frozen {
                nil
            } else if abilities.manage && progress.agencies == 0 {
                NextStep(text: t("assessment.next.agencies"), linkText: t("assessment.step1"), href: SiteURL.institutions(s, a).path)
            } else if abilities.write && scenarios.isEmpty {
                NextStep(text: t("assessment.next.no-scenario"), linkText: t("assessment.next.write-first"), href: "#add-scenario")
            } else if abilities.score && round.status == .open, let unscored {
                NextStep(
                    text: t("assessment.next.scored", count: scenarios.count, ["scored": String(scoredByMe.count), "round": round1]),
                    linkText: t("assessment.next.score-next", ["title": unscored.title]), href: SiteURL.scenario(s, a, scenario: unscored.id).path)
            } else if abilities.manage && round.status == .open && !scenarios.isEmpty {
                NextStep(text: t("assessment.next.round-open", ["round": round1]), linkText: t("assessment.next.round-link"), href: "#round")
            } else {
                nil
            }
        let actorNames = method.names(.actorTypes, in: t.language)
        let technologyNames = method.names(.technologies, in: t.language)
        let purposeNames = method.names(.purposes, in: t.language)
        let separator = t("assessment.separator")
        let help: String
        let moves: [StatusMove]
        switch round.status {
        case .open:
            help = t("assessment.round.help-open")
            moves = [StatusMove(to: "closed", label: t("assessment.round.close", ["round": round1]))]
        case .closed:
            help = t("assessment.round.help-closed")
            moves = [
                StatusMove(to: "revealed", label: t("assessment.round.reveal", ["round": round1])),
                StatusMove(to: "open", label: t("assessment.round.reopen", ["round": round1])),
            ]
        case .revealed:
            help = t("assessment.round.help-revealed")
            moves = [StatusMove(to: "open", label: t("assessment.round.open-next", ["round": String(round.number + 1)]))]
        }
        let roundStatus = t("assessment.round-status.\(round.status.rawValue)")
        return AssessmentPage(
            layout: layout, title: assessment.title, period: assessment.period, horizon: assessment.horizonYears,
            meta: t("assessment.meta", count: assessment.horizonYears, ["method": assessment.methodVersion]),
            status: t("assessment.status.\(assessment.status.rawValue)"),
            roundHeading: t("assessment.round.heading", ["round": round1, "status": roundStatus]),
            roundHelp: help, canManage: abilities.manage, roundMoves: frozen ? [] : moves,
            roundAction: SiteURL.assessmentRound(assessment.stateID, assessment.id).path,
            registerHref: SiteURL.register(assessment.stateID, assessment.id).path,
            scenarios: scenarios.map { s in
                Row(
                    title: s.title, href: SiteURL.scenario(assessment.stateID, assessment.id, scenario: s.id).path,
                    actor: actorNames[s.actorType] ?? s.actorType,
                    technologies: s.technologies.map { technologyNames[$0] ?? $0 }.joined(separator: separator),
                    purposes: s.purposes.map { purposeNames[$0] ?? $0 }.joined(separator: separator),
                    scored: scoredByMe.contains(s.id) ? t("assessment.scored") : "—",
                    submissions: submissions.map {
                        t("assessment.submissions", ["scored": String($0.counts[s.id] ?? 0), "eligible": String($0.eligible)])
                    } ?? "")
            }, showSubmissions: submissions != nil, canWrite: abilities.write, scenarioFormFolded: !abilities.manage,
            scenarioFormOpen: failure != nil || draft != nil, nextStep: nextStep, frozen: frozen,
            statusAction: SiteURL.status(assessment.stateID, assessment.id).path,
            statusActions: abilities.statusMoves.map { StatusMove(to: $0.rawValue, label: label($0)) },
            institutionsHref: SiteURL.institutions(assessment.stateID, assessment.id).path,
            scanHref: SiteURL.horizonScan(assessment.stateID, assessment.id).path,
            stepOne: t("assessment.progress.agencies", count: progress.agencies) + " · "
                + t("assessment.progress.activities", count: activities, ["assigned": String(progress.activitiesAssigned)]),
            stepTwo: t("assessment.progress.scanned", count: technologies, ["scanned": String(progress.technologiesScanned)]),
            stepThree: t("assessment.scenarios", count: progress.scenarios) + " · " + t("assessment.progress.evidence", count: progress.evidence)
                + " · " + t("assessment.progress.round", ["round": round1, "status": roundStatus]),
            stepFour: t("assessment.progress.other-risks", count: progress.otherRisks),
            snapshots: snapshots.map {
                SnapshotLink(
                    label: t("approval.snapshot-label", ["number": String($0)]),
                    href: SiteURL.snapshot(assessment.stateID, assessment.id, number: $0).path)
            },
            compareHref: SiteURL.compare(assessment.stateID, assessment.id).path, canCompare: snapshots.count >= 2,
            draftHorizon: draft?.horizonYears ?? "", scenarioAction: SiteURL.scenarios(assessment.stateID, assessment.id).path, csrf: csrf,
            errors: errors,
            fieldErrors: ScenarioFieldErrors(
                title: errors.message("title"), narrative: errors.message("narrative"), actorType: errors.message("actorType"),
                technologies: errors.message("technologies"), purposes: errors.message("purposes"), targetSector: errors.message("targetSector"),
                horizonYears: errors.message("horizonYears")),
            horizonHint: t("assessment.scenario.horizon-hint", ["years": String(assessment.horizonYears)]),
            draftTitle: draft?.title ?? "", draftNarrative: draft?.narrative ?? "",
            draftSector: draft?.targetSector ?? "",
            actorTypes: [Choice(value: "", label: t("assessment.choose"), selected: (draft?.actorType ?? "").isEmpty)]
                + method.items(.actorTypes).map { Choice(value: $0.code, label: $0.name(in: t.language), selected: $0.code == draft?.actorType) },
            technologies: method.items(.technologies).map {
                Choice(value: $0.code, label: $0.name(in: t.language), selected: draft?.technologies.contains($0.code) ?? false)
            },
            purposes: method.items(.purposes).map {
                Choice(value: $0.code, label: $0.name(in: t.language), selected: draft?.purposes.contains($0.code) ?? false)
            })
    }
}
