import CTTechCore
import Foundation

/// One assessment: its round, its scenarios, and the forms the user's role allows.
public struct AssessmentPage: WebPage {
    public static let template = "assessment"
    struct Row: Sendable {
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
    let horizonText: String
    let methodVersion: String
    let status: String
    let roundNumber: Int
    let roundStatus: String
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
    let draftTitle: String
    let draftNarrative: String
    let draftSector: String
    let actorTypes: [Choice]
    let technologies: [Choice]
    let purposes: [Choice]

    struct ScenarioFieldErrors: Sendable {
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
        FormField("title", "Title", id: "s-title"), FormField("narrative", "Narrative", id: "s-narrative"),
        FormField("actorType", "Actor type", id: "s-actor"), FormField("technologies", "Technologies", id: "s-technologies"),
        FormField("purposes", "Purposes", id: "s-purposes"), FormField("targetSector", "Target sector", id: "s-sector"),
        FormField("horizonYears", "Horizon in years", id: "s-horizon"),
    ]

    struct NextStep: Sendable {
        let text: String
        let linkText: String
        let href: String
    }

    struct StatusMove: Sendable {
        let to: String
        let label: String
    }

    struct SnapshotLink: Sendable {
        let label: String
        let href: String
    }

    public static func make(
        layout: LayoutModel, assessment: Assessment, round: ScoringRound, scenarios: [ThreatScenario], scoredByMe: Set<String>,
        submissions: (counts: [String: Int], eligible: Int)? = nil, method: MethodVersion,
        snapshots: [Int], progress: AssessmentProgress, abilities: AssessmentAbilities, csrf: String, draft: ScenarioDraft? = nil,
        failure: ValidationFailure? = nil
    ) -> AssessmentPage {
        let technologies = method.items(.technologies).count
        let activities = AssessmentActivity.allCases.count
        let frozen = abilities.frozen
        func label(_ move: Assessment.Status) -> String {
            switch move {
            case .inReview: "Submit for review"
            case .approved: "Approve and freeze a snapshot"
            case .draft: assessment.status == .approved ? "Reopen as draft (the snapshot stays)" : "Send back to draft"
            }
        }
        let errors = FormErrors(layout.localizer, failure, fields: scenarioFields)
        let (s, a) = (assessment.stateID, assessment.id)
        let unscored = AssessmentStanding.nextUnscored(scenarios, scored: scoredByMe)
        let nextStep: NextStep? =
            if frozen {
                nil
            } else if abilities.manage && progress.agencies == 0 {
                NextStep(
                    text: "Start with step 1: the agencies involved and who is responsible for what.", linkText: "Step 1 · Roles and structures",
                    href: SiteURL.institutions(s, a).path)
            } else if abilities.write && scenarios.isEmpty {
                NextStep(text: "No threat scenario yet.", linkText: "Write the first scenario", href: "#add-scenario")
            } else if abilities.score && round.status == .open, let unscored {
                NextStep(
                    text: "You have scored \(scoredByMe.count) of \(scenarios.count) scenarios in round \(round.number).",
                    linkText: "Score next: \(unscored.title)", href: SiteURL.scenario(s, a, scenario: unscored.id).path)
            } else if abilities.manage && round.status == .open && !scenarios.isEmpty {
                NextStep(
                    text: "Round \(round.number) is open. When the assessors have scored, close it below.", linkText: "Scoring round",
                    href: "#round")
            } else {
                nil
            }
        let actorNames = method.names(.actorTypes)
        let technologyNames = method.names(.technologies)
        let purposeNames = method.names(.purposes)
        let help: String
        let moves: [StatusMove]
        switch round.status {
        case .open:
            help = "Assessors score privately; nobody sees anyone else's scores."
            moves = [StatusMove(to: "closed", label: "Close round \(round.number)…")]
        case .closed:
            help =
                "Scoring is closed. Reveal the round to show everyone the spread and the anonymised rationales, or reopen it if "
                + "assessors still need to score."
            moves = [
                StatusMove(to: "revealed", label: "Reveal round \(round.number)…"),
                StatusMove(to: "open", label: "Reopen round \(round.number) for scoring"),
            ]
        case .revealed:
            help = "Spread and rationales are visible to all participants. Discuss, then open the next round to score again."
            moves = [StatusMove(to: "open", label: "Open round \(round.number + 1)")]
        }
        return AssessmentPage(
            layout: layout, title: assessment.title, period: assessment.period, horizon: assessment.horizonYears,
            horizonText: years(assessment.horizonYears),
            methodVersion: assessment.methodVersion, status: assessment.status.label, roundNumber: round.number,
            roundStatus: round.status.rawValue,
            roundHelp: help, canManage: abilities.manage, roundMoves: frozen ? [] : moves,
            roundAction: SiteURL.assessmentRound(assessment.stateID, assessment.id).path,
            registerHref: SiteURL.register(assessment.stateID, assessment.id).path,
            scenarios: scenarios.map { s in
                Row(
                    title: s.title, href: SiteURL.scenario(assessment.stateID, assessment.id, scenario: s.id).path,
                    actor: actorNames[s.actorType] ?? s.actorType,
                    technologies: s.technologies.map { technologyNames[$0] ?? $0 }.joined(separator: ", "),
                    purposes: s.purposes.map { purposeNames[$0] ?? $0 }.joined(separator: ", "), scored: scoredByMe.contains(s.id) ? "scored" : "—",
                    submissions: submissions.map { "\($0.counts[s.id] ?? 0) of \($0.eligible)" } ?? "")
            }, showSubmissions: submissions != nil, canWrite: abilities.write, scenarioFormFolded: !abilities.manage,
            scenarioFormOpen: failure != nil, nextStep: nextStep, frozen: frozen,
            statusAction: SiteURL.status(assessment.stateID, assessment.id).path,
            statusActions: abilities.statusMoves.map { StatusMove(to: $0.rawValue, label: label($0)) },
            institutionsHref: SiteURL.institutions(assessment.stateID, assessment.id).path,
            scanHref: SiteURL.horizonScan(assessment.stateID, assessment.id).path,
            stepOne:
                "\(counted(progress.agencies, "agency", "agencies")) · \(progress.activitiesAssigned) of \(activities) activities with an accountable agency",
            stepTwo: "\(progress.technologiesScanned) of \(technologies) technologies scanned",
            stepThree:
                "\(counted(progress.scenarios, "scenario", "scenarios")) · \(counted(progress.evidence, "evidence item", "evidence items")) · round \(round.number) \(round.status.rawValue)",
            stepFour: counted(progress.otherRisks, "other national risk", "other national risks"),
            snapshots: snapshots.map {
                SnapshotLink(label: "Snapshot \($0)", href: SiteURL.snapshot(assessment.stateID, assessment.id, number: $0).path)
            },
            compareHref: SiteURL.compare(assessment.stateID, assessment.id).path, canCompare: snapshots.count >= 2,
            draftHorizon: draft?.horizonYears ?? "", scenarioAction: SiteURL.scenarios(assessment.stateID, assessment.id).path, csrf: csrf,
            errors: errors,
            fieldErrors: ScenarioFieldErrors(
                title: errors.message("title"), narrative: errors.message("narrative"), actorType: errors.message("actorType"),
                technologies: errors.message("technologies"), purposes: errors.message("purposes"), targetSector: errors.message("targetSector"),
                horizonYears: errors.message("horizonYears")),
            draftTitle: draft?.title ?? "", draftNarrative: draft?.narrative ?? "",
            draftSector: draft?.targetSector ?? "",
            actorTypes: [Choice(value: "", label: "choose…", selected: (draft?.actorType ?? "").isEmpty)]
                + method.items(.actorTypes).map { Choice(value: $0.code, label: $0.name, selected: $0.code == draft?.actorType) },
            technologies: method.items(.technologies).map {
                Choice(value: $0.code, label: $0.name, selected: draft?.technologies.contains($0.code) ?? false)
            },
            purposes: method.items(.purposes).map { Choice(value: $0.code, label: $0.name, selected: draft?.purposes.contains($0.code) ?? false) })
    }
}
