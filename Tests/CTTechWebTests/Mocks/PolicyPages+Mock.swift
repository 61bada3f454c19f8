import CTTechCore

@testable import CTTechWeb

extension Valdoria {
    /// The layout of a policy page in `language`: the marking and Valdoria's steps as the server lists them for the viewer.
    static func policyLayout(_ title: String, identity: Identity, at url: SiteURL, tlp: TLP = .amber, language: Language = .english) -> LayoutModel {
        let t = Localizer(language)
        var steps = [(t("nav.state-overview"), SiteURL.state(state.id).path)]
        if Authorizer.allows(identity, state: state.id, .viewAssessment) {
            steps.append((t("nav.threat-assessment"), SiteURL.assessments(state.id).path))
        }
        if Authorizer.allows(identity, state: state.id, .viewResponses) {
            steps.append((t("nav.policy-responses"), SiteURL.responses(state.id).path))
        }
        return LayoutModel(
            title: title, tlp: tlp, identity: identity, csrf: csrf, path: url.path, stateName: state.name, stateSteps: steps, language: language)
    }

    /// The problems of input that must be refused (input that passes stops the run: the mock would show no refusal).
    static func failure<Value>(_ validation: () throws -> Value) -> ValidationFailure {
        guard let failure = refusal(validation) else { preconditionFailure("the fixture's input was accepted, not refused") }
        return failure
    }
}

extension ResponsesPage {
    static func page(_ identity: Identity, responses: [PolicyResponse]) -> Self {
        .make(
            layout: Valdoria.policyLayout("Policy responses", identity: identity, at: .responses(Valdoria.state.id)), stateID: Valdoria.state.id,
            responses: responses, method: Valdoria.method, agencies: Valdoria.agencies, reviews: Valdoria.reviews, overrides: Valdoria.overrides,
            canWrite: Authorizer.allows(identity, state: Valdoria.state.id, .writeResponse))
    }

    /// A policy maker's register: an idea, a draft, one blocked by H04, one approved through an override, one clean, one
    /// withdrawn.
    static var mock: Self { page(Valdoria.policyMaker, responses: Valdoria.responses) }

    /// A reviewer before any response exists: no link to add one.
    static var empty: Self { page(Valdoria.reviewer, responses: []) }
}

extension ResponseFormPage {
    static let context = PolicyResponseDraft.Context(
        responseTypes: Set(Valdoria.method.items(.responseTypes).map(\.code)), risks: Valdoria.addressableRisks,
        agencyIDs: Set(Valdoria.agencies.map(\.id)))

    static func page(
        _ response: PolicyResponse?, risks: [AddressableRisk] = Valdoria.addressableRisks, agencies: [Agency] = Valdoria.agencies,
        submitted: [String: String]? = nil, failure: ValidationFailure? = nil, conflict: String? = nil, version: Int? = nil
    ) -> Self {
        let stateID = Valdoria.state.id
        let title = response.map { "Change “\($0.title)”" } ?? "New policy response"
        return .make(
            layout: Valdoria.policyLayout(
                title, identity: Valdoria.policyMaker,
                at: response.map { .responseEdit(stateID, response: $0.id) } ?? .responseNew(stateID), tlp: response?.tlp ?? .amber),
            stateID: stateID, response: response, method: Valdoria.method, risks: risks, agencies: agencies, defaultTLP: Valdoria.state.defaultTLP,
            csrf: Valdoria.csrf, submitted: submitted, failure: failure, conflict: conflict, version: version)
    }

    /// A new response: no judgement pre-filled, the state's default marking chosen.
    static var new: Self { page(nil) }

    /// A new response in a state with no assessment yet: nothing to address, no agency to lead.
    static var nothingToLink: Self { page(nil, risks: [], agencies: []) }

    /// The counter-drone response being changed: every field from the stored response, its version kept.
    static var editing: Self { page(Valdoria.counterDrone) }

    /// What a policy maker typed, refused: a reduction of 150 %, low above best, a risk of no assessment of the state, a
    /// currency in words.
    static let refusedFields = [
        "title": "Counter-drone patrols " + Valdoria.markup, "type": "R05", "tlp": "AMBER", "target." + Valdoria.drones.id: "on",
        "target." + Valdoria.id(399): "on", "effect.1.factor": "opportunity", "effect.1.low": "20", "effect.1.best": "150",
        "effect.1.high": "160", "effect.2.factor": "intent", "effect.2.low": "40", "effect.2.best": "30", "effect.2.high": "20",
        "leadAgency": Valdoria.police.id, "costLow": "250000", "costHigh": "400000", "currency": "euro", "_csrf": Valdoria.csrf,
    ]

    static var refused: Self {
        page(
            nil, submitted: refusedFields,
            failure: Valdoria.refusal { try PolicyResponseDraft(fields: refusedFields).validated(in: context) })
    }

    /// The other fields refused: an agency of no assessment of the state, a marking that is not TLP, a description and a
    /// legal basis over their limits (4,000 and 2,000 characters).
    static let otherRefusedFields = [
        "title": "Counter-drone patrols", "type": "R05", "tlp": "PURPLE", "leadAgency": Valdoria.id(499),
        "description": String(repeating: "Patrols. ", count: 445), "legalBasis": String(repeating: "Act 14b. ", count: 223),
        "_csrf": Valdoria.csrf,
    ]

    static var refusedOtherFields: Self {
        page(
            nil, submitted: otherRefusedFields,
            failure: Valdoria.failure { try PolicyResponseDraft(fields: otherRefusedFields).validated(in: context) })
    }

    /// A stale save (409): what the policy maker typed is kept, the form now carries the stored version.
    static var conflict: Self {
        var typed = ResponseFormPage.fields(of: Valdoria.counterDrone)
        typed["title"] = "Counter-drone detection at mass gatherings"
        typed["effect.1.best"] = "30"
        return page(
            Valdoria.counterDrone, submitted: typed, conflict: Localizer.english("policy.form.conflict"), version: Valdoria.counterDrone.version + 1)
    }
}

extension ResponsePage {
    /// A response's page as ``ResponseDetail`` builds it: its targets' figures from the register with residual risk (and
    /// observed effectiveness from round 2), its checklists, overrides, the viewer's abilities and its indicators.
    static func page(
        _ identity: Identity, response r: PolicyResponse, indicators: [Indicator] = [], refused: Refused? = nil, language: Language = .english
    ) -> Self {
        let method = Valdoria.method
        let checklists = Self.checklists(r)
        return .make(
            layout: Valdoria.policyLayout(
                r.title, identity: identity, at: .response(r.stateID, response: r.id), tlp: r.tlp, language: language), response: r,
            method: method, risks: Valdoria.addressableRisks, agencies: Valdoria.agencies, figures: figures(r), checklists: checklists,
            overrides: Valdoria.overrides.filter { $0.responseID == r.id },
            abilities: PolicyAbilities(identity: identity, response: r, blocking: checklists.flatMap(\.blocking)), indicators: indicators,
            today: Valdoria.today, csrf: Valdoria.csrf, refused: refused)
    }

    /// The response's two checklists for its current version, from Valdoria's reviews.
    static func checklists(_ r: PolicyResponse) -> [ReviewChecklist] {
        ReviewKind.allCases.map {
            ReviewChecklist(kind: $0, method: Valdoria.method, reviews: Valdoria.reviews.filter { $0.responseID == r.id }, version: r.version)
        }
    }

    /// Its targets' figures from the register with residual risk, and observed effectiveness from round 2.
    static func figures(_ r: PolicyResponse) -> [String: TargetFigures] {
        var figures: [String: TargetFigures] = [:]
        for target in r.targets {
            let observed = target.baselineRound.flatMap {
                target.kind == .scenario
                    ? ObservedEffectiveness(
                        scenarioID: target.riskID, baselineRound: $0, scores: Valdoria.roundOneScores + Valdoria.roundTwoScores) : nil
            }
            figures[target.riskID] = TargetFigures(entry: Valdoria.entry(target.riskID), observed: observed)
        }
        return figures
    }

    /// The policy maker who wrote the counter-drone response: the change link, the moves (approval among them), the
    /// indicator form; the reviews read only.
    static var policyMaker: Self { page(Valdoria.policyMaker, response: Valdoria.counterDrone) }

    /// A reviewer: a form under each review, nothing else to change.
    static var reviewer: Self { page(Valdoria.reviewer, response: Valdoria.counterDrone) }

    /// A policy maker who is also a reviewer, on the draft they wrote: the "own response" note instead of the forms.
    static var ownResponse: Self { page(Valdoria.reviewingPolicyMaker, response: Valdoria.deepfakeDesk) }

    /// The focal point on the response H04 blocks: the override form.
    static var focalPoint: Self { page(Valdoria.focalPoint, response: Valdoria.counterDrone) }

    /// The licensing, approved through an override: the override and an older one for version 2.
    static var overridden: Self { page(Valdoria.focalPoint, response: Valdoria.assetLicensing) }

    /// A reviewer's human-rights review refused: a reasoning without an answer, an answer without reasoning, a status the
    /// method does not know.
    static let refusedReview = [
        "version": "2", "check.H03.status": "met", "check.H03.reasoning": "", "check.H04.status": "",
        "check.H04.reasoning": "Detection alone would do " + Valdoria.markup, "check.H07.status": "maybe", "check.H07.reasoning": "Unclear.",
        "_csrf": Valdoria.csrf,
    ]

    static var reviewRefused: Self {
        page(
            Valdoria.reviewer, response: Valdoria.counterDrone,
            refused: .review(
                .humanRights, refusedReview,
                Valdoria.failure { try ReviewDraft(fields: refusedReview).validated(kind: .humanRights, method: Valdoria.method) }))
    }

    /// The policy maker's approval refused by the method's rule: H04 is Not met and nobody overrode it.
    static var approvalRefused: Self {
        page(Valdoria.policyMaker, response: Valdoria.counterDrone, refused: .rule(PolicyRuleViolation.approvalBlocked(checks: ["H04"]).explanation))
    }

    /// A reviewer's gender review refused: a marker outside 0–3.
    static let refusedGenderReview = [
        "version": "2", "check.G08.status": "met", "check.G08.reasoning": "A significant contribution.", "genderMarker": "5",
        "_csrf": Valdoria.csrf,
    ]

    static var genderReviewRefused: Self {
        page(
            Valdoria.reviewer, response: Valdoria.counterDrone,
            refused: .review(
                .gender, refusedGenderReview,
                Valdoria.failure { try ReviewDraft(fields: refusedGenderReview).validated(kind: .gender, method: Valdoria.method) }))
    }

    /// A focal point's override refused: no sentence.
    static var overrideRefused: Self {
        let typed = ["version": "2", "justification": "Urgent.", "_csrf": Valdoria.csrf]
        return page(
            Valdoria.focalPoint, response: Valdoria.counterDrone,
            refused: .override(
                typed, Valdoria.failure { try OverrideDraft(fields: typed).validated() }))
    }

    /// The clean response, implementing, with its indicators: one measured, one stale, one without a value; a value
    /// refused on the first (not a number, in the future, no evidence, no reliability).
    static var indicators: Self {
        let typed = ["value": "about 2500", "date": "2026-10-01", "evidence": "", "reliability": "", "_csrf": Valdoria.csrf]
        let indicatorID = Valdoria.id(911)
        return page(
            Valdoria.policyMaker, response: Valdoria.counterNarratives, indicators: Valdoria.counterNarrativesIndicators,
            refused: .actual(
                indicatorID: indicatorID, typed,
                Valdoria.failure {
                    try ActualDraft(fields: typed).validated(
                        id: Valdoria.id(929), indicatorID: indicatorID, recordedBy: Valdoria.policyMaker.userID, today: Valdoria.today)
                }))
    }

    /// A new indicator refused: the target below the baseline of an indicator that should increase, dated before it.
    static var indicatorRefused: Self {
        let typed = [
            "name": "Officers trained", "level": "output", "unit": "officers", "direction": "increase", "baseline": "40",
            "baselineDate": "2026-06-30", "target": "20", "targetDate": "2026-01-31", "_csrf": Valdoria.csrf,
        ]
        return page(
            Valdoria.policyMaker, response: Valdoria.counterNarratives, indicators: Valdoria.counterNarrativesIndicators,
            refused: .indicator(
                typed,
                Valdoria.failure { try IndicatorDraft(fields: typed).validated(id: Valdoria.id(919), responseID: Valdoria.counterNarratives.id) }))
    }

    /// The focal point on the blocked response, in Arabic: the interface right to left.
    static var arabic: Self { page(Valdoria.focalPoint, response: Valdoria.counterDrone, language: .arabic) }
}

extension ResidualTracePage {
    static func page(_ entry: RegisterDocument.Entry, identity: Identity = Valdoria.policyMaker) -> Self {
        let assessment = Valdoria.assessment
        return .make(
            layout: Valdoria.policyLayout(
                "Residual risk of \(entry.title)", identity: identity, at: .residualTrace(assessment.stateID, assessment.id, risk: entry.id)),
            assessment: assessment, entry: entry)
    }

    /// The crowdfunding scenario, reduced by the approved licensing: factors, multipliers and each step.
    static var mock: Self { page(Valdoria.entry(Valdoria.cryptoFunding.id)) }

    /// Ransomware, another national risk: the likelihood effect applied, the technology effect not (it has no such factor).
    static var otherRisk: Self { page(Valdoria.entry(Valdoria.ransomware.id)) }

    /// The deepfake scenario after the follow-up round: its scores already reflect the counter-narratives.
    static var followUp: Self { page(Valdoria.entry(Valdoria.deepfakes.id, in: Valdoria.followUpRegister)) }

    /// A register computed without responses: nothing to trace.
    static var withoutResidual: Self { page(Valdoria.entry(Valdoria.drones.id, in: Valdoria.roundOneRegister)) }
}

extension OptionsPage {
    static func page(_ entry: RegisterDocument.Entry, candidates: [PolicyResponse]) -> Self {
        let assessment = Valdoria.assessment
        return .make(
            layout: Valdoria.policyLayout(
                "Options for \(entry.title)", identity: Valdoria.policyMaker,
                at: .riskOptions(assessment.stateID, assessment.id, risk: entry.id), tlp: assessment.tlp),
            assessment: assessment, entry: entry, options: options(entry, candidates: candidates))
    }

    /// The options as the server computes them (its default draws and seed).
    static func options(_ entry: RegisterDocument.Entry, candidates: [PolicyResponse]) -> ResponseOptions {
        ResponseOptions(entry: entry, candidates: candidates)
    }

    /// The drone scenario: the counter-drone response and the geofencing compared in euros, the radar sharing in dollars
    /// and the stewards without a cost after them; the withdrawn biometric gates left out.
    static var mock: Self { page(Valdoria.entry(Valdoria.drones.id), candidates: Valdoria.droneCandidates) }

    /// The flooding: no response addresses it.
    static var empty: Self { page(Valdoria.entry(Valdoria.flooding.id), candidates: []) }
}

extension PortfolioPage {
    /// Every response that is not withdrawn and addresses a risk of the register, Valdoria's and the drone candidates.
    static let candidates = (Valdoria.responses + [Valdoria.geofencing, Valdoria.radarSharing, Valdoria.droneStewards]).filter {
        $0.status != .withdrawn
    }

    static func page(_ chosen: [PolicyResponse], budget: String, budgetFailure: ValidationFailure? = nil, whatIf: RegisterDocument?) -> Self {
        let assessment = Valdoria.assessment
        return .make(
            layout: Valdoria.policyLayout(
                "Portfolio: what if", identity: Valdoria.policyMaker, at: .portfolio(assessment.stateID, assessment.id), tlp: assessment.tlp),
            assessment: assessment, candidates: candidates, chosen: Set(chosen.map(\.id)), budget: budget, budgetFailure: budgetFailure,
            current: Valdoria.residualRegister, whatIf: whatIf)
    }

    /// Nothing ticked yet: the list of candidates, no result.
    static var mock: Self { page([], budget: "", whatIf: nil) }

    /// The counter-drone response, the geofencing and the radar sharing ticked, within a budget of 500,000 that the euros
    /// exceed (330,000–520,000 EUR).
    static let chosen = [Valdoria.counterDrone, Valdoria.geofencing, Valdoria.radarSharing]
    static let whatIf = Valdoria.whatIfRegister(chosen)
    static var overBudget: Self { page(chosen, budget: "500,000", whatIf: whatIf) }

    /// A budget that is not an amount: refused as the server refuses it, no result, the choice kept.
    static var refused: Self {
        page(chosen, budget: "abc", budgetFailure: ValidationFailure(field: "budget", "validation.policy.amount"), whatIf: nil)
    }
}

extension CompliancePage {
    static func page(_ summary: ComplianceSummary) -> Self {
        .make(
            layout: Valdoria.policyLayout("Human-rights and gender compliance", identity: Valdoria.focalPoint, at: .compliance(Valdoria.state.id)),
            stateID: Valdoria.state.id, summary: summary)
    }

    /// Valdoria's responses: the draft and the counter-drone response blocked, the licensing's two overrides, markers 1
    /// and 2.
    static var mock: Self {
        page(ComplianceSummary(responses: Valdoria.responses, reviews: Valdoria.reviews, overrides: Valdoria.overrides, method: Valdoria.method))
    }

    /// A state with no responses.
    static var empty: Self { page(ComplianceSummary(responses: [], reviews: [], overrides: [], method: Valdoria.method)) }
}

extension PolicyDocumentPage {
    static func page(_ responses: [PolicyResponse]) -> Self {
        let inputs = responses.map { r in
            Input(
                response: r, figures: ResponsePage.figures(r), checklists: ResponsePage.checklists(r),
                overrides: Valdoria.overrides.filter { $0.responseID == r.id },
                indicators: r.id == Valdoria.counterNarratives.id ? Valdoria.counterNarrativesIndicators : [])
        }
        return .make(
            layout: Valdoria.policyLayout(
                "National policy document", identity: Valdoria.policyMaker, at: .policyDocument(Valdoria.state.id),
                tlp: responses.map(\.tlp).max() ?? Valdoria.state.defaultTLP),
            state: Valdoria.state, inputs: inputs, method: Valdoria.method, risks: Valdoria.addressableRisks, agencies: Valdoria.agencies,
            today: Valdoria.today)
    }

    /// The responses approved or further along: the licensing (with its overrides) and the counter-narratives (with
    /// their indicators).
    static var mock: Self { page(Valdoria.responses.filter(\.status.counts)) }

    /// Nothing approved yet.
    static var empty: Self { page([]) }
}
