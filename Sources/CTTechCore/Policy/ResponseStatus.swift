/// Where a policy response stands (DOMAIN.md §2, step 5): idea → drafted → under review → approved → implementing →
/// implemented → evaluated, or withdrawn.
public enum ResponseStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case idea
    case drafted
    case underReview = "under-review"
    case approved
    case implementing
    case implemented
    case evaluated
    case withdrawn

    /// Approved or further along (and not withdrawn): its declared effects count in residual risk.
    public var counts: Bool {
        switch self {
        case .approved, .implementing, .implemented, .evaluated: true
        case .idea, .drafted, .underReview, .withdrawn: false
        }
    }

    /// Whether its content (title, effects, targets, cost…) may still change. An approved response may, and goes back
    /// to review when it does; once implementation starts the content is what was approved.
    public var contentEditable: Bool {
        switch self {
        case .idea, .drafted, .underReview, .approved: true
        case .implementing, .implemented, .evaluated, .withdrawn: false
        }
    }

    /// Whether reviewers may record checks: while it is drafted, under review or approved (a later review of an approved
    /// response is recorded, and counts if its content changes and it comes back to review).
    public var reviewable: Bool {
        switch self {
        case .drafted, .underReview, .approved: true
        case .idea, .implementing, .implemented, .evaluated, .withdrawn: false
        }
    }

    /// The statuses a response may move to from this one. Approval is further gated by the reviews
    /// (``PolicyRuleViolation/checkApproval(_:checklists:override:)``).
    public var next: [ResponseStatus] {
        switch self {
        case .idea: [.drafted, .withdrawn]
        case .drafted: [.underReview, .idea, .withdrawn]
        case .underReview: [.approved, .drafted, .withdrawn]
        case .approved: [.implementing, .underReview, .withdrawn]
        case .implementing: [.implemented, .withdrawn]
        case .implemented: [.evaluated]
        case .evaluated: []
        case .withdrawn: [.drafted]
        }
    }

    /// Its place along the way, for ordering lists (withdrawn last).
    public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
