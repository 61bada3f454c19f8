import CTTechCore
import Foundation

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

    /// A 1–5 scale chosen with radio buttons, each point with its meaning; nothing chosen until the assessor chooses.
    struct ScaleField: Sendable {
        struct Point: Sendable {
            let id: String
            let value: Int
            let meaning: String
            let checked: Bool
        }

        let name: String
        let id: String
        let label: String
        let points: [Point]
        let error: String?

        init(name: String, id: String, label: String, meanings: [String], submitted: String?, error: String?) {
            self.name = name
            self.id = id
            self.label = label
            self.error = error
            points = meanings.enumerated().map {
                Point(id: "\(id)-\($0.offset + 1)", value: $0.offset + 1, meaning: $0.element, checked: submitted == "\($0.offset + 1)")
            }
        }
    }

    /// A text field of the score form with what was typed and its problem.
    struct TextField: Sendable {
        let value: String
        let error: String?
        /// The input is one of the two an interval problem concerns ("low must not exceed best": low and best).
        var inGroupError = false
    }

    /// The assessor's own progress in an open round: "You have scored 5 of 12", and the next scenario they have not scored.
    struct Progress: Sendable {
        let scored: Int
        let total: Int
        /// The viewer has not scored this scenario yet.
        let thisOneOpen: Bool
        let nextTitle: String?
        let nextHref: String?
    }

    public let layout: LayoutModel
    let progress: Progress?
    /// Why the round refused a score (closed, already scored), shown without the form, which could only fail again.
    let refusal: String?
    let assessmentHref: String
    let assessmentTitle: String
    let title: String
    let actor: String
    let technologies: String
    let purposes: String
    let sector: String?
    let horizon: Int
    let horizonText: String
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
    let factors: [ScaleField]
    let impacts: [ScaleField]
    /// "Threat I × C = 4 × min(3, 5) = 12: Substantial" once intent and both capability factors are chosen (after a refused
    /// submit; the form works without JavaScript).
    let threatPreview: String?
    /// The script that shows I × C as the assessor chooses (the form works without it).
    let scriptHref = SiteURL.staticFile(name: "score.js").path
    /// Low, moderate, high, with a first empty choice: nothing is chosen for the assessor.
    let confidences: [Choice]
    let confidenceError: String?
    let likelihoodLow: TextField
    let likelihoodBest: TextField
    let likelihoodHigh: TextField
    let likelihoodError: String?
    let rationale: TextField
    /// Derived best likelihood over this scenario's horizon by threat level (rows) and opportunity 1–5 (columns).
    let derivedTable: [DerivedRow]

    public static func make(
        layout: LayoutModel, assessment: Assessment, scenario: ThreatScenario, round: ScoringRound, shown: [ScoreVisibility.Shown],
        method: MethodVersion, evidence: [EvidenceItem], abilities: AssessmentAbilities, csrf: String,
        scenarios: [ThreatScenario] = [], submitted: [String: String] = [:],
        failure: ValidationFailure? = nil, evidenceFailure: ValidationFailure? = nil
    ) -> ScenarioPage {
        let mine = shown.filter { $0.score.scenarioID == scenario.id }
        // A refused score keeps the form open with what was entered, so it can be corrected.
        // A refusal by the round's rules (closed, already scored) does not bring the form back: it could only fail again.
        let canScore = abilities.canScore(scenario.id, round: round, shown: shown) || (failure != nil && failure?.message(for: "round") == nil)
        let canRemove = abilities.canRemoveScenario(scenario.id, round: round, shown: shown)
        let canAddEvidence = abilities.write
        let summary =
            round.status == .revealed
            ? RatingSummary(mine.map { Double($0.score.threat) }, minimumForConsensus: method.consensusMinimumRatings) : nil
        let names = { (kind: ReferenceKind) in method.names(kind) }
        let technologyNames = names(.technologies)
        let purposeNames = names(.purposes)
        let factorNames = [
            ("intent", "Intent"), ("actorCapability", "Actor capability"), ("technologyAccessibility", "Technology accessibility"),
            ("opportunity", "Opportunity / vulnerability"),
        ]
        let formFields =
            factorNames.map { FormField($0.0, $0.1, id: "f-\($0.0)") }
            + ImpactDimension.allCases.map { FormField("impact.\($0.rawValue)", "Impact: \($0.label)", id: "i-\($0.rawValue)") } + [
                FormField("likelihoodLow", "Likelihood, low", id: "l-low"), FormField("likelihoodBest", "Likelihood, best", id: "l-best"),
                FormField("likelihoodHigh", "Likelihood, high", id: "l-high"), FormField("likelihood", "Likelihood", id: "l-low"),
                FormField("confidence", "Confidence", id: "confidence"), FormField("rationale", "Rationale", id: "rationale"),
                FormField("round", "Round", id: "score-form"),
            ]
        let errors = FormErrors(layout.localizer, failure, fields: formFields)
        func text(_ name: String) -> TextField { TextField(value: submitted[name] ?? "", error: errors.message(name)) }
        let interval = errors.message("likelihood")
        let flagged: Set<String> =
            interval == nil
            ? []
            : interval?.contains("best must not exceed high") == true ? ["likelihoodBest", "likelihoodHigh"] : ["likelihoodLow", "likelihoodBest"]
        func bound(_ name: String) -> TextField {
            var field = text(name)
            field.inGroupError = flagged.contains(name)
            return field
        }
        let chosen = ["intent", "actorCapability", "technologyAccessibility"].compactMap { submitted[$0].flatMap { Int($0) } }
        let threatPreview: String? =
            chosen.count == 3 && chosen.allSatisfy({ (1...5).contains($0) })
            ? {
                let t = chosen[0] * min(chosen[1], chosen[2])
                return "Threat I × C = \(chosen[0]) × min(\(chosen[1]), \(chosen[2])) = \(t): \(ThreatBand.band(for: Double(t)).rawValue)"
            }() : nil
        let ownScored = Set(shown.filter(\.isOwn).map(\.score.scenarioID))
        // The next unscored scenario after this one in the list's order, wrapping round.
        let ordered = scenarios.drop { $0.id != scenario.id }.dropFirst() + scenarios.prefix { $0.id != scenario.id }
        let next = ordered.first { !ownScored.contains($0.id) && $0.id != scenario.id }
        let progress =
            abilities.score && ScoreVisibility.canScore(round) && !scenarios.isEmpty
            ? Progress(
                scored: scenarios.filter { ownScored.contains($0.id) }.count, total: scenarios.count,
                thisOneOpen: !ownScored.contains(scenario.id), nextTitle: next?.title,
                nextHref: next.map { SiteURL.scenario(assessment.stateID, assessment.id, scenario: $0.id).path }) : nil
        return ScenarioPage(
            layout: layout, progress: progress, refusal: failure?.message(for: "round"),
            assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path,
            assessmentTitle: assessment.title,
            title: scenario.title, actor: names(.actorTypes)[scenario.actorType] ?? scenario.actorType,
            technologies: scenario.technologies.map { technologyNames[$0] ?? $0 }.joined(separator: ", "),
            purposes: scenario.purposes.map { purposeNames[$0] ?? $0 }.joined(separator: ", "),
            sector: scenario.targetSector.isEmpty ? nil : scenario.targetSector,
            horizon: scenario.horizonYears, horizonText: years(scenario.horizonYears), narrative: scenario.narrative,
            evidence: evidence.filter { $0.subject == .scenario(scenario.id) }.map {
                EvidenceView(
                    $0,
                    // Removing is offered to those who run the assessment; assessors add evidence but are not offered removal
                    // (issue 8, item 6: the permission stays, the offer changes).
                    removeAction: canAddEvidence && abilities.manage
                        ? SiteURL.evidenceRemove(assessment.stateID, assessment.id, evidence: $0.id).path : nil)
            },
            removeAction: canRemove
                ? SiteURL.scenarioRemove(assessment.stateID, assessment.id, scenario: scenario.id).path : nil,
            canAddEvidence: canAddEvidence, evidenceOpen: evidenceFailure != nil,
            evidenceErrors: FormErrors(layout.localizer, evidenceFailure, fields: EvidenceForm.fields),
            evidenceForm: EvidenceForm(
                action: SiteURL.scenarioEvidence(assessment.stateID, assessment.id, scenario: scenario.id).path, submitted: submitted,
                errorsAnchor: "#evidence-errors"),
            roundNumber: round.number, roundStatus: round.status.rawValue,
            summary: summary.map {
                Summary(
                    median: format($0.median), band: ThreatBand.band(for: $0.median).rawValue, mean: format($0.mean), min: format($0.minimum),
                    max: format($0.maximum), iqr: format($0.interquartileRange),
                    consensus: $0.agreement == .tooFewRatings
                        ? "too few ratings for consensus (\($0.count) of at least \(method.consensusMinimumRatings))" : $0.agreement.label)
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
            }, canScore: canScore, scoreAction: SiteURL.scores(assessment.stateID, assessment.id, scenario: scenario.id).path, csrf: csrf,
            errors: errors,
            // No judgement is pre-filled (STYLE.md): an empty form until the assessor chooses, and what they entered after a refusal.
            factors: factorNames.map {
                ScaleField(
                    name: $0.0, id: "f-\($0.0)", label: $0.1, meanings: ScaleAnchors.factor($0.0) ?? [], submitted: submitted[$0.0],
                    error: errors.message($0.0))
            },
            impacts: ImpactDimension.allCases.map {
                ScaleField(
                    name: "impact.\($0.rawValue)", id: "i-\($0.rawValue)", label: $0.label, meanings: ScaleAnchors.impact,
                    submitted: submitted["impact.\($0.rawValue)"], error: errors.message("impact.\($0.rawValue)"))
            },
            threatPreview: threatPreview,
            confidences: [Choice(value: "", label: "choose…", selected: (submitted["confidence"] ?? "").isEmpty)]
                + Confidence.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: submitted["confidence"] == $0.rawValue) },
            confidenceError: errors.message("confidence"),
            likelihoodLow: bound("likelihoodLow"), likelihoodBest: bound("likelihoodBest"), likelihoodHigh: bound("likelihoodHigh"),
            likelihoodError: errors.message("likelihood"), rationale: text("rationale"),
            derivedTable: [(3, "Low (I × C = 3)"), (8, "Moderate (8)"), (12, "Substantial (12)"), (16, "Severe (16)"), (25, "Critical (25)")].map {
                t, label in
                DerivedRow(
                    label: label,
                    values: (1...5).map { percent(LikelihoodModel.derived(threat: t, opportunity: $0, horizonYears: scenario.horizonYears).best) })
            })
    }
}
