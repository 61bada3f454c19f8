import CTTechCore

@testable import CTTechWeb

extension Valdoria {
    /// The layout of a capability or roadmap page: the state's default marking and its steps as the server lists them.
    static func capabilityLayout(_ title: String, identity: Identity, at url: SiteURL, language: Language = .english) -> LayoutModel {
        let t = Localizer(language)
        var steps = [(t("nav.state-overview"), SiteURL.state(state.id).path)]
        if Authorizer.allows(identity, state: state.id, .viewAssessment) {
            steps.append((t("nav.threat-assessment"), SiteURL.assessments(state.id).path))
        }
        if Authorizer.allows(identity, state: state.id, .viewResponses) {
            steps.append((t("nav.policy-responses"), SiteURL.responses(state.id).path))
        }
        if Authorizer.allows(identity, state: state.id, .viewCapability) {
            steps.append((t("nav.capability"), SiteURL.capability(state.id).path))
            steps.append((t("nav.roadmap"), SiteURL.roadmap(state.id).path))
        }
        return LayoutModel(
            title: title, tlp: state.defaultTLP, identity: identity, csrf: csrf, path: url.path, stateName: state.name, stateSteps: steps,
            language: language)
    }

    /// The layout of a framework page (reference data: no state, marked CLEAR).
    static func frameworkLayout(_ title: String, identity: Identity, at url: SiteURL) -> LayoutModel {
        LayoutModel(title: title, tlp: .clear, identity: identity, csrf: csrf, path: url.path)
    }

    /// The framework versions as the store lists them: the compact one current, the default before it.
    static let frameworkSummaries = [
        FrameworkSummary(
            id: capabilityFramework.id, title: capabilityFramework.title, isCurrent: true, criteria: capabilityFramework.criteria.count,
            publishedAt: now - 10 * day),
        FrameworkSummary(
            id: CapabilityFramework.defaultID, title: CapabilityFramework.ctTechDefault.title, isCurrent: false,
            criteria: CapabilityFramework.ctTechDefault.criteria.count, publishedAt: now - 400 * day),
    ]
}

extension CapabilityPage {
    static func page(_ identity: Identity, assessments: [CapabilityAssessment], roadmap: [RoadmapItem]) -> Self {
        let stateID = Valdoria.state.id
        return .make(
            layout: Valdoria.capabilityLayout("Capabilities", identity: identity, at: .capability(stateID)), stateID: stateID,
            assessments: assessments, roadmap: roadmap, canWrite: Authorizer.allows(identity, state: stateID, .writeCapability),
            canValidate: Authorizer.allows(identity, state: stateID, .validateCapability))
    }

    /// A focal point: the three assessments (the validated one and the follow-up say what they link to), the way to open a
    /// self-assessment, the roadmap's counts.
    static var mock: Self { page(Valdoria.focalPoint, assessments: Valdoria.capabilityAssessments, roadmap: Valdoria.roadmap) }

    /// A facilitator: the way to enter a validated assessment, not a self-assessment.
    static var facilitator: Self { page(Valdoria.facilitator, assessments: Valdoria.capabilityAssessments, roadmap: Valdoria.roadmap) }

    /// A reviewer before anything exists: nothing to open, nothing to validate.
    static var empty: Self { page(Valdoria.reviewer, assessments: [], roadmap: []) }
}

extension CapabilityFormPage {
    static func page(
        _ identity: Identity, validated: Bool, submitted: [String: String]? = nil, failure: ValidationFailure? = nil
    ) -> Self {
        let stateID = Valdoria.state.id
        return .make(
            layout: Valdoria.capabilityLayout(
                validated ? "Enter a validated assessment" : "Open a capability self-assessment", identity: identity,
                at: .capabilityNew(stateID, validated: validated)), stateID: stateID, validated: validated,
            framework: Valdoria.capabilityFramework, agencies: Valdoria.agencies, assessments: Valdoria.capabilityAssessments,
            threatAssessments: [Valdoria.assessment, Valdoria.previousAssessment], today: Valdoria.today, csrf: Valdoria.csrf,
            submitted: submitted, failure: failure)
    }

    /// An assessor opens a self-assessment: today's date, every area ticked, the latest threat assessment's register.
    static var newSelf: Self { page(Valdoria.assessor, validated: false) }

    /// A facilitator enters a validated assessment: the self-assessment to choose, no area ticked.
    static var newValidated: Self { page(Valdoria.facilitator, validated: true) }

    static let context = CapabilityAssessmentDraft.Context(
        areas: Valdoria.capabilityFramework.areas.map(\.code),
        agencies: Dictionary(uniqueKeysWithValues: Valdoria.agencies.map { ($0.id, $0.name) }),
        selfAssessments: Set(Valdoria.capabilityAssessments.filter { $0.kind == .selfAssessed }.map(\.id)),
        assessments: Set(Valdoria.capabilityAssessments.map(\.id)), threatAssessments: [Valdoria.assessment.id, Valdoria.previousAssessment.id])

    /// Refused: no title, an agency and a baseline of no record of the state, an impossible date, an area the framework
    /// does not have (and so none of its own).
    static let refusedFields = [
        "kind": "self", "title": " ", "agency": Valdoria.id(498), "conductedOn": "2026-13-45", "baseline": Valdoria.id(1099),
        "registerAssessment": Valdoria.assessment.id, "area.F99": "on", "_csrf": Valdoria.csrf,
    ]

    static var refused: Self {
        page(
            Valdoria.assessor, validated: false, submitted: refusedFields,
            failure: Valdoria.failure { try CapabilityAssessmentDraft(fields: refusedFields).validated(kind: .selfAssessed, in: context) })
    }
}

extension CapabilityAssessmentPage {
    static func page(
        _ identity: Identity, assessment: CapabilityAssessment, records: [CriterionRecord], evidence: [CapabilityEvidence],
        evidenceSubmitted: [String: String]? = nil, evidenceFailure: ValidationFailure? = nil
    ) -> Self {
        let stateID = Valdoria.state.id
        return .make(
            layout: Valdoria.capabilityLayout(assessment.title, identity: identity, at: .capabilityAssessment(stateID, capability: assessment.id)),
            stateID: stateID, assessment: assessment, framework: Valdoria.capabilityFramework, grid: Valdoria.grid(assessment, records),
            records: records, evidence: evidence, related: Valdoria.capabilityAssessments,
            canEdit: Authorizer.allows(
                identity, state: stateID, assessment.kind == .validated ? .validateCapability : .writeCapability), csrf: Valdoria.csrf,
            evidenceSubmitted: evidenceSubmitted, evidenceFailure: evidenceFailure)
    }

    /// The assessor on the national self-assessment: levels 0–4 with progress, its two evidence items, the links to its
    /// validated assessment and its follow-up, the evidence form.
    static var mock: Self {
        page(Valdoria.assessor, assessment: Valdoria.selfAssessment, records: Valdoria.selfRecords, evidence: Valdoria.selfEvidence)
    }

    /// A policy maker on the police's follow-up, just opened: every cell 0 with a dashed outline, no evidence, no form.
    static var empty: Self { page(Valdoria.policyMaker, assessment: Valdoria.policeFollowUp, records: [], evidence: []) }

    /// The facilitator on the validated assessment: the link back to the self-assessment it validates.
    static var validated: Self {
        page(
            Valdoria.facilitator, assessment: Valdoria.validatedAssessment, records: Valdoria.validatedRecords,
            evidence: Valdoria.validatedEvidence)
    }

    /// Evidence refused: no summary, a reliability grade that does not exist, no credibility.
    static let refusedEvidence = [
        "summary": "", "source": "Police academy", "reliability": "Z", "credibility": "", "observedOn": "2026-02-30", "_csrf": Valdoria.csrf,
    ]

    static var evidenceRefused: Self {
        page(
            Valdoria.assessor, assessment: Valdoria.selfAssessment, records: Valdoria.selfRecords, evidence: Valdoria.selfEvidence,
            evidenceSubmitted: refusedEvidence, evidenceFailure: Valdoria.failure { try EvidenceDraft(fields: refusedEvidence).graded() })
    }
}

extension AreaAnswersPage {
    static func page(
        _ identity: Identity, assessment: CapabilityAssessment = Valdoria.selfAssessment, area: String = "F01",
        records: [CriterionRecord] = Valdoria.selfRecords, evidence: [CapabilityEvidence] = Valdoria.selfEvidence,
        selfRecords: [CriterionRecord]? = nil, submitted: [String: String]? = nil, failure: ValidationFailure? = nil, conflict: String? = nil,
        version: Int? = nil
    ) -> Self {
        let stateID = Valdoria.state.id
        let framework = Valdoria.capabilityFramework
        return .make(
            layout: Valdoria.capabilityLayout(
                CapabilityWords.area(area, framework: framework, .english), identity: identity,
                at: .capabilityArea(stateID, capability: assessment.id, area: area)), stateID: stateID, assessment: assessment, area: area,
            framework: framework, records: records, evidence: evidence, selfRecords: selfRecords,
            canEdit: Authorizer.allows(identity, state: stateID, assessment.kind == .validated ? .validateCapability : .writeCapability),
            csrf: Valdoria.csrf, submitted: submitted, failure: failure, conflict: conflict, version: version)
    }

    /// The assessor answering F01 of the self-assessment: every stored answer, confidence, note and evidence number.
    static var editable: Self { page(Valdoria.assessor) }

    /// A policy maker reads F01: the answers as text, no form.
    static var readOnly: Self { page(Valdoria.policyMaker) }

    /// The stored answers of F01 as the form's fields.
    static var storedFields: [String: String] {
        let numberOf = Dictionary(uniqueKeysWithValues: Valdoria.selfEvidence.enumerated().map { ($1.id, $0 + 1) })
        let f01 = Dictionary(uniqueKeysWithValues: Valdoria.selfRecords.filter { $0.area == "F01" }.map { ($0.criterion, $0) })
        return fields(of: f01.values, numberOf: numberOf)
    }

    /// Refused: an answer that is not one of the list, evidence number 7 of a list of two, a note over 1,000 characters and
    /// a criterion of no framework.
    static var refusedFields: [String: String] {
        var typed = storedFields
        typed["answer.E1.3.a"] = "mostly"
        typed["evidenceNumbers.E1.1.a"] = "1, 7"
        typed["note.E4.1.a"] = String(repeating: "Flagged. ", count: 112)
        typed["answer.X9.9.z"] = "fully"
        typed["version"] = String(Valdoria.selfAssessment.version)
        typed["_csrf"] = Valdoria.csrf
        return typed
    }

    static var refused: Self {
        let typed = refusedFields
        return page(
            Valdoria.assessor, submitted: typed,
            failure: Valdoria.failure {
                try AnswersDraft(fields: typed).validated(
                    framework: Valdoria.capabilityFramework, area: "F01", assessmentID: Valdoria.selfAssessment.id,
                    evidenceIDs: Set(Valdoria.selfEvidence.map(\.id)), numbered: Valdoria.selfEvidence.map(\.id), by: Valdoria.assessor.userID,
                    at: Valdoria.now)
            })
    }

    /// A stale save (409): what the assessor typed is kept (E1.3.a now Largely, a new note), the form carries the stored
    /// version.
    static var conflict: Self {
        var typed = storedFields
        typed["answer.E1.3.a"] = "largely"
        typed["note.E1.3.a"] = "Production orders adopted in August."
        return page(
            Valdoria.assessor, submitted: typed, conflict: Localizer.english("capability.area.conflict"),
            version: Valdoria.selfAssessment.version + 1)
    }

    /// The facilitator validating F01: each criterion shows the self-assessed answer above the form's own.
    static var validatedWithSelfAnswers: Self {
        page(
            Valdoria.facilitator, assessment: Valdoria.validatedAssessment, records: Valdoria.validatedRecords,
            evidence: Valdoria.validatedEvidence, selfRecords: Valdoria.selfRecords)
    }
}

extension CapabilityPlanPage {
    static func page(
        _ identity: Identity, assessment: CapabilityAssessment = Valdoria.selfAssessment, relevance: [String: AreaRelevance]?,
        registerTitle: String?, refused: (area: String, fields: [String: String], failure: ValidationFailure)? = nil, conflict: String? = nil
    ) -> Self {
        let stateID = Valdoria.state.id
        let framework = Valdoria.capabilityFramework
        return .make(
            layout: Valdoria.capabilityLayout(
                "Targets and priorities: \(assessment.title)", identity: identity, at: .capabilityPlan(stateID, capability: assessment.id)),
            stateID: stateID, assessment: assessment, framework: framework, grid: Valdoria.selfGrid, targets: Valdoria.capabilityTargets,
            priorities: DevelopmentPriority.rank(
                framework: framework, grid: Valdoria.selfGrid, targets: Valdoria.capabilityTargets, relevance: relevance),
            relevance: relevance, registerTitle: registerTitle, canPlan: Authorizer.allows(identity, state: stateID, .planDevelopment),
            csrf: Valdoria.csrf, refused: refused, conflict: conflict, roadmap: Valdoria.roadmap)
    }

    /// A policy maker with the 2026 register: relevance per area with its scenarios, the way to propose targets, the
    /// priority areas and gaps, a target form per area.
    static var mock: Self { page(Valdoria.policyMaker, relevance: Valdoria.areaRelevance, registerTitle: Valdoria.assessment.title) }

    /// A reviewer on an assessment that names no register: every area fully relevant, nothing to propose, no form.
    static var withoutRegister: Self {
        page(
            Valdoria.reviewer, assessment: with(Valdoria.selfAssessment) { $0.registerAssessmentID = nil }, relevance: nil, registerTitle: nil)
    }

    /// F01's targets refused: E1 below the level reached (2), E4 not a stage, a cost rating that does not exist.
    static let refusedTargets = [
        "version": "6", "target.E1": "1", "target.E4": "7", "target.E8": "4", "cost": "cheap", "prerequisites": "favourable",
        "readiness": "moderate", "_csrf": Valdoria.csrf,
    ]

    static var targetRefused: Self {
        page(
            Valdoria.policyMaker, relevance: Valdoria.areaRelevance, registerTitle: Valdoria.assessment.title,
            refused: (
                "F01", refusedTargets,
                Valdoria.failure {
                    try TargetsDraft(fields: refusedTargets).validated(
                        framework: Valdoria.capabilityFramework, area: "F01", assessmentID: Valdoria.selfAssessment.id, grid: Valdoria.selfGrid,
                        by: Valdoria.policyMaker.userID, at: Valdoria.now)
                }
            ))
    }
}

extension CapabilityComparePage {
    /// The self-assessment against the facilitator's validated assessment of F01: E1 fell, E4 rose, with both evidences.
    static var mock: Self {
        let stateID = Valdoria.state.id
        let framework = Valdoria.capabilityFramework
        return .make(
            layout: Valdoria.capabilityLayout(
                "Comparison", identity: Valdoria.focalPoint,
                at: .capabilityCompare(stateID, capability: Valdoria.selfAssessment.id, other: Valdoria.validatedAssessment.id)),
            stateID: stateID, from: Valdoria.selfAssessment, before: Valdoria.selfAssessment, after: Valdoria.validatedAssessment,
            framework: framework,
            comparison: CapabilityComparison(
                framework: framework, before: Valdoria.selfGrid, after: Valdoria.validatedGrid, beforeRecords: Valdoria.selfRecords,
                afterRecords: Valdoria.validatedRecords), beforeEvidence: Valdoria.selfEvidence, afterEvidence: Valdoria.validatedEvidence)
    }
}

extension RoadmapPage {
    static func page(_ identity: Identity, items: [RoadmapItem]) -> Self {
        let stateID = Valdoria.state.id
        return .make(
            layout: Valdoria.capabilityLayout("Development roadmap", identity: identity, at: .roadmap(stateID)), stateID: stateID, items: items,
            framework: Valdoria.capabilityFramework, agencies: Valdoria.agencies, today: Valdoria.today,
            canPlan: Authorizer.allows(identity, state: stateID, .planDevelopment))
    }

    /// A policy maker: the foresight cell (done), the guidance, the training (undated, scheduled after the guidance) and the
    /// platform (dated to start before the training ends) — the last three the critical path.
    static var mock: Self { page(Valdoria.policyMaker, items: Valdoria.roadmap) }

    /// A reviewer before any item exists.
    static var empty: Self { page(Valdoria.reviewer, items: []) }

    /// Items that require each other (the store refuses this; the page still says so rather than draw an order).
    static var withCycle: Self {
        let guidance = with(Valdoria.legalGuidance) { $0.prerequisites = [Valdoria.analysisPlatform.id] }
        return page(Valdoria.policyMaker, items: [Valdoria.foresightCell, guidance, Valdoria.osintTraining, Valdoria.analysisPlatform])
    }
}

extension RoadmapFormPage {
    static func page(
        _ item: RoadmapItem?, prefill: [String: String] = [:], submitted: [String: String]? = nil, failure: ValidationFailure? = nil,
        conflict: String? = nil, version: Int? = nil
    ) -> Self {
        let stateID = Valdoria.state.id
        return .make(
            layout: Valdoria.capabilityLayout(
                item.map { "Change \($0.title)" } ?? "Add a roadmap item", identity: Valdoria.policyMaker,
                at: item.map { .roadmapItemEdit(stateID, item: $0.id) } ?? .roadmapNew(stateID)), stateID: stateID, item: item,
            framework: Valdoria.capabilityFramework, method: Valdoria.method, agencies: Valdoria.agencies, items: Valdoria.roadmap,
            csrf: Valdoria.csrf, prefill: prefill, submitted: submitted, failure: failure, conflict: conflict, version: version)
    }

    /// A new item: a development item, medium term, nothing else chosen; every other item offered as a prerequisite.
    static var new: Self { page(nil) }

    /// A new item from a gap of the priorities: its area, enabler, stage and a title filled in.
    static var fromGap: Self {
        page(nil, prefill: ["area": "F01", "enabler": "E1", "toStage": "3", "title": "Close the gap F01 · E1 → 3"])
    }

    /// The training being changed: its fields, its prerequisite ticked, its milestone, its version.
    static var edit: Self { page(Valdoria.osintTraining) }

    static let context = RoadmapItemDraft.Context(
        framework: Valdoria.capabilityFramework, technologies: Set(Valdoria.method.items(.technologies).map(\.code)),
        agencyIDs: Set(Valdoria.agencies.map(\.id)), itemIDs: Set(Valdoria.roadmap.map(\.id)))

    /// Refused: an adoption without a title or technology, a stage 9, dates the wrong way round, a cost low above high in
    /// a currency written as a word, a prerequisite of no roadmap, a milestone without a date and a readiness rating that
    /// does not exist.
    static let refusedFields = [
        "kind": "adoption", "title": "", "technology": "", "toStage": "9", "horizon": "short", "start": "2027-05-01", "end": "2027-01-01",
        "costLow": "900", "costHigh": "100", "currency": "euro", "prerequisite." + Valdoria.id(1299): "on", "milestone.1.title": "Pilot",
        "milestone.1.due": "soon", "readiness.skills": "very", "_csrf": Valdoria.csrf,
    ]

    static var refused: Self {
        page(nil, submitted: refusedFields, failure: Valdoria.failure { try RoadmapItemDraft(fields: refusedFields).validated(in: context) })
    }

    /// A stale save of the training (409): what the planner typed is kept, the form carries the stored version.
    static var conflict: Self {
        var typed = RoadmapItemDraft(item: Valdoria.osintTraining).fields
        typed["title"] = "OSINT and dark-web investigator training"
        typed["horizon"] = "short"
        return page(
            Valdoria.osintTraining, submitted: typed, conflict: Localizer.english("policy.form.conflict"),
            version: Valdoria.osintTraining.version + 1)
    }
}

extension RoadmapItemPage {
    static func page(
        _ identity: Identity, item: RoadmapItem = Valdoria.analysisPlatform, reviews: [CheckReview] = Valdoria.platformReviews,
        refused: Refused? = nil
    ) -> Self {
        let stateID = Valdoria.state.id
        let items = Valdoria.roadmap.map { $0.id == item.id ? item : $0 }
        return .make(
            layout: Valdoria.capabilityLayout(item.title, identity: identity, at: .roadmapItem(stateID, item: item.id)), stateID: stateID,
            item: item, items: items, framework: Valdoria.capabilityFramework, method: Valdoria.method, agencies: Valdoria.agencies,
            checklists: ReviewChecklist.roadmap(item, method: Valdoria.method, framework: Valdoria.capabilityFramework, reviews: reviews),
            actorID: identity.userID, canPlan: Authorizer.allows(identity, state: stateID, .planDevelopment),
            canApprove: Authorizer.allows(identity, state: stateID, .approveRoadmap),
            canReview: Authorizer.allows(identity, state: stateID, .reviewRoadmap), today: Valdoria.today, csrf: Valdoria.csrf, refused: refused)
    }

    /// The policy maker on the platform: approval blocked (H09 Not met, the rest of the mandatory checks unreviewed or
    /// reviewed for version 1), the readiness profile, moves without approval.
    static var adoptionBlocked: Self { page(Valdoria.policyMaker) }

    /// The focal point's approval refused by the rule.
    static var approvalRefused: Self {
        let blocking = ReviewChecklist.roadmap(
            Valdoria.analysisPlatform, method: Valdoria.method, framework: Valdoria.capabilityFramework, reviews: Valdoria.platformReviews
        ).flatMap(\.blocking)
        return page(Valdoria.focalPoint, refused: .rule(CapabilityRuleViolation.adoptionNotReviewed(checks: blocking).explanation))
    }

    /// The focal point once every mandatory check is met: the gate clear, Approve offered.
    static var adoptionClear: Self { page(Valdoria.focalPoint, reviews: Valdoria.platformClearReviews) }

    /// A reviewer: a form under each checklist.
    static var reviewer: Self { page(Valdoria.reviewer) }

    /// A policy maker who is also a reviewer, on the adoption they wrote: the "own item" note instead of the forms.
    static var ownItem: Self {
        page(Valdoria.reviewingPolicyMaker, item: with(Valdoria.analysisPlatform) { $0.createdBy = Valdoria.reviewingPolicyMaker.userID })
    }

    /// A reviewer's human-rights review refused: a status without reasoning, a reasoning without status.
    static let refusedReview = [
        "version": "2", "check.H09.status": "not-met", "check.H09.reasoning": "", "check.H12.status": "",
        "check.H12.reasoning": "The vendor was not vetted " + Valdoria.markup, "_csrf": Valdoria.csrf,
    ]

    static var reviewRefused: Self {
        var method = Valdoria.method
        method.mandatoryChecks.formUnion(Valdoria.capabilityFramework.adoptionChecks)
        return page(
            Valdoria.reviewer,
            refused: .review(
                .humanRights, refusedReview,
                Valdoria.failure { try ReviewDraft(fields: refusedReview).validated(kind: .humanRights, method: method) }))
    }

    /// The approved guidance, a development item: its milestones to tick, its dependant, no readiness profile, no gate.
    static var development: Self { page(Valdoria.policyMaker, item: Valdoria.legalGuidance, reviews: []) }
}

extension FrameworksPage {
    static func page(_ identity: Identity, submitted: String? = nil, failure: ValidationFailure? = nil) -> Self {
        .make(
            layout: Valdoria.frameworkLayout("Capability framework versions", identity: identity, at: .frameworks),
            frameworks: Valdoria.frameworkSummaries, canPublish: (try? Authorizer.administrator(identity)) != nil, csrf: Valdoria.csrf,
            submitted: submitted, failure: failure)
    }

    /// An administrator: the versions and the form that publishes one.
    static var administrator: Self { page(Valdoria.administrator) }

    /// An assessor: the versions only.
    static var nonAdministrator: Self { page(Valdoria.assessor) }

    /// A version refused: not a framework in JSON; what was pasted is kept (escaped).
    static let refusedJSON = #"{"id": "vld-2027", "title": "<b>New</b>", "criteria": "#
    static var refused: Self {
        page(
            Valdoria.administrator, submitted: refusedJSON,
            failure: ValidationFailure(field: "framework", "validation.capability.framework-json"))
    }
}

extension FrameworkPage {
    /// The compact framework: its stages, areas with what each counters, generic and specific criteria, readiness
    /// dimensions and the adoption checks.
    static var mock: Self {
        .make(
            layout: Valdoria.frameworkLayout(
                Valdoria.capabilityFramework.title, identity: Valdoria.assessor, at: .framework(Valdoria.capabilityFramework.id)),
            framework: Valdoria.capabilityFramework, method: Valdoria.method)
    }
}
