import Foundation

/// Step 8: targets (by hand or proposed from the risk register), the priorities of the gaps, and the development roadmap
/// with its prerequisites and the review that gates an adoption.
public struct DevelopmentPlanning: Sendable {
    let capability: any CapabilityRepository
    let assessing: CapabilityAssessing
    let reference: any ReferenceDataRepository

    public init(capability: any CapabilityRepository, frameworks: any FrameworkRepository, reference: any ReferenceDataRepository) {
        self.capability = capability
        assessing = CapabilityAssessing(capability: capability, frameworks: frameworks)
        self.reference = reference
    }

    /// Replaces one area's targets. A target below the level reached is refused, naming the field.
    public func setTargets(
        _ draft: TargetsDraft, area: String, of assessment: CapabilityAssessment, by actor: AuditActor, scope: TenantScope
    ) async throws -> CapabilityAssessment {
        try Self.requirePlanning(scope)
        guard assessment.areas.contains(area) else { throw CapabilityRuleViolation.areaNotAssessed(area) }
        let (framework, grid, _) = try await assessing.grid(of: assessment, scope: scope)
        let existing = try await capability.capabilityTargets(scope, assessmentID: assessment.id)
        let targets = try draft.validated(
            framework: framework, area: area, assessmentID: assessment.id, grid: grid, existing: existing, by: actor.id,
            at: CapabilityAssessing.now())
        return try await capability.replaceTargets(
            targets, areas: [area], assessmentID: assessment.id, expectedVersion: draft.version ?? assessment.version, framework: framework,
            scope: scope,
            audit: AuditEvent(.capabilityTargets, by: actor, entity: assessment.id, state: scope.stateID, ["area": area, "source": "hand"]))
    }

    /// The targets the register proposes: per area the register asks a stage of (``AreaRelevance/proposedStage``), every
    /// enabler gets that stage, or its current level when it is already higher. Feasibility already set is kept.
    public static func proposals(
        framework: CapabilityFramework, assessment: CapabilityAssessment, grid: MaturityGrid, relevance: [String: AreaRelevance],
        existing: [CapabilityTarget], by actor: String, at time: Int64
    ) -> [CapabilityTarget] {
        let kept = Dictionary(
            existing.map { (MaturityGrid.Cell(area: $0.area, enabler: $0.enabler), $0.feasibility) }, uniquingKeysWith: { first, _ in first })
        var targets: [CapabilityTarget] = []
        for area in assessment.areas {
            guard let stage = relevance[area]?.proposedStage else { continue }
            for enabler in framework.enablers.map(\.code) {
                let cell = MaturityGrid.Cell(area: area, enabler: enabler)
                let level = grid.cells[cell]?.level ?? 0
                targets.append(
                    CapabilityTarget(
                        assessmentID: assessment.id, area: area, enabler: enabler, stage: max(stage, level), source: .proposed,
                        feasibility: kept[cell] ?? Feasibility(), setBy: actor, setAt: time))
            }
        }
        return targets
    }

    /// Replaces the targets of the areas the register proposes a stage for with the proposals (areas it proposes nothing
    /// for keep theirs). Returns the stored assessment and how many targets were proposed.
    public func proposeTargets(
        for assessment: CapabilityAssessment, relevance: [String: AreaRelevance], expectedVersion: Int, by actor: AuditActor, scope: TenantScope
    ) async throws -> (CapabilityAssessment, Int) {
        try Self.requirePlanning(scope)
        let (framework, grid, _) = try await assessing.grid(of: assessment, scope: scope)
        let existing = try await capability.capabilityTargets(scope, assessmentID: assessment.id)
        let proposals = Self.proposals(
            framework: framework, assessment: assessment, grid: grid, relevance: relevance, existing: existing, by: actor.id,
            at: CapabilityAssessing.now())
        let areas = Array(Set(proposals.map(\.area))).sorted()
        let stored = try await capability.replaceTargets(
            proposals, areas: areas, assessmentID: assessment.id, expectedVersion: expectedVersion, framework: framework, scope: scope,
            audit: AuditEvent(
                .capabilityTargets, by: actor, entity: assessment.id, state: scope.stateID,
                ["areas": areas.joined(separator: ","), "source": "proposed"]))
        return (stored, proposals.count)
    }

    /// Targets are set under ``Permission/planDevelopment`` only.
    static func requirePlanning(_ scope: TenantScope) throws {
        guard scope.permission == .planDevelopment else { throw AccessDenied.forbidden("errors.access.role-not-allowed") }
    }

    /// The gaps of an assessment ranked by priority.
    public func priorities(
        of assessment: CapabilityAssessment, relevance: [String: AreaRelevance]?, scope: TenantScope
    ) async throws -> [DevelopmentPriority] {
        let (framework, grid, _) = try await assessing.grid(of: assessment, scope: scope)
        let targets = try await capability.capabilityTargets(scope, assessmentID: assessment.id)
        return DevelopmentPriority.rank(framework: framework, grid: grid, targets: targets, relevance: relevance)
    }

    /// What the item form needs to check a draft.
    public func context(_ scope: TenantScope, agencies: [Agency], excluding itemID: String?) async throws -> RoadmapItemDraft.Context {
        let method = try await reference.method() ?? .ctTechDefault
        let items = try await capability.roadmapItems(scope)
        return RoadmapItemDraft.Context(
            framework: try await assessing.framework(of: nil), technologies: Set(method.items(.technologies).map(\.code)),
            agencyIDs: Set(agencies.map(\.id)), itemIDs: Set(items.map(\.id).filter { $0 != itemID }))
    }

    /// Adds a roadmap item as proposed. Prerequisites that would close a cycle are refused with the cycle's members.
    public func add(_ draft: RoadmapItemDraft, agencies: [Agency], by actor: AuditActor, scope: TenantScope) async throws -> RoadmapItem {
        let content = try draft.validated(in: try await context(scope, agencies: agencies, excluding: nil))
        let now = CapabilityAssessing.now()
        var item = RoadmapItem(
            id: Identifier.make(), stateID: scope.stateID, kind: content.kind, title: content.title, horizon: content.horizon, createdBy: actor.id,
            createdAt: now)
        item.apply(content)
        try await capability.addRoadmapItem(
            item, scope: scope,
            audit: AuditEvent(.roadmapCreate, by: actor, entity: item.id, state: scope.stateID, ["title": item.title, "kind": item.kind.rawValue]))
        return item
    }

    /// Changes an item's content (a stale version is a ``StoreConflict/staleVersion``; an approved item goes back under
    /// review; content is locked once work starts).
    public func revise(
        _ item: RoadmapItem, with draft: RoadmapItemDraft, agencies: [Agency], by actor: AuditActor, scope: TenantScope
    ) async throws -> RoadmapItem {
        let content = try draft.validated(in: try await context(scope, agencies: agencies, excluding: item.id))
        var changed = item
        changed.apply(content)
        if changed == item { return item }
        changed.updatedBy = actor.id
        changed.updatedAt = CapabilityAssessing.now()
        return try await capability.updateRoadmapItem(
            changed, expectedVersion: draft.version ?? item.version, scope: scope,
            audit: AuditEvent(.roadmapUpdate, by: actor, entity: item.id, state: scope.stateID, ["title": changed.title]))
    }

    /// Ticks milestones done or not (indices into the item's milestones), while the item is not done or dropped.
    public func markMilestones(_ done: Set<Int>, of item: RoadmapItem, by actor: AuditActor, scope: TenantScope) async throws -> RoadmapItem {
        guard item.status != .done && item.status != .dropped else { throw CapabilityRuleViolation.contentLocked(item.status) }
        var milestones = item.milestones
        for index in milestones.indices { milestones[index].done = done.contains(index) }
        if milestones == item.milestones { return item }
        return try await capability.setMilestones(
            milestones, itemID: item.id, scope: scope,
            audit: AuditEvent(
                .roadmapUpdate, by: actor, entity: item.id, state: scope.stateID,
                ["milestones done": String(milestones.filter(\.done).count) + "/" + String(milestones.count)]))
    }

    /// The item's review checklists (the adoption checks mandatory for an adoption).
    public func checklists(_ item: RoadmapItem, scope: TenantScope) async throws -> [ReviewChecklist] {
        let method = try await reference.method() ?? .ctTechDefault
        let framework = try await assessing.framework(of: nil)
        return ReviewChecklist.roadmap(
            item, method: method, framework: framework, reviews: try await capability.roadmapReviews(scope, itemID: item.id))
    }

    /// Moves an item along. Approval needs a scope for ``Permission/approveRoadmap``; an adoption is approved only when its
    /// checklists are clear.
    public func move(
        _ item: RoadmapItem, to target: RoadmapItem.Status, expectedVersion: Int, by actor: AuditActor, scope: TenantScope
    ) async throws -> RoadmapItem {
        if target == .approved && scope.permission != .approveRoadmap { throw AccessDenied.forbidden("errors.access.role-not-allowed") }
        let method = try await reference.method() ?? .ctTechDefault
        let framework = try await assessing.framework(of: nil)
        return try await capability.changeRoadmapStatus(
            item.id, to: target, expectedVersion: expectedVersion, method: method, framework: framework, scope: scope,
            audit: AuditEvent(
                target == .approved ? .roadmapApprove : .roadmapStatus, by: actor, entity: item.id, state: scope.stateID,
                ["from": item.status.rawValue, "to": target.rawValue]))
    }

    /// Records a reviewer's answers to one checklist of an item (never the item's author).
    public func review(
        _ item: RoadmapItem, kind: ReviewKind, draft: ReviewDraft, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> [CheckReview]
    {
        if scope.permission != .reviewRoadmap { throw AccessDenied.forbidden("errors.access.role-not-allowed") }
        var method = try await reference.method() ?? .ctTechDefault
        if item.kind == .adoption { method.mandatoryChecks.formUnion(try await assessing.framework(of: nil).adoptionChecks) }
        let (version, answers) = try draft.validated(kind: kind, method: method)
        try CapabilityRuleViolation.checkReview(of: item, by: actor.id, version: version)
        let now = CapabilityAssessing.now()
        let reviews = answers.map {
            CheckReview(
                responseID: item.id, kind: kind, code: $0.code, status: $0.status, reasoning: $0.reasoning, genderMarker: $0.genderMarker,
                reviewerID: actor.id, reviewerLabel: actor.label, responseVersion: version, reviewedAt: now)
        }
        var details = ["kind": kind.rawValue, "version": String(version)]
        for review in reviews { details[review.code] = review.status.rawValue }
        try await capability.addRoadmapReviews(
            reviews, itemID: item.id, scope: scope, audit: AuditEvent(.roadmapReview, by: actor, entity: item.id, state: scope.stateID, details))
        return reviews
    }
}

extension RoadmapItem {
    /// Takes the checked content of a draft.
    mutating func apply(_ content: RoadmapItemDraft.Content) {
        kind = content.kind
        title = content.title
        description = content.description
        area = content.area
        enabler = content.enabler
        toStage = content.toStage
        technology = content.technology
        horizon = content.horizon
        timeframe = content.timeframe
        ownerAgencyID = content.ownerAgencyID
        cost = content.cost
        funding = content.funding
        prerequisites = content.prerequisites
        milestones = content.milestones
        readiness = content.readiness
    }
}
