/// Why the method's rules refused a change to a policy response (not the input's shape). The store and the in-memory
/// double call these checks inside their transactions.
public enum PolicyRuleViolation: RuleViolation, Hashable {
    /// The response cannot move to that status from where it is.
    case statusTransition(from: ResponseStatus, to: ResponseStatus)
    /// Mandatory checks are unreviewed or Not met for this version, and no override covers them.
    case approvalBlocked(checks: [String])
    /// Its content is fixed once implementation has started (or it was withdrawn).
    case contentLocked(ResponseStatus)
    /// The reviewer wrote the response (created it or last changed its content).
    case selfReview
    /// Checks are recorded only while the response is drafted, under review or approved.
    case notReviewable(ResponseStatus)
    /// The review was made for another version of the response than the one now stored.
    case reviewOfOtherVersion(reviewed: Int, current: Int)
    /// An override was asked for while nothing blocks approval.
    case nothingToOverride
    /// Indicators and actuals are not recorded for a withdrawn response.
    case notMeasurable(ResponseStatus)

    public var explanation: Message {
        switch self {
        case .statusTransition(let from, _): Message("errors.rule.response-transition.\(from.rawValue)")
        case .approvalBlocked(let checks): Message("errors.rule.approval-blocked", count: checks.count, ["checks": checks.joined(separator: ", ")])
        case .contentLocked: "errors.rule.response-locked"
        case .selfReview: "errors.rule.self-review"
        case .notReviewable: "errors.rule.not-reviewable"
        case .reviewOfOtherVersion(let reviewed, let current):
            Message("errors.rule.review-other-version", ["reviewed": String(reviewed), "current": String(current)])
        case .nothingToOverride: "errors.rule.nothing-to-override"
        case .notMeasurable: "errors.rule.not-measurable"
        }
    }

    /// Inside a write: the move must be one ``ResponseStatus/next`` allows; approval is further checked by
    /// ``checkApproval(_:checklists:override:)``.
    public static func checkTransition(from current: ResponseStatus, to target: ResponseStatus) throws(PolicyRuleViolation) {
        guard current.next.contains(target) else { throw .statusTransition(from: current, to: target) }
    }

    /// Inside a write: approval is refused while a mandatory check of the current version is unreviewed or Not met,
    /// unless an override recorded for this version names every such check.
    public static func checkApproval(
        _ response: PolicyResponse, checklists: [ReviewChecklist], override: ReviewOverride?
    )
        throws(PolicyRuleViolation)
    {
        let blocking = checklists.flatMap(\.blocking)
        guard !blocking.isEmpty else { return }
        if let override, override.responseVersion == response.version, Set(blocking).isSubset(of: Set(override.checks)) { return }
        throw .approvalBlocked(checks: blocking)
    }

    /// Inside a write: content may change only while ``ResponseStatus/contentEditable``.
    public static func checkEditable(_ response: PolicyResponse) throws(PolicyRuleViolation) {
        guard response.status.contentEditable else { throw .contentLocked(response.status) }
    }

    /// Inside a write: a review is by someone who did not write the response, of the version now stored, while the
    /// response can be reviewed.
    public static func checkReview(of response: PolicyResponse, by reviewerID: String, version: Int) throws(PolicyRuleViolation) {
        if response.isAuthor(reviewerID) { throw .selfReview }
        guard response.status.reviewable else { throw .notReviewable(response.status) }
        guard version == response.version else { throw .reviewOfOtherVersion(reviewed: version, current: response.version) }
    }

    /// Inside a write: an override is recorded only for the current version, and only when something blocks approval.
    public static func checkOverride(of response: PolicyResponse, blocking: [String], version: Int) throws(PolicyRuleViolation) {
        guard version == response.version else { throw .reviewOfOtherVersion(reviewed: version, current: response.version) }
        guard response.status == .underReview || response.status == .drafted else { throw .notReviewable(response.status) }
        if blocking.isEmpty { throw .nothingToOverride }
    }

    /// Inside a write: indicators and their actuals belong to responses that are not withdrawn.
    public static func checkMeasurable(_ response: PolicyResponse) throws(PolicyRuleViolation) {
        guard response.status != .withdrawn else { throw .notMeasurable(response.status) }
    }
}
