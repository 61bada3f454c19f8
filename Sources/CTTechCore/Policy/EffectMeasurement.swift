import Foundation

/// Step 6: indicators of a response and their actual values over time.
public struct EffectMeasurement: Sendable {
    let policy: any PolicyRepository

    public init(policy: any PolicyRepository) {
        self.policy = policy
    }

    /// Adds an indicator to a response.
    public func addIndicator(_ draft: IndicatorDraft, to response: PolicyResponse, by actor: AuditActor, scope: TenantScope) async throws -> Indicator
    {
        let indicator = try draft.validated(id: Identifier.make(), responseID: response.id)
        try PolicyRuleViolation.checkMeasurable(response)
        try await policy.addIndicator(
            indicator, scope: scope,
            audit: AuditEvent(
                .indicatorCreate, by: actor, entity: indicator.id, state: scope.stateID, ["response": response.id, "name": indicator.name]))
        return indicator
    }

    /// Records an actual value of one of the response's indicators (``StoreConflict/missing`` when it is not one).
    public func recordActual(
        _ draft: ActualDraft, indicatorID: String, of response: PolicyResponse, by actor: AuditActor, scope: TenantScope, today: CalendarDate? = nil
    ) async throws -> IndicatorActual {
        guard Identifier.isValid(indicatorID) else { throw StoreConflict.missing }
        let day = today ?? CalendarDate(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let actual = try draft.validated(id: Identifier.make(), indicatorID: indicatorID, recordedBy: actor.id, today: day)
        try PolicyRuleViolation.checkMeasurable(response)
        try await policy.addActual(
            actual, responseID: response.id, scope: scope,
            audit: AuditEvent(
                .indicatorActual, by: actor, entity: indicatorID, state: scope.stateID,
                ["response": response.id, "value": String(actual.value), "date": actual.date.description]))
        return actual
    }
}
