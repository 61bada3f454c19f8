/// Where a state's policy responses stand for one viewer (the "what next" of docs/architecture.md §6.4): what awaits
/// their review, what is ready for their approval, what is blocked and waits for an answer or an override.
public struct PolicyStanding: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public let count: Int
        /// The first response concerned (by status along the way, then title).
        public let first: PolicyResponse?
    }

    /// Responses under review whose checks the viewer, a reviewer who did not write them, has not all answered.
    public let toReview: Item
    /// Responses under review with nothing blocking (or an override), for viewers who may approve.
    public let toApprove: Item
    /// Responses drafted or under review that mandatory checks block without an override.
    public let blocked: Item
    /// Responses approved or further along.
    public let approved: Int
    public let total: Int

    public init(
        identity: Identity, stateID: String, responses: [PolicyResponse], reviews: [CheckReview], overrides: [ReviewOverride], method: MethodVersion
    ) {
        let byResponse = Dictionary(grouping: reviews, by: \.responseID)
        func lists(_ r: PolicyResponse) -> [ReviewChecklist] {
            ReviewChecklist.both(method: method, reviews: byResponse[r.id] ?? [], version: r.version)
        }
        func overridden(_ r: PolicyResponse) -> Bool { overrides.contains { $0.responseID == r.id && $0.responseVersion == r.version } }
        let reviewer = Authorizer.allows(identity, state: stateID, .reviewResponse)
        let approver = Authorizer.allows(identity, state: stateID, .approveResponse)
        let open = responses.filter { $0.status == .underReview || $0.status == .drafted }
        let review =
            reviewer
            ? responses.filter { $0.status == .underReview && !$0.isAuthor(identity.userID) && lists($0).contains { $0.unreviewed > 0 } } : []
        let blocked = open.filter { !lists($0).flatMap(\.blocking).isEmpty && !overridden($0) }
        let ready = approver ? responses.filter { $0.status == .underReview && (lists($0).flatMap(\.blocking).isEmpty || overridden($0)) } : []
        toReview = Item(count: review.count, first: review.first)
        toApprove = Item(count: ready.count, first: ready.first)
        self.blocked = Item(count: blocked.count, first: blocked.first)
        approved = responses.filter(\.status.counts).count
        total = responses.count
    }
}
