/// Requests for assistance and the recommendations of workshops and visits with their action items (issue 13). Every
/// record belongs to one partner state; a ``ProgrammeScope`` reaches it when that state is among its states. Writes
/// append their audit entry in the same transaction and check the Core rules there.
public protocol FollowUpRepository: Sendable {
    /// Requests of the scope's states, latest received first (at most ``ProgrammeLimits/requests``).
    func assistanceRequests(_ scope: ProgrammeScope) async throws -> [AssistanceRequest]
    func addAssistanceRequest(_ request: AssistanceRequest, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// Moves a request on from its stored status (``AssistanceRequest/moved(to:on:reason:)`` on the stored request, with
    /// `answeredBy` added first). Returns the stored request.
    func moveAssistanceRequest(
        id: String, to status: AssistanceRequest.Status, on day: CalendarDate, reason: String, answeredBy: String?, scope: ProgrammeScope,
        audit: AuditEvent
    ) async throws -> AssistanceRequest
    /// Recommendations of the scope's states with their items, latest first (at most ``ProgrammeLimits/recommendations``).
    func recommendations(_ scope: ProgrammeScope) async throws -> [Recommendation]
    func addRecommendation(_ recommendation: Recommendation, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// Records an item's progress (``ActionItem/recorded(_:evidence:)`` on the stored item). Returns the stored item.
    func recordActionItem(
        id: String, status: ActionItem.Status, evidence: String, scope: ProgrammeScope, audit: AuditEvent
    ) async throws
        -> ActionItem
}
