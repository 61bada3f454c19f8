import Foundation

/// Step 5's gate: the human-rights and gender reviews of a response, and the focal point's override.
public struct ResponseReviewing: Sendable {
    let policy: any PolicyRepository
    let design: PolicyDesign

    public init(policy: any PolicyRepository, reference: any ReferenceDataRepository) {
        self.policy = policy
        design = PolicyDesign(policy: policy, reference: reference)
    }

    /// The two checklists of a response as they stand for its current version.
    public func checklists(_ response: PolicyResponse, scope: TenantScope) async throws -> [ReviewChecklist] {
        let method = try await design.method(of: response)
        let reviews = try await policy.reviews(scope, responseID: response.id)
        return ReviewChecklist.both(method: method, reviews: reviews, version: response.version)
    }

    /// Records a reviewer's answers to one review. Refused to the response's author (``PolicyRuleViolation/selfReview``)
    /// and for a version other than the stored one.
    public func review(
        _ response: PolicyResponse, kind: ReviewKind, draft: ReviewDraft, by actor: AuditActor, scope: TenantScope
    ) async throws -> [CheckReview] {
        if scope.permission != .reviewResponse { throw AccessDenied.forbidden("errors.access.role-not-allowed") }
        let method = try await design.method(of: response)
        let (version, answers) = try draft.validated(kind: kind, method: method)
        try PolicyRuleViolation.checkReview(of: response, by: actor.id, version: version)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let reviews = answers.map {
            CheckReview(
                responseID: response.id, kind: kind, code: $0.code, status: $0.status, reasoning: $0.reasoning, genderMarker: $0.genderMarker,
                reviewerID: actor.id, reviewerLabel: actor.label, responseVersion: version, reviewedAt: now)
        }
        var details = ["kind": kind.rawValue, "version": String(version)]
        for review in reviews { details[review.code] = review.status.rawValue }
        try await policy.addReviews(
            reviews, responseID: response.id, scope: scope,
            audit: AuditEvent(.responseReview, by: actor, entity: response.id, state: scope.stateID, details))
        return reviews
    }

    /// Records a focal point's override of the checks that block approval now, with a justification of at least a
    /// sentence.
    public func override(_ response: PolicyResponse, draft: OverrideDraft, by actor: AuditActor, scope: TenantScope) async throws -> ReviewOverride {
        if scope.permission != .overrideReview { throw AccessDenied.forbidden("errors.access.role-not-allowed") }
        let (version, justification) = try draft.validated()
        let method = try await design.method(of: response)
        let blocking = try await checklists(response, scope: scope).flatMap(\.blocking)
        try PolicyRuleViolation.checkOverride(of: response, blocking: blocking, version: version)
        let override = ReviewOverride(
            responseID: response.id, responseVersion: version, checks: blocking, justification: justification, byID: actor.id, byLabel: actor.label,
            at: Int64(Date().timeIntervalSince1970 * 1000))
        return try await policy.addOverride(
            override, method: method, scope: scope,
            audit: AuditEvent(
                .responseOverride, by: actor, entity: response.id, state: scope.stateID,
                ["version": String(version), "checks": blocking.joined(separator: ","), "justification": justification]))
    }
}
