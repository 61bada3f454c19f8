import CTTechCore
import Foundation

/// A state's assessments and, for those who may, the form to open one.
public struct AssessmentsPage: WebPage {
    public static let template = "assessments"
    struct Row: Sendable {
        let title: String
        let period: String
        let horizon: Int
        let status: String
        let href: String
        let tlpLabel: String
        let tlpClass: String
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
    let importLimit: Int
    let importErrors: FormErrors

    public static func make(
        layout: LayoutModel, stateID: String, assessments: [Assessment], canCreate: Bool, csrf: String, draft: AssessmentDraft? = nil,
        failure: ValidationFailure? = nil, importFailure: ValidationFailure? = nil
    ) -> AssessmentsPage {
        AssessmentsPage(
            layout: layout,
            assessments: assessments.map {
                Row(
                    title: $0.title, period: $0.period, horizon: $0.horizonYears, status: $0.status.label,
                    href: SiteURL.assessment(stateID, $0.id),
                    tlpLabel: $0.tlp.label, tlpClass: $0.tlp.cssClass)
            }, canCreate: canCreate, createAction: SiteURL.assessments(stateID), csrf: csrf, errors: FormErrors(failure),
            draftTitle: draft?.title ?? "", draftPeriod: draft?.period ?? "", draftHorizon: draft?.horizonYears ?? "2",
            tlps: TLP.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == (draft?.tlp ?? "AMBER")) },
            importAction: SiteURL.assessmentImport(stateID), importLimit: AssessmentImport.maxBytes / 1024 / 1024,
            importErrors: FormErrors(importFailure))
    }
}

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
    let methodVersion: String
    let status: String
    let roundNumber: Int
    let roundStatus: String
    let roundHelp: String
    let canManage: Bool
    let nextAction: String?
    let nextStatus: String
    let roundAction: String
    let registerHref: String
    let scenarios: [Row]
    let showSubmissions: Bool
    let canWrite: Bool
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
    let draftTitle: String
    let draftNarrative: String
    let draftSector: String
    let actorTypes: [Choice]
    let technologies: [Choice]
    let purposes: [Choice]

    struct StatusMove: Sendable {
        let to: String
        let label: String
    }

    struct SnapshotLink: Sendable {
        let label: String
        let href: String
    }

    public struct Permissions: Sendable {
        public let manage: Bool
        public let write: Bool
        public let approve: Bool

        public init(manage: Bool, write: Bool, approve: Bool) {
            self.manage = manage
            self.write = write
            self.approve = approve
        }
    }

    public static func make(
        layout: LayoutModel, assessment: Assessment, round: ScoringRound, scenarios: [ThreatScenario], scoredByMe: Set<String>,
        submissions: (counts: [String: Int], eligible: Int)? = nil, method: MethodVersion,
        snapshots: [Int], progress: AssessmentProgress, permissions: Permissions, csrf: String, draft: ScenarioDraft? = nil,
        failure: ValidationFailure? = nil
    ) -> AssessmentPage {
        let technologies = method.items(.technologies).count
        let activities = AssessmentActivity.allCases.count
        let frozen = assessment.status.isFrozen
        let moves: [(Assessment.Status, String, Bool)] = [
            (.inReview, "Submit for review", permissions.manage), (.approved, "Approve and freeze a snapshot", permissions.approve),
            (.draft, assessment.status == .approved ? "Reopen as draft (the snapshot stays)" : "Send back to draft", permissions.manage),
        ]
        let actorNames = method.names(.actorTypes)
        let technologyNames = method.names(.technologies)
        let purposeNames = method.names(.purposes)
        let help: String
        let next: (String, String)?
        switch round.status {
        case .open:
            help = "Assessors score privately; nobody sees anyone else's scores."
            next = ("Close round \(round.number)", "closed")
        case .closed:
            help = "Scoring is closed. Reveal the round to show everyone the spread and the anonymised rationales."
            next = ("Reveal round \(round.number)", "revealed")
        case .revealed:
            help = "Spread and rationales are visible to all participants. Discuss, then open the next round to score again."
            next = ("Open round \(round.number + 1)", "open")
        }
        return AssessmentPage(
            layout: layout, title: assessment.title, period: assessment.period, horizon: assessment.horizonYears,
            methodVersion: assessment.methodVersion, status: assessment.status.label, roundNumber: round.number,
            roundStatus: round.status.rawValue,
            roundHelp: help, canManage: permissions.manage && !frozen, nextAction: next?.0, nextStatus: next?.1 ?? "",
            roundAction: SiteURL.assessmentRound(assessment.stateID, assessment.id),
            registerHref: SiteURL.register(assessment.stateID, assessment.id),
            scenarios: scenarios.map { s in
                Row(
                    title: s.title, href: SiteURL.scenario(assessment.stateID, assessment.id, s.id), actor: actorNames[s.actorType] ?? s.actorType,
                    technologies: s.technologies.map { technologyNames[$0] ?? $0 }.joined(separator: ", "),
                    purposes: s.purposes.map { purposeNames[$0] ?? $0 }.joined(separator: ", "), scored: scoredByMe.contains(s.id) ? "scored" : "—",
                    submissions: submissions.map { "\($0.counts[s.id] ?? 0) of \($0.eligible)" } ?? "")
            }, showSubmissions: submissions != nil, canWrite: permissions.write && !frozen, frozen: frozen,
            statusAction: SiteURL.status(assessment.stateID, assessment.id),
            statusActions: moves.filter { assessment.status.canMove(to: $0.0) && $0.2 }.map { StatusMove(to: $0.0.rawValue, label: $0.1) },
            institutionsHref: SiteURL.institutions(assessment.stateID, assessment.id),
            scanHref: SiteURL.horizonScan(assessment.stateID, assessment.id),
            stepOne:
                "\(counted(progress.agencies, "agency", "agencies")) · \(progress.activitiesAssigned) of \(activities) activities with an accountable agency",
            stepTwo: "\(progress.technologiesScanned) of \(technologies) technologies scanned",
            stepThree:
                "\(counted(progress.scenarios, "scenario", "scenarios")) · \(counted(progress.evidence, "evidence item", "evidence items")) · round \(round.number) \(round.status.rawValue)",
            stepFour: counted(progress.otherRisks, "other national risk", "other national risks"),
            snapshots: snapshots.map { SnapshotLink(label: "Snapshot \($0)", href: SiteURL.snapshot(assessment.stateID, assessment.id, $0)) },
            compareHref: SiteURL.compare(assessment.stateID, assessment.id), canCompare: snapshots.count >= 2,
            draftHorizon: draft?.horizonYears ?? "", scenarioAction: SiteURL.scenarios(assessment.stateID, assessment.id), csrf: csrf,
            errors: FormErrors(failure), draftTitle: draft?.title ?? "", draftNarrative: draft?.narrative ?? "",
            draftSector: draft?.targetSector ?? "",
            actorTypes: method.items(.actorTypes).map { Choice(value: $0.code, label: $0.name, selected: $0.code == draft?.actorType) },
            technologies: method.items(.technologies).map {
                Choice(value: $0.code, label: $0.name, selected: draft?.technologies.contains($0.code) ?? false)
            },
            purposes: method.items(.purposes).map { Choice(value: $0.code, label: $0.name, selected: draft?.purposes.contains($0.code) ?? false) })
    }
}

/// One scenario: its description, the scores the user may see, and the score form while the round is open.
public struct ScenarioPage: WebPage {
    public static let template = "scenario"
    struct ScoreRow: Sendable {
        let label: String
        let intent: Int
        let capability: Int
        let threat: Int
        let likelihood: String
        /// The best likelihood derived from this score's I × C and opportunity (``LikelihoodModel``), for comparison.
        let derived: String
        let impact: Int
        let confidence: String
        let rationale: String
    }

    struct DerivedRow: Sendable {
        let label: String
        let values: [String]
    }

    struct Summary: Sendable {
        let median: String
        let band: String
        let mean: String
        let min: String
        let max: String
        let iqr: String
        let consensus: String
    }

    struct Field: Sendable {
        let name: String
        let label: String
        let value: String
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let title: String
    let actor: String
    let technologies: String
    let purposes: String
    let sector: String
    let horizon: Int
    let narrative: String
    let evidence: [EvidenceView]
    /// Removing the scenario (managers; the store refuses it once anyone has scored it).
    let removeAction: String?
    let canAddEvidence: Bool
    let evidenceOpen: Bool
    let evidenceErrors: FormErrors
    let evidenceForm: EvidenceForm
    let roundNumber: Int
    let roundStatus: String
    let summary: Summary?
    let scoresCaption: String
    let scores: [ScoreRow]
    let canScore: Bool
    let scoreAction: String
    let csrf: String
    let errors: FormErrors
    let factors: [Field]
    let impacts: [Field]
    let likelihoodLow: String
    let likelihoodBest: String
    let likelihoodHigh: String
    let rationale: String
    /// Derived best likelihood over this scenario's horizon by threat level (rows) and opportunity 1–5 (columns).
    let derivedTable: [DerivedRow]

    public static func make(
        layout: LayoutModel, assessment: Assessment, scenario: ThreatScenario, round: ScoringRound, shown: [ScoreVisibility.Shown],
        method: MethodVersion, evidence: [EvidenceItem], canAddEvidence: Bool, canRemove: Bool = false, canScore: Bool, csrf: String,
        submitted: [String: String] = [:],
        failure: ValidationFailure? = nil, evidenceFailure: ValidationFailure? = nil
    ) -> ScenarioPage {
        let mine = shown.filter { $0.score.scenarioID == scenario.id }
        let summary = round.status == .revealed ? RatingSummary(mine.map { Double($0.score.threat) }) : nil
        let names = method.names
        let technologyNames = names(.technologies)
        let purposeNames = names(.purposes)
        let factorNames = [
            ("intent", "Intent"), ("actorCapability", "Actor capability"), ("technologyAccessibility", "Technology accessibility"),
            ("opportunity", "Opportunity / vulnerability"),
        ]
        return ScenarioPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id), assessmentTitle: assessment.title,
            title: scenario.title, actor: names(.actorTypes)[scenario.actorType] ?? scenario.actorType,
            technologies: scenario.technologies.map { technologyNames[$0] ?? $0 }.joined(separator: ", "),
            purposes: scenario.purposes.map { purposeNames[$0] ?? $0 }.joined(separator: ", "), sector: scenario.targetSector,
            horizon: scenario.horizonYears, narrative: scenario.narrative,
            evidence: evidence.filter { $0.subject == .scenario(scenario.id) }.map {
                EvidenceView(
                    $0,
                    removeAction: canAddEvidence && !assessment.status.isFrozen
                        ? SiteURL.remove(assessment.stateID, assessment.id, "evidence", $0.id) : nil)
            },
            removeAction: canRemove && !assessment.status.isFrozen
                ? SiteURL.remove(assessment.stateID, assessment.id, "scenarios", scenario.id) : nil,
            canAddEvidence: canAddEvidence && !assessment.status.isFrozen, evidenceOpen: evidenceFailure != nil,
            evidenceErrors: FormErrors(evidenceFailure),
            evidenceForm: EvidenceForm(action: SiteURL.scenarioEvidence(assessment.stateID, assessment.id, scenario.id), submitted: submitted),
            roundNumber: round.number, roundStatus: round.status.rawValue,
            summary: summary.map {
                Summary(
                    median: format($0.median), band: ThreatBand.band(for: $0.median).rawValue, mean: format($0.mean), min: format($0.minimum),
                    max: format($0.maximum), iqr: format($0.interquartileRange), consensus: $0.consensus ? "consensus" : "no consensus")
            },
            scoresCaption: round.status == .revealed
                ? "All scores of this round, without names" : "Your own score (others stay hidden until the reveal)",
            scores: mine.map {
                ScoreRow(
                    label: $0.label, intent: $0.score.intent, capability: min($0.score.actorCapability, $0.score.technologyAccessibility),
                    threat: $0.score.threat,
                    likelihood: "\(percent($0.score.likelihood.low))–\(percent($0.score.likelihood.best))–\(percent($0.score.likelihood.high))",
                    derived: percent(
                        LikelihoodModel.derived(threat: $0.score.threat, opportunity: $0.score.opportunity, horizonYears: scenario.horizonYears).best),
                    impact: $0.score.combinedImpact, confidence: $0.score.confidence.rawValue, rationale: $0.score.rationale)
            }, canScore: canScore, scoreAction: SiteURL.scores(assessment.stateID, assessment.id, scenario.id), csrf: csrf,
            errors: FormErrors(failure),
            factors: factorNames.map { Field(name: $0.0, label: $0.1, value: submitted[$0.0] ?? "3") },
            impacts: ImpactDimension.allCases.map {
                Field(
                    name: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "-", with: " ").capitalized,
                    value: submitted["impact.\($0.rawValue)"] ?? "3")
            }, likelihoodLow: submitted["likelihoodLow"] ?? "0.01", likelihoodBest: submitted["likelihoodBest"] ?? "0.05",
            likelihoodHigh: submitted["likelihoodHigh"] ?? "0.2", rationale: submitted["rationale"] ?? "",
            derivedTable: [(3, "Low (I × C = 3)"), (8, "Moderate (8)"), (12, "Substantial (12)"), (16, "Severe (16)"), (25, "Critical (25)")].map {
                t, label in
                DerivedRow(
                    label: label,
                    values: (1...5).map { percent(LikelihoodModel.derived(threat: t, opportunity: $0, horizonYears: scenario.horizonYears).best) })
            })
    }
}

/// The national risk register page: the register's body (rendered once per revision, see ``RegisterBody``), then the
/// form for other national risks.
public struct RegisterPage: WebPage {
    public static let template = "register"
    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    /// The register's body, rendered (and escaped) by its own template; spliced in by ``PageRenderer/render(_:)-(RegisterPage)``.
    let renderedBody: RenderedRegisterBody
    let canManage: Bool
    let otherRiskAction: String
    let csrf: String
    let errors: FormErrors
    let otherRisk: OtherRiskFields

    public static func make(
        layout: LayoutModel, assessment: Assessment, body: RenderedRegisterBody, canManage: Bool = false, csrf: String = "",
        draft: [String: String] = [:],
        failure: ValidationFailure? = nil
    ) -> RegisterPage {
        RegisterPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id), assessmentTitle: assessment.title,
            renderedBody: body,
            canManage: canManage && !assessment.status.isFrozen, otherRiskAction: SiteURL.otherRisks(assessment.stateID, assessment.id), csrf: csrf,
            errors: FormErrors(failure), otherRisk: OtherRiskFields(draft))
    }
}

/// The register's charts and tables: the same for every viewer of one revision, so the server renders it once per revision.
public struct RegisterBody: Sendable {
    struct DimensionRow: Sendable {
        let title: String
        let values: [String]
    }

    let basis: String
    let draws: Int
    let seed: Int64
    let entries: [RegisterRow]
    let hasEntries: Bool
    let chartHref: String
    let heatMapHref: String
    let ranksHref: String
    let heatRows: [DimensionRow]
    let dimensionHeaders: [String]
    let dimensions: [DimensionRow]
    let agreement: String?
    let csvHref: String
    let jsonHref: String

    public init(assessment: Assessment, register: RegisterDocument) {
        let (s, a) = (assessment.stateID, assessment.id)
        let heat = RegisterChart.heatCounts(register)
        basis =
            register.basisRound.map { "Scenarios as scored in round \($0) (the latest revealed round), with the other national risks." }
            ?? "No round has been revealed yet: scenarios join the register once one is; other national risks are ranked already."
        draws = register.draws
        seed = register.seed
        entries = register.entries.map(RegisterRow.init)
        hasEntries = !register.entries.isEmpty
        chartHref = SiteURL.registerChart(s, a)
        heatMapHref = SiteURL.registerHeatMap(s, a)
        ranksHref = SiteURL.registerRanks(s, a)
        heatRows = LikelihoodBand.allCases.enumerated().reversed().map { row, band in
            DimensionRow(title: band.rawValue, values: heat[row].map(String.init))
        }
        dimensionHeaders = ImpactDimension.allCases.map(\.label)
        dimensions = register.entries.filter { !$0.impactByDimension.isEmpty }.map { e in
            DimensionRow(title: e.title, values: ImpactDimension.allCases.map { e.impactByDimension[$0.rawValue].map(format) ?? "—" })
        }
        agreement = register.agreement.map {
            "Kendall's W = \(String(format: "%.2f", $0.kendallW)) over \($0.assessors) assessors ranking \($0.scenarios) scenarios "
                + "(1 = identical rankings, 0 = no agreement)."
        }
        csvHref = SiteURL.registerExport(s, a, "csv")
        jsonHref = SiteURL.registerExport(s, a, "json")
    }
}

/// The register's body as HTML. Only ``PageRenderer`` makes one, by rendering ``RegisterBody`` through its template, so
/// every value in it was escaped there; servers keep it per revision and every viewer's page reuses it.
public struct RenderedRegisterBody: Sendable {
    let html: String
}

extension PageRenderer {
    /// Where the register page's template takes the body. User text on the page is escaped, so it cannot contain this.
    static let registerBodySlot = "<!--register-body-->"

    /// The register's body (every value escaped by the `register-body` template).
    public func render(_ body: RegisterBody) -> RenderedRegisterBody {
        RenderedRegisterBody(html: library.render(body, withTemplate: "register-body") ?? "")
    }

    /// The register page: the page's own template, with the already rendered body put in its slot.
    public func render(_ page: RegisterPage) -> String {
        let html = library.render(page, withTemplate: RegisterPage.template) ?? ""
        guard let slot = html.range(of: Self.registerBodySlot) else { return html }
        return html.replacingCharacters(in: slot, with: page.renderedBody.html)
    }
}

/// "1 scenario", "2 scenarios".
func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

/// A number with at most two decimals and no trailing zeros.
func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

func percent(_ value: Double) -> String { "\(format(value * 100)) %" }
