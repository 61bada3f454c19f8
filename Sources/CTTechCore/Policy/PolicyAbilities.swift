/// What one viewer may do with one policy response, from their roles and where the response stands. Pages offer only
/// these actions; the use cases and the stores refuse the others anyway.
public struct PolicyAbilities: Sendable, Hashable {
    /// Change its content: policy makers and focal points, while ``ResponseStatus/contentEditable``.
    public let edit: Bool
    /// The status moves offered, in the order of the way (approval only when the viewer may approve).
    public let statusMoves: [ResponseStatus]
    /// Answer its checks: reviewers who did not write it, while it is reviewable.
    public let review: Bool
    /// Why the viewer, a reviewer, may not review it (they wrote it): shown instead of the form.
    public let ownResponse: Bool
    /// Record an override of blocking checks: focal points, while it is drafted or under review and something blocks.
    public let override: Bool
    /// Add indicators and actuals: policy makers and focal points, unless it is withdrawn.
    public let measure: Bool

    public init(identity: Identity, response: PolicyResponse, blocking: [String]) {
        func may(_ permission: Permission) -> Bool { Authorizer.allows(identity, state: response.stateID, permission) }
        self.init(
            write: may(.writeResponse), review: may(.reviewResponse), approve: may(.approveResponse), override: may(.overrideReview),
            userID: identity.userID, response: response, blocking: blocking)
    }

    public init(write: Bool, review: Bool, approve: Bool, override: Bool, userID: String, response: PolicyResponse, blocking: [String]) {
        edit = write && response.status.contentEditable
        statusMoves = response.status.next.filter { $0 == .approved ? approve : write }
        ownResponse = review && response.isAuthor(userID)
        self.review = review && !ownResponse && response.status.reviewable
        self.override = override && !blocking.isEmpty && (response.status == .underReview || response.status == .drafted)
        measure = write && response.status != .withdrawn
    }
}
