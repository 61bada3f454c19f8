import CTTechCore
import Foundation

/// One scenario: its description, the scores the user may see, and the score form while the round is open.
public struct ScenarioPage: WebPage {
    public static let template = "scenario"
    struct ScoreRow: Sendable, TemplateModel {
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

    struct DerivedRow: Sendable, TemplateModel {
        let label: String
        let values: [String]
    }

    /// A sentence with one part in bold, written whole in the catalog with `{strong}` and `{strong-end}` around that part so
    /// each language places it where its grammar wants it: "median **12** (Substantial), …".
    struct Emphasised: Sendable, TemplateModel {
        let before: String
        let strong: String
        let after: String

        init(_ t: Localizer, _ key: String, count: Int? = nil, _ values: [String: String]) {
            let (open, close) = ("\u{E000}", "\u{E001}")
            let text = t(key, count: count, values.merging(["strong": open, "strong-end": close]) { $1 })
            let head = text.components(separatedBy: open)
            let tail = (head.count > 1 ? head[1] : "").components(separatedBy: close)
            before = head[0]
            strong = tail[0]
            after = tail.count > 1 ? tail[1] : ""
        }
    }

    /// A 1–5 scale chosen with radio buttons, each point with its meaning; nothing chosen until the assessor chooses.
    struct ScaleField: Sendable, TemplateModel {
        struct Point: Sendable, TemplateModel {
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
    struct TextField: Sendable, TemplateModel {
        let value: String
        let error: String?
        /// The input is one of the two an interval problem concerns ("low must not exceed best": low and best).
        var inGroupError = false
    }

    /// The assessor's own progress in an open round: "You have scored 5 of 12", and the next scenario they have not scored.
    struct Progress: Sendable, TemplateModel {
        /// "You have scored **5 of 12** scenarios in round 1."
        let sentence: Emphasised
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
    /// "horizon 2 years".
    let horizonLine: String
    let narrative: String
    let evidence: [EvidenceView]
    /// Removing the scenario (managers; the store refuses it once anyone has scored it).
    let removeAction: String?
    let canAddEvidence: Bool
    let evidenceOpen: Bool
    let evidenceErrors: FormErrors
    let evidenceForm: EvidenceForm
    /// "Round 1 (open)".
    let roundHeading: String
    /// "Threat (I × C): median **12** (Substantial), mean 12.33, range 9–16, IQR 3.5 · no consensus".
    let summary: Emphasised?
    let scoresCaption: String
    let scores: [ScoreRow]
    let canScore: Bool
    let scoreHeading: String
    let scoreAction: String
    let csrf: String
    let errors: FormErrors
    let factors: [ScaleField]
    let impacts: [ScaleField]
    /// "Threat I × C = 4 × min(3, 5) = 12: Substantial" once intent and both capability factors are chosen (after a refused
    /// submit; the form works without JavaScript).
    let threatPreview: String?
    /// The preview's wording for the script, with `{intent}`, `{capability}`, `{accessibility}`, `{threat}` and `{band}`
    /// to fill, and the five band names separated by `|`, lowest first.
    let threatFormat: String
    let threatBands: String
    /// "Reference: likelihood derived from threat and opportunity over 2 years".
    let derivedSummary: String
    /// The script that shows I × C as the assessor chooses (the form works without it).
    let scriptHref = SiteURL.staticFile(name: "score.js").path
    /// Low, moderate, high, with a first empty choice: nothing is chosen for the assessor.
    let confidences: [Choice]
    let confidenceError: String?
    let likelihoodLow: TextField
    let likelihoodBest: TextField
    let likelihoodHigh: TextField
    let likelihoodError: String?
    /// "Likelihood over the horizon of 2 years".
    let likelihoodLegend: String
    let rationale: TextField
    let finalNote: String
    let submitLabel: String
    /// Derived best likelihood over this scenario's horizon by threat level (rows) and opportunity 1–5 (columns).
    let derivedTable: [DerivedRow]

    public static func make(
        layout: LayoutModel, assessment: Assessment, scenario: ThreatScenario, round: ScoringRound, shown: [ScoreVisibility.Shown],
        method: MethodVersion, evidence: [EvidenceItem], abilities: AssessmentAbilities, csrf: String,
        scenarios: [ThreatScenario] = [], submitted: [String: String] = [:],
        failure: ValidationFailure? = nil, evidenceFailure: ValidationFailure? = nil
    ) -> ScenarioPage {
        let t = layout.localizer
        let mine = shown.filter { $0.score.scenarioID == scenario.id }
        // A refused score keeps the form open with what was entered, so it can be corrected.
        // A refusal by the round's rules (closed, already scored) does not bring the form back: it could only fail again.
        let refusedByRound = failure?.issues.contains { $0.field == "round" } ?? false
        let canScore = abilities.canScore(scenario.id, round: round, shown: shown) || (failure != nil && !refusedByRound)
        let canRemove = abilities.canRemoveScenario(scenario.id, round: round, shown: shown)
        let canAddEvidence = abilities.write
        let summary =
            round.status == .revealed
            ? RatingSummary(mine.map { Double($0.score.threat) }, minimumForConsensus: method.consensusMinimumRatings) : nil
        let names = { (kind: ReferenceKind) in method.names(kind, in: t.language) }
        let technologyNames = names(.technologies)
        let purposeNames = names(.purposes)
        let separator = t("scoring.list-separator")
        let factorNames = ["intent", "actorCapability", "technologyAccessibility", "opportunity"].map { ($0, t("scoring.factor.\($0)")) }
        let impactNames = ImpactDimension.allCases.map { ($0, RegisterWords.impactDimension($0, t)) }
        let formFields =
            factorNames.map { FormField($0.0, $0.1, id: "f-\($0.0)") }
            + impactNames.map {
                FormField("impact.\($0.0.rawValue)", t("scoring.field.impact", ["dimension": $0.1]), id: "i-\($0.0.rawValue)")
            } + [
                FormField("likelihoodLow", "scoring.field.likelihood-low", id: "l-low"),
                FormField("likelihoodBest", "scoring.field.likelihood-best", id: "l-best"),
                FormField("likelihoodHigh", "scoring.field.likelihood-high", id: "l-high"),
                FormField("likelihood", "scoring.field.likelihood", id: "l-low"),
                FormField("confidence", "register.column.confidence", id: "confidence"),
                FormField("rationale", "scoring.field.rationale", id: "rationale"), FormField("round", "scoring.field.round", id: "score-form"),
            ]
        let errors = FormErrors(t, failure, fields: formFields)
        func text(_ name: String) -> TextField { TextField(value: submitted[name] ?? "", error: errors.message(name)) }
        // An interval problem marks the two inputs it concerns: best and high when best exceeds high, else low and best.
        let probability = { (name: String) in ProbabilityText.parse(submitted[name]) }
        let bestAboveHigh = (probability("likelihoodBest") ?? 0) > (probability("likelihoodHigh") ?? 1)
        let flagged: Set<String> =
            errors.message("likelihood") == nil
            ? [] : bestAboveHigh ? ["likelihoodBest", "likelihoodHigh"] : ["likelihoodLow", "likelihoodBest"]
        func bound(_ name: String) -> TextField {
            var field = text(name)
            field.inGroupError = flagged.contains(name)
            return field
        }
        let threatFormat = t("scoring.threat-preview")
        let chosen = ["intent", "actorCapability", "technologyAccessibility"].compactMap { submitted[$0].flatMap { Int($0) } }
        let threatPreview: String? =
            chosen.count == 3 && chosen.allSatisfy({ (1...5).contains($0) })
            ? {
                let threat = chosen[0] * min(chosen[1], chosen[2])
                return t(
                    "scoring.threat-preview",
                    [
                        "intent": String(chosen[0]), "capability": String(chosen[1]), "accessibility": String(chosen[2]), "threat": String(threat),
                        "band": RegisterWords.threatBand(ThreatBand.band(for: Double(threat)), t),
                    ])
            }() : nil
        let ownScored = Set(shown.filter(\.isOwn).map(\.score.scenarioID))
        // The next unscored scenario after this one in the list's order, wrapping round.
        let ordered = scenarios.drop { $0.id != scenario.id }.dropFirst() + scenarios.prefix { $0.id != scenario.id }
        let next = ordered.first { !ownScored.contains($0.id) && $0.id != scenario.id }
        let round1 = String(round.number)
        let progress =
            abilities.score && ScoreVisibility.canScore(round) && !scenarios.isEmpty
            ? Progress(
                sentence: Emphasised(
                    t, "scoring.progress", count: scenarios.count,
                    ["scored": String(scenarios.filter { ownScored.contains($0.id) }.count), "round": round1]),
                thisOneOpen: !ownScored.contains(scenario.id), nextTitle: next?.title,
                nextHref: next.map { SiteURL.scenario(assessment.stateID, assessment.id, scenario: $0.id).path }) : nil
        let horizon = t("scoring.years", count: scenario.horizonYears)
        return ScenarioPage(
            layout: layout, progress: progress, refusal: errors.message("round"),
            assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id).path,
            assessmentTitle: assessment.title,
            title: scenario.title, actor: names(.actorTypes)[scenario.actorType] ?? scenario.actorType,
            technologies: scenario.technologies.map { technologyNames[$0] ?? $0 }.joined(separator: separator),
            purposes: scenario.purposes.map { purposeNames[$0] ?? $0 }.joined(separator: separator),
            sector: scenario.targetSector.isEmpty ? nil : scenario.targetSector,
            horizonLine: t("scoring.horizon", ["horizon": horizon]), narrative: scenario.narrative,
            evidence: evidence.filter { $0.subject == .scenario(scenario.id) }.map {
                EvidenceView(
                    $0,
                    // Removing is offered to those who run the assessment; assessors add evidence but are not offered removal
                    // (issue 8, item 6: the permission stays, the offer changes).
                    removeAction: canAddEvidence && abilities.manage
                        ? SiteURL.evidenceRemove(assessment.stateID, assessment.id, evidence: $0.id).path : nil, t)
            },
            removeAction: canRemove
                ? SiteURL.scenarioRemove(assessment.stateID, assessment.id, scenario: scenario.id).path : nil,
            canAddEvidence: canAddEvidence, evidenceOpen: evidenceFailure != nil,
            evidenceErrors: FormErrors(t, evidenceFailure, fields: EvidenceForm.fields),
            evidenceForm: EvidenceForm(
                action: SiteURL.scenarioEvidence(assessment.stateID, assessment.id, scenario: scenario.id).path, submitted: submitted,
                errorsAnchor: "#evidence-errors", t),
            roundHeading: t("scoring.round.heading", ["round": round1, "status": t("scoring.round.status.\(round.status.rawValue)")]),
            summary: summary.map {
                let consensus =
                    $0.agreement == .tooFewRatings
                    ? t("scoring.consensus.too-few", ["ratings": String($0.count), "minimum": String(method.consensusMinimumRatings)])
                    : RegisterWords.agreement($0.agreement, t)
                return Emphasised(
                    t, "scoring.summary",
                    [
                        "median": t.number($0.median), "band": RegisterWords.threatBand(ThreatBand.band(for: $0.median), t),
                        "mean": t.number($0.mean),
                        "min": t.number($0.minimum), "max": t.number($0.maximum), "iqr": t.number($0.interquartileRange), "consensus": consensus,
                    ])
            },
            scoresCaption: t(round.status == .revealed ? "scoring.scores.caption-revealed" : "scoring.scores.caption-own"),
            scores: mine.map {
                ScoreRow(
                    label: assessorLabel($0, t), intent: $0.score.intent,
                    capability: min($0.score.actorCapability, $0.score.technologyAccessibility), threat: $0.score.threat,
                    likelihood: RegisterWords.interval(RegisterDocument.Interval($0.score.likelihood), t.percent),
                    derived: t.percent(
                        LikelihoodModel.derived(threat: $0.score.threat, opportunity: $0.score.opportunity, horizonYears: scenario.horizonYears).best),
                    impact: $0.score.combinedImpact, confidence: RegisterWords.confidence($0.score.confidence.rawValue, t),
                    rationale: $0.score.rationale)
            }, canScore: canScore, scoreHeading: t("scoring.form.heading", ["round": round1]),
            scoreAction: SiteURL.scores(assessment.stateID, assessment.id, scenario: scenario.id).path, csrf: csrf,
            errors: errors,
            // No judgement is pre-filled (STYLE.md): an empty form until the assessor chooses, and what they entered after a refusal.
            factors: factorNames.map { name, label in
                ScaleField(
                    name: name, id: "f-\(name)", label: label, meanings: (1...5).map { t("scale.\(name).\($0)") }, submitted: submitted[name],
                    error: errors.message(name))
            },
            impacts: impactNames.map { dimension, label in
                ScaleField(
                    name: "impact.\(dimension.rawValue)", id: "i-\(dimension.rawValue)", label: label,
                    meanings: (1...5).map { t("scale.impact.\($0)") },
                    submitted: submitted["impact.\(dimension.rawValue)"], error: errors.message("impact.\(dimension.rawValue)"))
            },
            threatPreview: threatPreview, threatFormat: threatFormat,
            threatBands: ThreatBand.allCases.map { RegisterWords.threatBand($0, t) }.joined(separator: "|"),
            derivedSummary: t("scoring.derived.summary", ["horizon": horizon]),
            confidences: [Choice(value: "", label: t("register.choose"), selected: (submitted["confidence"] ?? "").isEmpty)]
                + Confidence.allCases.map {
                    Choice(value: $0.rawValue, label: RegisterWords.confidence($0.rawValue, t), selected: submitted["confidence"] == $0.rawValue)
                },
            confidenceError: errors.message("confidence"),
            likelihoodLow: bound("likelihoodLow"), likelihoodBest: bound("likelihoodBest"), likelihoodHigh: bound("likelihoodHigh"),
            likelihoodError: errors.message("likelihood"), likelihoodLegend: t("scoring.likelihood.legend", ["horizon": horizon]),
            rationale: text("rationale"), finalNote: t("scoring.form.final", ["round": round1]),
            submitLabel: t("scoring.form.submit", ["round": round1]),
            derivedTable: [ThreatBand.low, .moderate, .substantial, .severe, .critical].enumerated().map { index, band in
                let threat = [3, 8, 12, 16, 25][index]
                return DerivedRow(
                    label: t(
                        index == 0 ? "scoring.derived.first-row" : "scoring.derived.row",
                        ["band": RegisterWords.threatBand(band, t), "threat": String(threat)]),
                    values: (1...5).map {
                        t.percent(LikelihoodModel.derived(threat: threat, opportunity: $0, horizonYears: scenario.horizonYears).best)
                    })
            })
    }

    /// "You" or "Assessor 2" in the page's language: the core numbers peers in an English label ("Assessor 2"), whose
    /// number is taken from its end.
    static func assessorLabel(_ shown: ScoreVisibility.Shown, _ t: Localizer) -> String {
        if shown.isOwn { return t("scoring.assessor.you") }
        guard let number = shown.label.split(separator: " ").last.flatMap({ Int($0) }) else { return shown.label }
        return t(shown.isWorkshop ? "scoring.assessor.workshop" : "scoring.assessor.numbered", ["number": String(number)])
    }
}
