import Foundation

/// Step 5: designing policy responses — adding them, changing them, moving them along and approving them once their
/// reviews allow it.
public struct PolicyDesign: Sendable {
    let policy: any PolicyRepository
    let reference: any ReferenceDataRepository

    public init(policy: any PolicyRepository, reference: any ReferenceDataRepository) {
        self.policy = policy
        self.reference = reference
    }

    /// The method a response's checks come from (its own version, or the current one when that is gone).
    public func method(of response: PolicyResponse?) async throws -> MethodVersion {
        if let id = response?.methodVersion, let method = try await reference.method(id: id) { return method }
        return try await reference.method() ?? .ctTechDefault
    }

    /// What the response form needs to check a draft: the method's types, the state's risks and agencies.
    public func context(_ scope: TenantScope, method: MethodVersion) async throws -> PolicyResponseDraft.Context {
        PolicyResponseDraft.Context(
            responseTypes: Set(method.items(.responseTypes).map(\.code)), risks: try await policy.addressableRisks(scope),
            agencyIDs: Set(try await policy.stateAgencies(scope).map(\.id)))
    }

    /// Adds a response as an idea (or drafted, when asked), under the current method.
    public func add(
        _ draft: PolicyResponseDraft, status: ResponseStatus = .idea, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> PolicyResponse
    {
        let method = try await method(of: nil)
        let content = try draft.validated(in: try await context(scope, method: method))
        let start: ResponseStatus = status == .drafted ? .drafted : .idea
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let response = PolicyResponse(
            id: Identifier.make(), stateID: scope.stateID, title: content.title, type: content.type, description: content.description,
            targets: content.targets, effects: content.effects, leadAgencyID: content.leadAgencyID, partnerAgencyIDs: content.partnerAgencyIDs,
            cost: content.cost, timeframe: content.timeframe, legalBasis: content.legalBasis, status: start, tlp: content.tlp,
            methodVersion: method.id,
            version: 1, createdBy: actor.id, updatedBy: actor.id, updatedAt: now)
        try await policy.addResponse(
            response, scope: scope,
            audit: AuditEvent(
                .responseCreate, by: actor, entity: response.id, state: scope.stateID, ["title": response.title, "status": start.rawValue]))
        return response
    }

    /// Changes a response's content. A stale `expectedVersion` is a ``StoreConflict/staleVersion``; an approved response
    /// goes back under review; content is locked once implementation starts.
    public func revise(
        _ response: PolicyResponse, with draft: PolicyResponseDraft, expectedVersion: Int, by actor: AuditActor, scope: TenantScope
    ) async throws -> PolicyResponse {
        let method = try await method(of: response)
        let content = try draft.validated(in: try await context(scope, method: method))
        var changed = response
        changed.title = content.title
        changed.type = content.type
        changed.description = content.description
        changed.targets = content.targets
        changed.effects = content.effects
        changed.leadAgencyID = content.leadAgencyID
        changed.partnerAgencyIDs = content.partnerAgencyIDs
        changed.cost = content.cost
        changed.timeframe = content.timeframe
        changed.legalBasis = content.legalBasis
        changed.tlp = content.tlp
        changed.updatedBy = actor.id
        changed.updatedAt = Int64(Date().timeIntervalSince1970 * 1000)
        if changed.content == response.content { return response }
        return try await policy.updateResponse(
            changed, expectedVersion: expectedVersion, scope: scope,
            audit: AuditEvent(.responseUpdate, by: actor, entity: response.id, state: scope.stateID, ["title": changed.title]))
    }

    /// Moves a response along. Approval needs a scope for ``Permission/approveResponse`` and is refused while mandatory
    /// checks block it without an override (``PolicyRuleViolation/approvalBlocked(checks:)``).
    public func move(
        _ response: PolicyResponse, to target: ResponseStatus, expectedVersion: Int, by actor: AuditActor, scope: TenantScope
    ) async throws -> PolicyResponse {
        if target == .approved && scope.permission != .approveResponse { throw AccessDenied.forbidden("errors.access.role-not-allowed") }
        let method = try await method(of: response)
        let action: AuditAction = target == .approved ? .responseApprove : .responseStatus
        return try await policy.changeStatus(
            response.id, to: target, expectedVersion: expectedVersion, method: method, scope: scope,
            audit: AuditEvent(
                action, by: actor, entity: response.id, state: scope.stateID,
                ["from": response.status.rawValue, "to": target.rawValue, "version": String(expectedVersion)]))
    }
}
