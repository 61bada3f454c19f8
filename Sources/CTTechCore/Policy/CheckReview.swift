/// The answer to one check of a review (DOMAIN.md §3): Met, Partly met, Not met, or N/A.
public enum CheckStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case met
    case partlyMet = "partly-met"
    case notMet = "not-met"
    case notApplicable = "not-applicable"
}

/// Which review a check belongs to: human rights (H01–H13) or gender (G01–G10 and the gender marker).
public enum ReviewKind: String, Sendable, Codable, CaseIterable, Hashable {
    case humanRights = "human-rights"
    case gender

    /// The method list that holds its checks.
    public var checks: ReferenceKind {
        switch self {
        case .humanRights: .humanRightsChecks
        case .gender: .genderChecks
        }
    }
}

/// One reviewer's answer to one check of one version of a response, with their reasoning. Every answer is kept; the
/// latest answer for the current version is the check's standing.
public struct CheckReview: Sendable, Codable, Hashable {
    public var responseID: String
    public var kind: ReviewKind
    public var code: String
    public var status: CheckStatus
    public var reasoning: String
    /// The UN Gender Equality Marker (0–3), given with the gender-marker check (G08) only.
    public var genderMarker: Int?
    public var reviewerID: String
    public var reviewerLabel: String
    /// The response version this answer reviewed: an answer about an older version does not count.
    public var responseVersion: Int
    public var reviewedAt: Int64

    public init(
        responseID: String, kind: ReviewKind, code: String, status: CheckStatus, reasoning: String, genderMarker: Int? = nil, reviewerID: String,
        reviewerLabel: String, responseVersion: Int, reviewedAt: Int64
    ) {
        self.responseID = responseID
        self.kind = kind
        self.code = code
        self.status = status
        self.reasoning = reasoning
        self.genderMarker = genderMarker
        self.reviewerID = reviewerID
        self.reviewerLabel = reviewerLabel
        self.responseVersion = responseVersion
        self.reviewedAt = reviewedAt
    }
}

/// A focal point's decision to approve a response despite checks that block it, with the reasons, for one version.
public struct ReviewOverride: Sendable, Codable, Hashable {
    public var responseID: String
    public var responseVersion: Int
    /// The blocking checks at the time of the override: it lets approval through for these, not for new ones.
    public var checks: [String]
    public var justification: String
    public var byID: String
    public var byLabel: String
    public var at: Int64

    public init(responseID: String, responseVersion: Int, checks: [String], justification: String, byID: String, byLabel: String, at: Int64) {
        self.responseID = responseID
        self.responseVersion = responseVersion
        self.checks = checks
        self.justification = justification
        self.byID = byID
        self.byLabel = byLabel
        self.at = at
    }
}
