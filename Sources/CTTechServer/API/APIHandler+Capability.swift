import CTTechAPI
import CTTechCore
import CTTechStore
import Foundation
import OpenAPIRuntime

/// Steps 7–8 through the JSON API: capability assessments with their answers, evidence and targets, the priorities of
/// the gaps, the development roadmap with its reviews, and the framework versions. Each operation parses its typed body
/// into the draft the web form fills, calls the same use case as the web (``CapabilityAssessing``,
/// ``DevelopmentPlanning``) with the same permissions, and renders the schema; validation, rules, audit and the
/// transaction are the use case's.
extension APIHandler {
    // MARK: Access

    /// The scope for `permission` in the state: no grant for it is a 404, a grant without the permission a 403.
    private func capabilityScope(_ stateID: String, _ permission: Permission) throws -> TenantScope {
        guard let identity = RequestIdentity.current else { throw AppError.unauthenticated }
        guard Identifier.isValid(stateID) else { throw AppError.notFound }
        return try Authorizer.scope(identity, state: stateID, for: permission)
    }

    /// The capability assessment named in the path, found inside the state of the scope for `permission` (404 otherwise).
    private func capabilityAssessment(
        _ stateID: String, _ assessmentID: String, _ permission: Permission = .viewCapability
    ) async throws -> (CapabilityAssessment, TenantScope) {
        let scope = try capabilityScope(stateID, permission)
        guard Identifier.isValid(assessmentID), let assessment = try await services.capability.capabilityAssessment(scope, id: assessmentID) else {
            throw AppError.notFound
        }
        return (assessment, scope)
    }

    /// The scope for writing an assessment found with a viewing scope: its kind decides the permission, as on the web
    /// (a self-assessment: ``Permission/writeCapability``; a validated one: ``Permission/validateCapability``).
    private func writeScope(_ assessment: CapabilityAssessment) throws -> TenantScope {
        try Authorizer.scope(
            try identity(), state: assessment.stateID, for: assessment.kind == .validated ? .validateCapability : .writeCapability)
    }

    /// The area named in the path, when the assessment covers it (404 otherwise, as on the web).
    private static func area(_ area: String, of assessment: CapabilityAssessment) throws -> String {
        guard assessment.areas.contains(area) else { throw AppError.notFound }
        return area
    }

    /// The roadmap item named in the path, found inside the state of the scope for `permission` (404 otherwise).
    private func roadmapItem(_ stateID: String, _ itemID: String, _ permission: Permission) async throws -> (RoadmapItem, TenantScope) {
        let scope = try capabilityScope(stateID, permission)
        guard Identifier.isValid(itemID), let item = try await services.capability.roadmapItem(scope, id: itemID) else { throw AppError.notFound }
        return (item, scope)
    }

    /// The marking of the state's capability records: its default TLP.
    private func marking(_ scope: TenantScope) async throws -> Components.Schemas.Tlp {
        guard let state = try await services.states.find(scope) else { throw AppError.notFound }
        return .init(rawValue: state.defaultTLP.rawValue) ?? .amber
    }

    // MARK: Step 7: assessments

    func listCapabilityAssessments(_ input: Operations.ListCapabilityAssessments.Input) async throws -> Operations.ListCapabilityAssessments.Output {
        let scope = try capabilityScope(input.path.stateId, .viewCapability)
        let tlp = try await marking(scope)
        return .ok(.init(body: .json(try await services.capability.capabilityAssessments(scope).map { Self.capabilitySchema($0, tlp: tlp) })))
    }

    func openCapabilityAssessment(_ input: Operations.OpenCapabilityAssessment.Input) async throws -> Operations.OpenCapabilityAssessment.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let kind: CapabilityAssessment.Kind = body.kind == .validated ? .validated : .selfAssessed
        let scope = try capabilityScope(input.path.stateId, kind == .validated ? .validateCapability : .writeCapability)
        let draft = CapabilityAssessmentDraft(
            title: body.title, conductedOn: body.conductedOn, areas: body.areas ?? [], agencyID: body.agencyId, validates: body.validates,
            baselineID: body.baselineId, registerAssessmentID: body.registerAssessmentId)
        let assessment = try await Self.inCapabilityTerms(Self.assessmentFieldNames) {
            try await services.capabilityAssessing.open(
                draft, kind: kind, agencies: try await services.policy.stateAgencies(scope),
                threatAssessments: Set(try await services.assessments.records.list(scope).map(\.id)), by: try identity().actor, scope: scope)
        }
        return .created(.init(body: .json(Self.capabilitySchema(assessment, tlp: try await marking(scope)))))
    }

    func getCapabilityAssessment(_ input: Operations.GetCapabilityAssessment.Input) async throws -> Operations.GetCapabilityAssessment.Output {
        let (assessment, scope) = try await capabilityAssessment(input.path.stateId, input.path.capabilityId)
        let (framework, grid, records) = try await services.capabilityAssessing.grid(of: assessment, scope: scope)
        let cells = assessment.areas.flatMap { area in
            framework.enablers.compactMap { enabler in grid.level(area, enabler.code).map { Self.cellSchema(area, enabler.code, $0) } }
        }
        let detail = Components.Schemas.CapabilityAssessmentDetail(
            assessment: Self.capabilitySchema(assessment, tlp: try await marking(scope)), grid: cells,
            evidence: try await services.capability.capabilityEvidence(scope, assessmentID: assessment.id).map(Self.capabilityEvidenceSchema),
            answers: records.map(Self.recordSchema),
            targets: try await services.capability.capabilityTargets(scope, assessmentID: assessment.id).map(Self.targetSchema))
        return .ok(.init(body: .json(detail)))
    }

    func answerCapabilityArea(_ input: Operations.AnswerCapabilityArea.Input) async throws -> Operations.AnswerCapabilityArea.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (assessment, _) = try await capabilityAssessment(input.path.stateId, input.path.capabilityId)
        let area = try Self.area(input.path.area, of: assessment)
        let scope = try writeScope(assessment)
        let draft = AnswersDraft(
            answers: body.answers.map {
                (criterion: $0.criterion, answer: $0.answer.rawValue, confidence: $0.confidence?.rawValue, note: $0.note, evidence: $0.evidence ?? [])
            }, version: body.version)
        let saved = try await services.capabilityAssessing.answer(draft, area: area, of: assessment, by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(Self.capabilitySchema(saved, tlp: try await marking(scope)))))
    }

    func addCapabilityEvidence(_ input: Operations.AddCapabilityEvidence.Input) async throws -> Operations.AddCapabilityEvidence.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (assessment, _) = try await capabilityAssessment(input.path.stateId, input.path.capabilityId)
        let scope = try writeScope(assessment)
        let draft = EvidenceDraft(
            summary: body.summary, source: body.source, reliability: body.reliability.rawValue, credibility: body.credibility,
            observedOn: body.observedOn)
        let evidence = try await services.capabilityAssessing.addEvidence(draft, to: assessment, by: try identity().actor, scope: scope)
        return .created(.init(body: .json(Self.capabilityEvidenceSchema(evidence))))
    }

    // MARK: Step 8: targets and priorities

    func getCapabilityPriorities(_ input: Operations.GetCapabilityPriorities.Input) async throws -> Operations.GetCapabilityPriorities.Output {
        let (assessment, scope) = try await capabilityAssessment(input.path.stateId, input.path.capabilityId)
        let framework = try await services.capabilityAssessing.framework(of: assessment)
        let (relevance, _) = try await CapabilityLookup(services).relevance(assessment, framework: framework, scope: scope)
        let gaps = try await services.developmentPlanning.priorities(of: assessment, relevance: relevance, scope: scope)
        let priorities = Components.Schemas.CapabilityPriorities(
            registerAssessmentId: relevance == nil ? nil : assessment.registerAssessmentID, gaps: gaps.map(Self.gapSchema),
            areas: AreaPriority.rank(gaps).map(Self.areaPrioritySchema), tlp: try await marking(scope))
        return .ok(.init(body: .json(priorities)))
    }

    func setCapabilityTargets(_ input: Operations.SetCapabilityTargets.Input) async throws -> Operations.SetCapabilityTargets.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (assessment, scope) = try await capabilityAssessment(input.path.stateId, input.path.capabilityId, .planDevelopment)
        let area = try Self.area(input.path.area, of: assessment)
        let draft = TargetsDraft(
            version: body.version, targets: body.targets.map { (enabler: $0.enabler, stage: $0.stage) }, cost: body.feasibility?.cost?.rawValue,
            prerequisites: body.feasibility?.prerequisites?.rawValue, readiness: body.feasibility?.readiness?.rawValue)
        let saved = try await Self.inCapabilityTerms(Self.targetFieldNames) {
            try await services.developmentPlanning.setTargets(draft, area: area, of: assessment, by: try identity().actor, scope: scope)
        }
        return .ok(.init(body: .json(Self.capabilitySchema(saved, tlp: try await marking(scope)))))
    }

    func proposeCapabilityTargets(_ input: Operations.ProposeCapabilityTargets.Input) async throws -> Operations.ProposeCapabilityTargets.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (assessment, scope) = try await capabilityAssessment(input.path.stateId, input.path.capabilityId, .planDevelopment)
        let framework = try await services.capabilityAssessing.framework(of: assessment)
        // Without a register there is nothing to propose from: the assessment, not the body, is what refuses it.
        guard case (let relevance?, _) = try await CapabilityLookup(services).relevance(assessment, framework: framework, scope: scope) else {
            throw AppError.refused("capability.plan.no-register")
        }
        let (stored, count) = try await services.developmentPlanning.proposeTargets(
            for: assessment, relevance: relevance, expectedVersion: body.version, by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(.init(assessment: Self.capabilitySchema(stored, tlp: try await marking(scope)), proposed: count))))
    }

    // MARK: Step 8: roadmap

    func listRoadmapItems(_ input: Operations.ListRoadmapItems.Input) async throws -> Operations.ListRoadmapItems.Output {
        let scope = try capabilityScope(input.path.stateId, .viewCapability)
        let tlp = try await marking(scope)
        let items = try await services.capability.roadmapItems(scope)
        var ordered = items
        var path: [String] = []
        var days = 0
        // The store refuses every write that would close a cycle, so a stored roadmap always has an order; should one
        // ever not, the items come as stored, without a critical path.
        if case .ordered(let order, let criticalPath, let criticalDays) = RoadmapGraph(items: items).outcome() {
            let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            ordered = order.compactMap { byID[$0] }
            (path, days) = (criticalPath, criticalDays)
        }
        let roadmap = Components.Schemas.Roadmap(
            items: ordered.map { Self.roadmapItemSchema($0, tlp: tlp) }, criticalPath: path, criticalDays: days, tlp: tlp)
        return .ok(.init(body: .json(roadmap)))
    }

    func createRoadmapItem(_ input: Operations.CreateRoadmapItem.Input) async throws -> Operations.CreateRoadmapItem.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try capabilityScope(input.path.stateId, .planDevelopment)
        let draft = Self.roadmapDraft(
            kind: body.kind, title: body.title, description: body.description, area: body.area, enabler: body.enabler, toStage: body.toStage,
            technology: body.technology, horizon: body.horizon, timeframe: body.timeframe, ownerAgencyId: body.ownerAgencyId, cost: body.cost,
            funding: body.funding, prerequisites: body.prerequisites, milestones: body.milestones, readiness: body.readiness, version: nil)
        let item = try await Self.inCapabilityTerms(Self.roadmapFieldNames) {
            try await services.developmentPlanning.add(
                draft, agencies: try await services.policy.stateAgencies(scope), by: try identity().actor, scope: scope)
        }
        return .created(.init(body: .json(Self.roadmapItemSchema(item, tlp: try await marking(scope)))))
    }

    func getRoadmapItem(_ input: Operations.GetRoadmapItem.Input) async throws -> Operations.GetRoadmapItem.Output {
        let (item, scope) = try await roadmapItem(input.path.stateId, input.path.itemId, .viewCapability)
        let checklists = try await services.developmentPlanning.checklists(item, scope: scope)
        let detail = Components.Schemas.RoadmapItemDetail(
            item: Self.roadmapItemSchema(item, tlp: try await marking(scope)), checklists: checklists.map(Self.checklistSchema),
            blocking: checklists.flatMap(\.blocking))
        return .ok(.init(body: .json(detail)))
    }

    func updateRoadmapItem(_ input: Operations.UpdateRoadmapItem.Input) async throws -> Operations.UpdateRoadmapItem.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (item, scope) = try await roadmapItem(input.path.stateId, input.path.itemId, .planDevelopment)
        let draft = Self.roadmapDraft(
            kind: body.kind, title: body.title, description: body.description, area: body.area, enabler: body.enabler, toStage: body.toStage,
            technology: body.technology, horizon: body.horizon, timeframe: body.timeframe, ownerAgencyId: body.ownerAgencyId, cost: body.cost,
            funding: body.funding, prerequisites: body.prerequisites, milestones: body.milestones, readiness: body.readiness, version: body.version)
        let saved = try await Self.inCapabilityTerms(Self.roadmapFieldNames) {
            try await services.developmentPlanning.revise(
                item, with: draft, agencies: try await services.policy.stateAgencies(scope), by: try identity().actor, scope: scope)
        }
        return .ok(.init(body: .json(Self.roadmapItemSchema(saved, tlp: try await marking(scope)))))
    }

    func moveRoadmapItem(_ input: Operations.MoveRoadmapItem.Input) async throws -> Operations.MoveRoadmapItem.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        guard let target = RoadmapItem.Status(rawValue: body.status.rawValue) else { throw ValidationFailure(field: "status", "validation.api-enum") }
        // Approval is its own permission (focal points); every other move is planning.
        let (item, scope) = try await roadmapItem(
            input.path.stateId, input.path.itemId, target == .approved ? .approveRoadmap : .planDevelopment)
        let moved = try await services.developmentPlanning.move(
            item, to: target, expectedVersion: body.version, by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(Self.roadmapItemSchema(moved, tlp: try await marking(scope)))))
    }

    func reviewRoadmapItem(_ input: Operations.ReviewRoadmapItem.Input) async throws -> Operations.ReviewRoadmapItem.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (item, scope) = try await roadmapItem(input.path.stateId, input.path.itemId, .reviewRoadmap)
        let (kind, draft) = try Self.review(body)
        let reviews = try await services.developmentPlanning.review(item, kind: kind, draft: draft, by: try identity().actor, scope: scope)
        return .created(.init(body: .json(reviews.map(Self.checkReviewSchema))))
    }

    // MARK: Framework versions

    func listCapabilityFrameworks(_ input: Operations.ListCapabilityFrameworks.Input) async throws -> Operations.ListCapabilityFrameworks.Output {
        _ = try identity()
        let summaries = try await services.capability.frameworks().map {
            Components.Schemas.CapabilityFrameworkSummary(
                id: $0.id, title: $0.title, isCurrent: $0.isCurrent, criteria: $0.criteria, publishedAt: Self.date($0.publishedAt))
        }
        return .ok(.init(body: .json(summaries)))
    }

    func getCapabilityFramework(_ input: Operations.GetCapabilityFramework.Input) async throws -> Operations.GetCapabilityFramework.Output {
        _ = try identity()
        guard let framework = try await services.capability.framework(id: input.path.frameworkId) else { throw AppError.notFound }
        return .ok(.init(body: .json(Self.frameworkSchema(framework))))
    }

    // MARK: Parsing

    /// A roadmap item body as the draft the web form fills (``RoadmapItemDraft``).
    static func roadmapDraft(
        kind: Components.Schemas.RoadmapItemKind, title: String, description: String?, area: String?, enabler: String?, toStage: Int?,
        technology: String?, horizon: Components.Schemas.RoadmapHorizon, timeframe: Components.Schemas.TimeframeInput?, ownerAgencyId: String?,
        cost: Components.Schemas.CostRangeInput?, funding: Components.Schemas.RoadmapFunding?, prerequisites: [String]?,
        milestones: [Components.Schemas.MilestoneInput]?, readiness: Components.Schemas.ReadinessProfile?, version: Int?
    ) -> RoadmapItemDraft {
        RoadmapItemDraft(
            kind: kind.rawValue, title: title, description: description, area: area, enabler: enabler, toStage: toStage, technology: technology,
            horizon: horizon.rawValue, timeframe: timeframe.map { ($0.start, $0.end) }, ownerAgencyID: ownerAgencyId,
            cost: cost.map { CostRange(low: $0.low, high: $0.high, currency: $0.currency) }, funding: funding?.rawValue,
            prerequisites: prerequisites ?? [], milestones: (milestones ?? []).map { (title: $0.title, due: $0.due, done: $0.done ?? false) },
            readiness: (readiness?.additionalProperties ?? [:]).mapValues(\.rawValue), version: version)
    }

    /// Core names a few fields as the web forms do; the API names them as its bodies spell them. Runs `work` and renames
    /// the fields of the validation problems it throws by `names` (rows and criteria keep the form's names:
    /// `milestone.1.due`, `answer.E1.1.a`, `target.E3`).
    static func inCapabilityTerms<T>(_ names: [String: String], _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let failure as ValidationFailure {
            throw ValidationFailure(failure.issues.map { FieldIssue(field: names[$0.field] ?? $0.field, $0.problem) })
        }
    }

    static let assessmentFieldNames = ["agency": "agencyId", "baseline": "baselineId", "registerAssessment": "registerAssessmentId"]

    static let targetFieldNames = ["cost": "feasibility.cost", "prerequisites": "feasibility.prerequisites", "readiness": "feasibility.readiness"]

    static let roadmapFieldNames = [
        "ownerAgency": "ownerAgencyId", "costLow": "cost.low", "costHigh": "cost.high", "currency": "cost.currency", "start": "timeframe.start",
        "end": "timeframe.end",
    ]

    // MARK: Conversions

    static func capabilitySchema(_ a: CapabilityAssessment, tlp: Components.Schemas.Tlp) -> Components.Schemas.CapabilityAssessment {
        .init(
            id: a.id, stateId: a.stateID, kind: a.kind == .validated ? .validated : ._self, title: a.title, frameworkVersion: a.frameworkVersion,
            agencyId: a.agencyID, agencyName: a.agencyName, areas: a.areas, conductedOn: a.conductedOn.description, validates: a.validates,
            baselineId: a.baselineID, registerAssessmentId: a.registerAssessmentID, version: a.version, tlp: tlp)
    }

    static func cellSchema(_ area: String, _ enabler: String, _ level: MaturityLevel) -> Components.Schemas.MaturityCell {
        .init(
            area: area, enabler: enabler, level: level.level, next: level.next, progress: level.progress, answered: level.answered,
            criteria: level.criteria)
    }

    static func capabilityEvidenceSchema(_ e: CapabilityEvidence) -> Components.Schemas.CapabilityEvidence {
        .init(
            id: e.id, summary: e.summary, source: e.source, reliability: .init(rawValue: e.reliability.rawValue) ?? .f,
            credibility: e.credibility.rawValue, grading: e.grading, observedOn: e.observedOn?.description)
    }

    static func recordSchema(_ r: CriterionRecord) -> Components.Schemas.CriterionRecord {
        .init(
            area: r.area, criterion: r.criterion, answer: .init(rawValue: r.answer.rawValue) ?? .notImplemented,
            confidence: .init(rawValue: r.confidence.rawValue) ?? .moderate, note: r.note, evidence: r.evidenceIDs, answeredAt: date(r.answeredAt))
    }

    static func feasibilitySchema(_ f: Feasibility) -> Components.Schemas.Feasibility {
        .init(
            cost: .init(rawValue: f.cost.rawValue) ?? .moderate, prerequisites: .init(rawValue: f.prerequisites.rawValue) ?? .moderate,
            readiness: .init(rawValue: f.readiness.rawValue) ?? .moderate, value: f.value)
    }

    static func targetSchema(_ t: CapabilityTarget) -> Components.Schemas.CapabilityTarget {
        .init(
            area: t.area, enabler: t.enabler, stage: t.stage, source: .init(rawValue: t.source.rawValue) ?? .hand,
            feasibility: feasibilitySchema(t.feasibility))
    }

    static func scenarioSchema(_ r: RelevantRisk) -> Components.Schemas.RelevantScenario { .init(id: r.id, title: r.title) }

    static func gapSchema(_ p: DevelopmentPriority) -> Components.Schemas.CapabilityGap {
        .init(
            area: p.area, enabler: p.enabler, current: p.current, target: p.target, gap: p.gap, relevance: p.relevance, feasibility: p.feasibility,
            priority: p.priority, source: .init(rawValue: p.source.rawValue) ?? .hand, scenarios: p.scenarios.map(scenarioSchema))
    }

    static func areaPrioritySchema(_ a: AreaPriority) -> Components.Schemas.CapabilityAreaPriority {
        .init(
            area: a.area, gaps: a.gaps, stages: a.stages, relevance: a.relevance, priority: a.priority,
            scenarios: Array(a.scenarios.prefix(5)).map(scenarioSchema))
    }

    static func roadmapItemSchema(_ i: RoadmapItem, tlp: Components.Schemas.Tlp) -> Components.Schemas.RoadmapItem {
        .init(
            id: i.id, stateId: i.stateID, kind: i.kind == .adoption ? .adoption : .development, title: i.title, description: i.description,
            area: i.area, enabler: i.enabler, toStage: i.toStage, technology: i.technology, horizon: .init(rawValue: i.horizon.rawValue) ?? .medium,
            timeframe: i.timeframe.map { .init(start: $0.start.description, end: $0.end.description) }, ownerAgencyId: i.ownerAgencyID,
            cost: i.cost.map { .init(low: $0.low, high: $0.high, currency: $0.currency) },
            funding: i.funding.flatMap { .init(rawValue: $0.rawValue) },
            status: .init(rawValue: i.status.rawValue) ?? .proposed, prerequisites: i.prerequisites,
            milestones: i.milestones.map { .init(title: $0.title, due: $0.due.description, done: $0.done) },
            readiness: .init(additionalProperties: i.readiness.compactMapValues { .init(rawValue: $0.rawValue) }), durationDays: i.durationDays,
            version: i.version, updatedAt: date(i.updatedAt), tlp: tlp)
    }

    static func frameworkSchema(_ f: CapabilityFramework) -> Components.Schemas.CapabilityFramework {
        func items(_ list: [ReferenceItem]) -> [Components.Schemas.ReferenceItem] {
            list.map { .init(code: $0.code, name: $0.name, description: $0.description) }
        }
        return .init(
            id: f.id, title: f.title, note: f.note, areas: items(f.areas), enablers: items(f.enablers), stages: items(f.stages),
            scope: .init(additionalProperties: f.scope.mapValues { .init(technologies: $0.technologies, purposes: $0.purposes) }),
            readiness: items(f.readiness),
            criteria: f.criteria.map {
                .init(
                    code: $0.code, area: $0.area, enabler: $0.enabler, stage: $0.stage, text: $0.text,
                    translations: .init(additionalProperties: $0.translations))
            }, adoptionChecks: f.adoptionChecks, tlp: .clear)
    }
}
