import CTTechCore

/// A published framework version as the double keeps it.
struct PublishedFramework: Sendable {
    var framework: CapabilityFramework
    var publishedAt: Int64
}

/// Steps 7–8 in memory: the default framework is current from the start, as after the SQL migration. Every write runs as
/// one transaction and calls the same Core checks as the SQL store (``CapabilityRuleViolation``), with the same refusals
/// (``StoreConflict/missing`` outside the scope's state, ``StoreConflict/staleVersion(current:)``, the bounds of
/// ``CapabilityLimits``).
extension InMemoryRepositories: FrameworkRepository {
    public func framework(id: String?) async throws -> CapabilityFramework? {
        read { state in
            guard let id = id ?? state.currentFrameworkID else { return nil }
            return state.frameworks.first { $0.framework.id == id }?.framework
        }
    }

    /// Newest first (then by id).
    public func frameworks() async throws -> [FrameworkSummary] {
        read { state in
            state.frameworks.map {
                FrameworkSummary(
                    id: $0.framework.id, title: $0.framework.title, isCurrent: $0.framework.id == state.currentFrameworkID,
                    criteria: $0.framework.criteria.count, publishedAt: $0.publishedAt)
            }
            .sorted { ($0.publishedAt, $0.id) > ($1.publishedAt, $1.id) }
        }
    }

    /// Published after every earlier version (a millisecond later at least), as the SQL store does.
    public func publishFramework(_ framework: CapabilityFramework, audit: AuditEvent) async throws {
        let now = clock()
        try transaction { state in
            guard !state.frameworks.contains(where: { $0.framework.id == framework.id }) else { throw StoreConflict.duplicate(field: "id") }
            let latest = state.frameworks.map(\.publishedAt).max() ?? 0
            state.frameworks.append(PublishedFramework(framework: framework, publishedAt: max(now, latest + 1)))
            state.currentFrameworkID = framework.id
            state.audit.append(audit)
        }
    }
}

extension InMemoryRepositories: CapabilityRepository {
    // MARK: Assessments

    /// Newest first (by creation time, then id).
    public func capabilityAssessments(_ scope: TenantScope) async throws -> [CapabilityAssessment] {
        read { state in
            Array(
                state.capabilityAssessments.values.filter { $0.stateID == scope.stateID }.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
                    .prefix(CapabilityLimits.assessments))
        }
    }

    public func capabilityAssessment(_ scope: TenantScope, id: String) async throws -> CapabilityAssessment? {
        read { $0.capabilityAssessment(scope, id) }
    }

    /// Refuses an id already taken as ``StoreConflict/duplicate(field:)`` of `id`, and an assessment beyond
    /// ``CapabilityLimits/assessments`` in the state as one of `assessments`.
    public func addCapabilityAssessment(_ assessment: CapabilityAssessment, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(assessment.stateID == scope.stateID, "a scope for one state cannot write another's capability assessment")
        try transaction { state in
            guard state.capabilityAssessments[assessment.id] == nil else { throw StoreConflict.duplicate(field: "id") }
            guard state.capabilityAssessments.values.filter({ $0.stateID == scope.stateID }).count < CapabilityLimits.assessments else {
                throw StoreConflict.duplicate(field: "assessments")
            }
            if let validates = assessment.validates {
                guard state.capabilityAssessment(scope, validates)?.kind == .selfAssessed else {
                    throw CapabilityRuleViolation.unknownLinkedAssessment(validates)
                }
            }
            if let baseline = assessment.baselineID {
                guard state.capabilityAssessment(scope, baseline) != nil else { throw CapabilityRuleViolation.unknownLinkedAssessment(baseline) }
            }
            state.capabilityAssessments[assessment.id] = assessment
            state.audit.append(audit)
        }
    }

    // MARK: Answers

    /// By area, then criterion.
    public func criterionRecords(_ scope: TenantScope, assessmentID: String) async throws -> [CriterionRecord] {
        read { $0.records(scope, assessmentID) }
    }

    /// Every record must be for `area` of `assessmentID` (else ``StoreConflict/missing``) and name each criterion once
    /// (else ``StoreConflict/duplicate(field:)`` of `criterion`).
    public func replaceAnswers(
        _ records: [CriterionRecord], area: String, assessmentID: String, expectedVersion: Int, framework: CapabilityFramework, scope: TenantScope,
        audit: AuditEvent
    ) async throws -> CapabilityAssessment {
        try transaction { state in
            let stored = try state.editableAssessment(scope, assessmentID, expectedVersion: expectedVersion)
            for record in records where record.assessmentID != stored.id || record.area != area { throw StoreConflict.missing }
            guard Set(records.map(\.criterion)).count == records.count else { throw StoreConflict.duplicate(field: "criterion") }
            guard stored.areas.contains(area) else { throw CapabilityRuleViolation.areaNotAssessed(area) }
            let evidence = Set(state.capabilityEvidence.filter { $0.assessmentID == stored.id }.map(\.id))
            try CapabilityRuleViolation.checkAnswers(records, assessment: stored, framework: framework, evidenceIDs: evidence)
            state.criterionRecords.removeAll { $0.assessmentID == stored.id && $0.area == area }
            state.criterionRecords += records
            let updated = state.bumpVersion(stored)
            state.audit.append(audit)
            return updated
        }
    }

    // MARK: Evidence

    /// Oldest first, in the order added.
    public func capabilityEvidence(_ scope: TenantScope, assessmentID: String) async throws -> [CapabilityEvidence] {
        read { state in
            guard state.capabilityAssessment(scope, assessmentID) != nil else { return [] }
            return state.capabilityEvidence.filter { $0.assessmentID == assessmentID }
        }
    }

    /// Refuses an id already taken as ``StoreConflict/duplicate(field:)`` of `id`, and an item beyond
    /// ``CapabilityLimits/evidencePerAssessment`` as one of `evidence`. The assessment's version rises by one.
    public func addCapabilityEvidence(_ evidence: CapabilityEvidence, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let stored = state.capabilityAssessment(scope, evidence.assessmentID) else { throw StoreConflict.missing }
            guard !state.capabilityEvidence.contains(where: { $0.id == evidence.id }) else { throw StoreConflict.duplicate(field: "id") }
            guard state.capabilityEvidence.filter({ $0.assessmentID == stored.id }).count < CapabilityLimits.evidencePerAssessment else {
                throw StoreConflict.duplicate(field: "evidence")
            }
            state.capabilityEvidence.append(evidence)
            _ = state.bumpVersion(stored)
            state.audit.append(audit)
        }
    }

    // MARK: Targets

    /// By area, then enabler.
    public func capabilityTargets(_ scope: TenantScope, assessmentID: String) async throws -> [CapabilityTarget] {
        read { state in
            guard state.capabilityAssessment(scope, assessmentID) != nil else { return [] }
            return state.capabilityTargets.filter { $0.assessmentID == assessmentID }.sorted { ($0.area, $0.enabler) < ($1.area, $1.enabler) }
        }
    }

    /// Every target must be of `assessmentID` (else ``StoreConflict/missing``), of one of `areas`, each an area the
    /// assessment covers (else ``CapabilityRuleViolation/areaNotAssessed(_:)``), once per area and enabler (else
    /// ``StoreConflict/duplicate(field:)`` of `target`).
    public func replaceTargets(
        _ targets: [CapabilityTarget], areas: [String], assessmentID: String, expectedVersion: Int, framework: CapabilityFramework,
        scope: TenantScope, audit: AuditEvent
    ) async throws -> CapabilityAssessment {
        try transaction { state in
            let stored = try state.editableAssessment(scope, assessmentID, expectedVersion: expectedVersion)
            for target in targets where target.assessmentID != stored.id { throw StoreConflict.missing }
            for area in areas where !stored.areas.contains(area) { throw CapabilityRuleViolation.areaNotAssessed(area) }
            for target in targets where !areas.contains(target.area) { throw CapabilityRuleViolation.areaNotAssessed(target.area) }
            let cells = Set(targets.map { MaturityGrid.Cell(area: $0.area, enabler: $0.enabler) })
            guard cells.count == targets.count else { throw StoreConflict.duplicate(field: "target") }
            let grid = MaturityGrid(framework: framework, areas: stored.areas, records: state.records(scope, stored.id))
            try CapabilityRuleViolation.checkTargets(targets, grid: grid)
            state.capabilityTargets.removeAll { $0.assessmentID == stored.id && areas.contains($0.area) }
            state.capabilityTargets += targets
            let updated = state.bumpVersion(stored)
            state.audit.append(audit)
            return updated
        }
    }

    // MARK: Roadmap

    /// In the order added (creation time, then id).
    public func roadmapItems(_ scope: TenantScope) async throws -> [RoadmapItem] {
        read { $0.roadmap(scope) }
    }

    public func roadmapItem(_ scope: TenantScope, id: String) async throws -> RoadmapItem? {
        read { $0.roadmapItem(scope, id) }
    }

    /// Refuses an id already taken as ``StoreConflict/duplicate(field:)`` of `id`, an item beyond
    /// ``CapabilityLimits/roadmapItems`` as one of `items`, and more prerequisites or milestones than
    /// ``CapabilityLimits`` allows (or a prerequisite named twice) as one of `prerequisites` or `milestones`.
    public func addRoadmapItem(_ item: RoadmapItem, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(item.stateID == scope.stateID, "a scope for one state cannot write another's roadmap item")
        try Self.checkBounds(item)
        try transaction { state in
            guard state.roadmapItems[item.id] == nil else { throw StoreConflict.duplicate(field: "id") }
            let items = state.roadmap(scope)
            guard items.count < CapabilityLimits.roadmapItems else { throw StoreConflict.duplicate(field: "items") }
            try CapabilityRuleViolation.checkPrerequisites(of: item, in: items + [item])
            state.roadmapItems[item.id] = item
            state.audit.append(audit)
        }
    }

    /// The stored item keeps its state, author, creation time and status (an approved one goes back under review); its
    /// version rises by one.
    public func updateRoadmapItem(_ item: RoadmapItem, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> RoadmapItem {
        try Self.checkBounds(item)
        return try transaction { state in
            let items = state.roadmap(scope)
            guard let stored = items.first(where: { $0.id == item.id }) else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            try CapabilityRuleViolation.checkEditable(stored)
            var changed = item
            changed.stateID = stored.stateID
            changed.createdBy = stored.createdBy
            changed.createdAt = stored.createdAt
            changed.version = stored.version + 1
            changed.status = stored.status == .approved ? .underReview : stored.status
            try CapabilityRuleViolation.checkPrerequisites(of: changed, in: items.map { $0.id == changed.id ? changed : $0 })
            state.roadmapItems[changed.id] = changed
            state.audit.append(audit)
            return changed
        }
    }

    /// Refuses more than ``CapabilityLimits/milestonesPerItem`` as ``StoreConflict/duplicate(field:)`` of `milestones`.
    public func setMilestones(_ milestones: [Milestone], itemID: String, scope: TenantScope, audit: AuditEvent) async throws -> RoadmapItem {
        guard milestones.count <= CapabilityLimits.milestonesPerItem else { throw StoreConflict.duplicate(field: "milestones") }
        return try transaction { state in
            guard var stored = state.roadmapItem(scope, itemID) else { throw StoreConflict.missing }
            guard stored.status != .done && stored.status != .dropped else { throw CapabilityRuleViolation.contentLocked(stored.status) }
            guard stored.milestones.map({ [$0.title, $0.due.description] }) == milestones.map({ [$0.title, $0.due.description] }) else {
                throw StoreConflict.staleVersion(current: stored.version)
            }
            stored.milestones = milestones
            state.roadmapItems[stored.id] = stored
            state.audit.append(audit)
            return stored
        }
    }

    public func changeRoadmapStatus(
        _ id: String, to target: RoadmapItem.Status, expectedVersion: Int, method: MethodVersion, framework: CapabilityFramework,
        scope: TenantScope, audit: AuditEvent
    ) async throws -> RoadmapItem {
        try transaction { state in
            guard var stored = state.roadmapItem(scope, id) else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            let reviews = state.roadmapReviews.filter { $0.responseID == stored.id }
            let checklists = ReviewChecklist.roadmap(stored, method: method, framework: framework, reviews: reviews)
            try CapabilityRuleViolation.checkTransition(stored, to: target, checklists: checklists)
            stored.status = target
            state.roadmapItems[stored.id] = stored
            state.audit.append(audit)
            return stored
        }
    }

    /// Oldest first (answers given together in the order given).
    public func roadmapReviews(_ scope: TenantScope, itemID: String) async throws -> [CheckReview] {
        read { state in
            guard state.roadmapItem(scope, itemID) != nil else { return [] }
            return state.roadmapReviews.enumerated().filter { $0.element.responseID == itemID }
                .sorted { ($0.element.reviewedAt, $0.offset) < ($1.element.reviewedAt, $1.offset) }.map(\.element)
        }
    }

    /// Every review must be of `itemID` (else ``StoreConflict/missing``).
    public func addRoadmapReviews(_ reviews: [CheckReview], itemID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let stored = state.roadmapItem(scope, itemID) else { throw StoreConflict.missing }
            for review in reviews {
                guard review.responseID == stored.id else { throw StoreConflict.missing }
                try CapabilityRuleViolation.checkReview(of: stored, by: review.reviewerID, version: review.responseVersion)
            }
            state.roadmapReviews += reviews
            state.audit.append(audit)
        }
    }

    /// An item's prerequisites and milestones within ``CapabilityLimits``, no prerequisite named twice.
    static func checkBounds(_ item: RoadmapItem) throws {
        guard item.prerequisites.count <= CapabilityLimits.prerequisitesPerItem, Set(item.prerequisites).count == item.prerequisites.count else {
            throw StoreConflict.duplicate(field: "prerequisites")
        }
        guard item.milestones.count <= CapabilityLimits.milestonesPerItem else { throw StoreConflict.duplicate(field: "milestones") }
    }
}

extension InMemoryStorage {
    /// A capability assessment of the scope's state; another state's is as absent as a missing one.
    func capabilityAssessment(_ scope: TenantScope, _ id: String) -> CapabilityAssessment? {
        guard let assessment = capabilityAssessments[id], assessment.stateID == scope.stateID else { return nil }
        return assessment
    }

    /// The assessment of the scope's state (else ``StoreConflict/missing``) at `expectedVersion` (else
    /// ``StoreConflict/staleVersion(current:)``).
    func editableAssessment(_ scope: TenantScope, _ id: String, expectedVersion: Int) throws -> CapabilityAssessment {
        guard let stored = capabilityAssessment(scope, id) else { throw StoreConflict.missing }
        guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
        return stored
    }

    /// Moves the assessment's version on by one and returns it so.
    mutating func bumpVersion(_ stored: CapabilityAssessment) -> CapabilityAssessment {
        var updated = stored
        updated.version = stored.version + 1
        capabilityAssessments[stored.id] = updated
        return updated
    }

    /// The answers of an assessment of the scope's state, by area then criterion.
    func records(_ scope: TenantScope, _ assessmentID: String) -> [CriterionRecord] {
        guard capabilityAssessment(scope, assessmentID) != nil else { return [] }
        return criterionRecords.filter { $0.assessmentID == assessmentID }.sorted { ($0.area, $0.criterion) < ($1.area, $1.criterion) }
    }

    /// A roadmap item of the scope's state; another state's is as absent as a missing one.
    func roadmapItem(_ scope: TenantScope, _ id: String) -> RoadmapItem? {
        guard let item = roadmapItems[id], item.stateID == scope.stateID else { return nil }
        return item
    }

    /// The scope's state's roadmap in the order added (creation time, then id).
    func roadmap(_ scope: TenantScope) -> [RoadmapItem] {
        Array(
            roadmapItems.values.filter { $0.stateID == scope.stateID }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
                .prefix(CapabilityLimits.roadmapItems))
    }
}
