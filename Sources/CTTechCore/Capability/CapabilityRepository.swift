/// The published capability framework versions (reference data, programme-wide).
public protocol FrameworkRepository: Sendable {
    /// The framework version `id`, or the current one when `id` is nil.
    func framework(id: String?) async throws -> CapabilityFramework?
    /// Every published version, newest first.
    func frameworks() async throws -> [FrameworkSummary]
    /// Publishes a new version and makes it current (``StoreConflict/duplicate`` when the id exists), with its audit entry.
    func publishFramework(_ framework: CapabilityFramework, audit: AuditEvent) async throws
}

/// A published framework version as lists show it.
public struct FrameworkSummary: Sendable, Hashable {
    public var id: String
    public var title: String
    public var isCurrent: Bool
    public var criteria: Int
    public var publishedAt: Int64

    public init(id: String, title: String, isCurrent: Bool, criteria: Int, publishedAt: Int64) {
        self.id = id
        self.title = title
        self.isCurrent = isCurrent
        self.criteria = criteria
        self.publishedAt = publishedAt
    }
}

/// Steps 7–8: a state's capability assessments with their answers, evidence and targets, and its development roadmap
/// with the reviews of its items. Every method is scoped to the state of its `TenantScope`.
public protocol CapabilityRepository: Sendable {
    /// The state's capability assessments, newest first (at most ``CapabilityLimits/assessments``).
    func capabilityAssessments(_ scope: TenantScope) async throws -> [CapabilityAssessment]
    /// One capability assessment of the state, or nil.
    func capabilityAssessment(_ scope: TenantScope, id: String) async throws -> CapabilityAssessment?
    /// Adds an assessment, with its audit entry. Checks that the self-assessment it validates and the baseline it follows
    /// are the state's (``CapabilityRuleViolation/unknownLinkedAssessment(_:)``).
    func addCapabilityAssessment(_ assessment: CapabilityAssessment, scope: TenantScope, audit: AuditEvent) async throws

    /// Every criterion answer of an assessment.
    func criterionRecords(_ scope: TenantScope, assessmentID: String) async throws -> [CriterionRecord]
    /// Replaces the answers of one area of an assessment when its stored version is `expectedVersion` (else
    /// ``StoreConflict/staleVersion``). Checks ``CapabilityRuleViolation/checkAnswers(_:assessment:framework:evidenceIDs:)``
    /// against the stored evidence; the version rises by one. Returns the stored assessment.
    func replaceAnswers(
        _ records: [CriterionRecord], area: String, assessmentID: String, expectedVersion: Int, framework: CapabilityFramework, scope: TenantScope,
        audit: AuditEvent
    ) async throws -> CapabilityAssessment

    /// The evidence of an assessment, oldest first.
    func capabilityEvidence(_ scope: TenantScope, assessmentID: String) async throws -> [CapabilityEvidence]
    /// Adds an evidence item to an assessment of the state (``StoreConflict/missing`` otherwise).
    func addCapabilityEvidence(_ evidence: CapabilityEvidence, scope: TenantScope, audit: AuditEvent) async throws

    /// The targets of an assessment.
    func capabilityTargets(_ scope: TenantScope, assessmentID: String) async throws -> [CapabilityTarget]
    /// Replaces the targets of the given areas of an assessment when its stored version is `expectedVersion`. Checks
    /// ``CapabilityRuleViolation/checkTargets(_:grid:)`` against the stored answers; the version rises by one.
    func replaceTargets(
        _ targets: [CapabilityTarget], areas: [String], assessmentID: String, expectedVersion: Int, framework: CapabilityFramework,
        scope: TenantScope, audit: AuditEvent
    ) async throws -> CapabilityAssessment

    /// The state's roadmap (at most ``CapabilityLimits/roadmapItems``).
    func roadmapItems(_ scope: TenantScope) async throws -> [RoadmapItem]
    /// One roadmap item of the state, or nil.
    func roadmapItem(_ scope: TenantScope, id: String) async throws -> RoadmapItem?
    /// Adds an item. Checks ``CapabilityRuleViolation/checkPrerequisites(of:in:)``.
    func addRoadmapItem(_ item: RoadmapItem, scope: TenantScope, audit: AuditEvent) async throws
    /// Replaces an item's content when its stored version is `expectedVersion`. Checks
    /// ``CapabilityRuleViolation/checkEditable(_:)`` and the prerequisites; the version rises by one and an approved item
    /// goes back under review. Returns the stored item.
    func updateRoadmapItem(_ item: RoadmapItem, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> RoadmapItem
    /// Records milestones' done flags (allowed until the item is done or dropped; the version does not change). The
    /// milestones' titles and dates must be those stored (else ``StoreConflict/staleVersion(current:)``): a form read
    /// before they changed cannot tick the wrong ones or bring old ones back.
    func setMilestones(_ milestones: [Milestone], itemID: String, scope: TenantScope, audit: AuditEvent) async throws -> RoadmapItem
    /// Moves an item to `target` when its stored version is `expectedVersion`. Checks
    /// ``CapabilityRuleViolation/checkTransition(_:to:checklists:)`` with the checklists of the stored reviews
    /// (``ReviewChecklist/roadmap(_:method:framework:reviews:)``). Returns the stored item.
    func changeRoadmapStatus(
        _ id: String, to target: RoadmapItem.Status, expectedVersion: Int, method: MethodVersion, framework: CapabilityFramework,
        scope: TenantScope, audit: AuditEvent
    ) async throws -> RoadmapItem
    /// Every check answer recorded for an item (all versions), oldest first. `CheckReview.responseID` holds the item's id.
    func roadmapReviews(_ scope: TenantScope, itemID: String) async throws -> [CheckReview]
    /// Records a reviewer's answers (all for one item and version). Checks ``CapabilityRuleViolation/checkReview(of:by:version:)``.
    func addRoadmapReviews(_ reviews: [CheckReview], itemID: String, scope: TenantScope, audit: AuditEvent) async throws
}

/// Bounds on what one state's capability records hold, so every list stays bounded.
public enum CapabilityLimits {
    public static let assessments = 200
    public static let evidencePerAssessment = 500
    public static let roadmapItems = 2_000
    public static let prerequisitesPerItem = 30
    public static let milestonesPerItem = 12
}
