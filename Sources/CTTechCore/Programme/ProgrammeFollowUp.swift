/// The programme officer's follow-up (issue 13): requests for assistance moved along their pipeline, and the
/// recommendations of workshops and visits with action items whose progress later visits record.
public struct ProgrammeFollowUp: Sendable {
    let followUps: any FollowUpRepository
    let programme: any ProgrammeRepository
    let reference: any ReferenceDataRepository

    public init(followUps: any FollowUpRepository, programme: any ProgrammeRepository, reference: any ReferenceDataRepository) {
        self.followUps = followUps
        self.programme = programme
        self.reference = reference
    }

    /// Event id → its states, for the events the scope reaches.
    func eventStates(_ scope: ProgrammeScope) async throws -> [String: [String]] {
        Dictionary(try await programme.programmeEvents(scope, year: nil).map { ($0.id, $0.stateIDs) }, uniquingKeysWith: { first, _ in first })
    }

    public func addRequest(
        _ draft: AssistanceRequestDraft, states: Set<String>, by actor: AuditActor, scope: ProgrammeScope
    ) async throws
        -> AssistanceRequest
    {
        let technologies = Set((try await reference.method())?.items(.technologies).map(\.code) ?? [])
        let request = try draft.validated(
            id: Identifier.make(), states: states.filter { scope.includes($0) }, events: try await eventStates(scope), technologies: technologies)
        try await followUps.addAssistanceRequest(
            request, scope: scope,
            audit: AuditEvent(
                .requestCreate, by: actor, entity: request.id, state: request.stateID, ["topics": request.topics.joined(separator: ",")]))
        return request
    }

    /// Moves a request: `to` (a status), `reason` (to decline), `answeredBy` (an event of the request's state that
    /// answers it, to deliver), on `today`.
    public func moveRequest(
        _ request: AssistanceRequest, fields: [String: String], today: CalendarDate, by actor: AuditActor, scope: ProgrammeScope
    ) async throws -> AssistanceRequest {
        guard let target = AssistanceRequest.Status(rawValue: (fields["to"] ?? "").trimmingWhitespace()) else {
            throw ValidationFailure(
                field: "to", "validation.one-of", ["values": AssistanceRequest.Status.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        var v = Validator()
        let reason = v.text(fields["reason"], field: "reason", required: false, maxLength: 500) ?? ""
        try v.check()
        let answeredBy = (fields["answeredBy"] ?? "").trimmingWhitespace()
        if !answeredBy.isEmpty, !(try await eventStates(scope)[answeredBy]?.contains(request.stateID) ?? false) {
            throw ValidationFailure(field: "answeredBy", "validation.programme.event-of-state")
        }
        return try await followUps.moveAssistanceRequest(
            id: request.id, to: target, on: today, reason: reason, answeredBy: answeredBy.isEmpty ? nil : answeredBy, scope: scope,
            audit: AuditEvent(.requestMove, by: actor, entity: request.id, state: request.stateID, ["to": target.rawValue]))
    }

    public func addRecommendation(
        _ draft: RecommendationDraft, states: Set<String>, by actor: AuditActor, scope: ProgrammeScope
    ) async throws
        -> Recommendation
    {
        let recommendation = try draft.validated(
            id: Identifier.make(), states: states.filter { scope.includes($0) }, events: try await eventStates(scope), makeID: Identifier.make)
        try await followUps.addRecommendation(
            recommendation, scope: scope,
            audit: AuditEvent(
                .recommendationCreate, by: actor, entity: recommendation.id, state: recommendation.stateID,
                ["items": String(recommendation.items.count)]))
        return recommendation
    }

    /// Records an action item's progress: `status`, `evidence` (needed to mark it done).
    public func recordItem(
        _ item: ActionItem, stateID: String, fields: [String: String], by actor: AuditActor, scope: ProgrammeScope
    ) async throws
        -> ActionItem
    {
        guard let status = ActionItem.Status(rawValue: (fields["status"] ?? "").trimmingWhitespace()) else {
            throw ValidationFailure(
                field: "status", "validation.one-of", ["values": ActionItem.Status.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        var v = Validator()
        let evidence = v.text(fields["evidence"], field: "evidence", required: false, maxLength: 2_000) ?? ""
        try v.check()
        return try await followUps.recordActionItem(
            id: item.id, status: status, evidence: evidence, scope: scope,
            audit: AuditEvent(.actionItemRecord, by: actor, entity: item.id, state: stateID, ["status": status.rawValue]))
    }
}
