/// Steps 5–6: a state's policy responses, their reviews and overrides, and their indicators. Every method is scoped to
/// the state of its `TenantScope`; a write that changes what the register applies (a response's content or status)
/// renews the register of every assessment of the state in its transaction.
public protocol PolicyRepository: Sendable {
    /// The state's responses, ordered by status along the way then title (at most ``PolicyLimits/responses``).
    func responses(_ scope: TenantScope) async throws -> [PolicyResponse]
    /// One response of the state, or nil.
    func response(_ scope: TenantScope, id: String) async throws -> PolicyResponse?
    /// Every scenario and other national risk of the state's assessments: what a response may address.
    func addressableRisks(_ scope: TenantScope) async throws -> [AddressableRisk]
    /// The agencies of step 1 across the state's assessments.
    func stateAgencies(_ scope: TenantScope) async throws -> [Agency]
    /// The latest revealed round of each of the state's assessments (absent: none revealed yet).
    func revealedRounds(_ scope: TenantScope) async throws -> [String: Int]

    /// Adds a response, with its audit entry.
    func addResponse(_ response: PolicyResponse, scope: TenantScope, audit: AuditEvent) async throws
    /// Replaces a response's content when its stored version is `expectedVersion` (else ``StoreConflict/staleVersion``).
    /// Checks ``PolicyRuleViolation/checkEditable(_:)``; the version rises by one and an approved response goes back under
    /// review (its reviews named the old version). Returns the stored response.
    func updateResponse(_ response: PolicyResponse, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> PolicyResponse
    /// Moves a response to `target` when its stored version is `expectedVersion`. Checks
    /// ``PolicyRuleViolation/checkTransition(from:to:)`` and, for approval, ``PolicyRuleViolation/checkApproval(_:checklists:override:)``
    /// on the reviews and override stored for the version (checks from `method`); approval sets each target's baseline
    /// round to its assessment's latest revealed round. Returns the stored response.
    func changeStatus(
        _ id: String, to target: ResponseStatus, expectedVersion: Int, method: MethodVersion, scope: TenantScope, audit: AuditEvent
    ) async throws -> PolicyResponse

    /// Every answer recorded for a response (all versions), oldest first.
    func reviews(_ scope: TenantScope, responseID: String) async throws -> [CheckReview]
    /// Every answer recorded for the state's responses (for the compliance dashboard).
    func allReviews(_ scope: TenantScope) async throws -> [CheckReview]
    /// Records a reviewer's answers (all for one response and version). Checks ``PolicyRuleViolation/checkReview(of:by:version:)``.
    func addReviews(_ reviews: [CheckReview], responseID: String, scope: TenantScope, audit: AuditEvent) async throws
    /// The overrides recorded for a response, oldest first.
    func overrides(_ scope: TenantScope, responseID: String) async throws -> [ReviewOverride]
    /// Every override recorded for the state's responses.
    func allOverrides(_ scope: TenantScope) async throws -> [ReviewOverride]
    /// Records an override. Checks ``PolicyRuleViolation/checkOverride(of:blocking:version:)`` against the checks that
    /// block now (from the stored reviews and `method`); the override names them.
    func addOverride(_ override: ReviewOverride, method: MethodVersion, scope: TenantScope, audit: AuditEvent) async throws -> ReviewOverride

    /// A response's indicators with their actuals (oldest first).
    func indicators(_ scope: TenantScope, responseID: String) async throws -> [Indicator]
    /// Every indicator of the state's responses, with actuals.
    func allIndicators(_ scope: TenantScope) async throws -> [Indicator]
    /// Adds an indicator. Checks ``PolicyRuleViolation/checkMeasurable(_:)``.
    func addIndicator(_ indicator: Indicator, scope: TenantScope, audit: AuditEvent) async throws
    /// Records an actual value of an indicator of `responseID` (``StoreConflict/missing`` otherwise). Checks
    /// ``PolicyRuleViolation/checkMeasurable(_:)``.
    func addActual(_ actual: IndicatorActual, responseID: String, scope: TenantScope, audit: AuditEvent) async throws
}

/// Bounds on what one state's policy register holds, so every list stays bounded.
public enum PolicyLimits {
    public static let responses = 500
    public static let indicatorsPerResponse = 30
    public static let actualsPerIndicator = 200
}
