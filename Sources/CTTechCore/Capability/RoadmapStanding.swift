/// Where a state's roadmap stands for one viewer (the "what next" of the state's page, as ``PolicyStanding`` is for
/// responses): technology adoptions under review whose checks the viewer, a reviewer who did not write them, has not all
/// answered; items under review that the viewer may approve now (an adoption only once its reviews allow it).
public struct RoadmapStanding: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public let count: Int
        /// The first item concerned, in the order given.
        public let first: RoadmapItem?
    }

    public let toReview: Item
    public let toApprove: Item

    /// `reviews` are the answers recorded for `items` (any version; each checklist reads the item's current one).
    public init(
        identity: Identity, stateID: String, items: [RoadmapItem], reviews: [CheckReview], method: MethodVersion, framework: CapabilityFramework
    ) {
        let byItem = Dictionary(grouping: reviews, by: \.responseID)
        func lists(_ item: RoadmapItem) -> [ReviewChecklist] {
            ReviewChecklist.roadmap(item, method: method, framework: framework, reviews: byItem[item.id] ?? [])
        }
        let underReview = items.filter { $0.status == .underReview }
        let review =
            Authorizer.allows(identity, state: stateID, .reviewRoadmap)
            ? underReview.filter { item in
                item.kind == .adoption && item.createdBy != identity.userID && item.updatedBy != identity.userID
                    && lists(item).contains { $0.unreviewed > 0 }
            } : []
        let ready =
            Authorizer.allows(identity, state: stateID, .approveRoadmap)
            ? underReview.filter { $0.kind != .adoption || lists($0).flatMap(\.blocking).isEmpty } : []
        toReview = Item(count: review.count, first: review.first)
        toApprove = Item(count: ready.count, first: ready.first)
    }
}
