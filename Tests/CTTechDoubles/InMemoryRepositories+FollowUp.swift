import CTTechCore

extension InMemoryRepositories: FollowUpRepository {
    public func assistanceRequests(_ scope: ProgrammeScope) async throws -> [AssistanceRequest] {
        read { state in
            Array(
                state.requests.values.filter { scope.includes($0.stateID) }.sorted { ($0.receivedOn, $1.id) > ($1.receivedOn, $0.id) }
                    .prefix(ProgrammeLimits.requests))
        }
    }

    public func addAssistanceRequest(_ request: AssistanceRequest, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard scope.includes(request.stateID) else { throw StoreConflict.missing }
        try transaction { state in
            state.requests[request.id] = request
            state.audit.append(audit)
        }
    }

    public func moveAssistanceRequest(
        id: String, to status: AssistanceRequest.Status, on day: CalendarDate, reason: String, answeredBy: String?, scope: ProgrammeScope,
        audit: AuditEvent
    ) async throws -> AssistanceRequest {
        try transaction { state in
            guard var stored = state.requests[id], scope.includes(stored.stateID) else { throw StoreConflict.missing }
            if let answeredBy, !stored.answeredBy.contains(answeredBy) { stored.answeredBy.append(answeredBy) }
            let moved = try stored.moved(to: status, on: day, reason: reason)
            state.requests[id] = moved
            state.audit.append(audit)
            return moved
        }
    }

    public func recommendations(_ scope: ProgrammeScope) async throws -> [Recommendation] {
        read { state in
            Array(state.recommendations.filter { scope.includes($0.stateID) }.reversed().prefix(ProgrammeLimits.recommendations))
        }
    }

    public func addRecommendation(_ recommendation: Recommendation, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard scope.includes(recommendation.stateID) else { throw StoreConflict.missing }
        try transaction { state in
            guard let event = state.programmeEvents[recommendation.eventID], scope.reaches(event), event.stateIDs.contains(recommendation.stateID)
            else { throw StoreConflict.missing }
            state.recommendations.append(recommendation)
            state.audit.append(audit)
        }
    }

    public func recordActionItem(
        id: String, status: ActionItem.Status, evidence: String, scope: ProgrammeScope, audit: AuditEvent
    ) async throws
        -> ActionItem
    {
        try transaction { state in
            for r in state.recommendations.indices where scope.includes(state.recommendations[r].stateID) {
                if let i = state.recommendations[r].items.firstIndex(where: { $0.id == id }) {
                    let recorded = try state.recommendations[r].items[i].recorded(status, evidence: evidence)
                    state.recommendations[r].items[i] = recorded
                    state.audit.append(audit)
                    return recorded
                }
            }
            throw StoreConflict.missing
        }
    }
}
