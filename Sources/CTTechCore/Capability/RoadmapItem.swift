/// An item of the development roadmap (step 8): closing a capability gap, or adopting a new technology.
public struct RoadmapItem: Sendable, Codable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        case development
        /// Adopting a new technology: rated for readiness and approved only after the human-rights and gender review.
        case adoption
    }

    public enum Horizon: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
        case short
        case medium
        case long

        /// The duration assumed when an item has no dates: six months, two years, four years.
        public var defaultDays: Int {
            switch self {
            case .short: 182
            case .medium: 730
            case .long: 1461
            }
        }

        public static func < (a: Horizon, b: Horizon) -> Bool {
            (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
        }
    }

    public enum Funding: String, Sendable, Codable, CaseIterable, Hashable {
        case national
        case donor
        case partner
    }

    public enum Status: String, Sendable, Codable, CaseIterable, Hashable {
        case proposed
        case underReview = "under-review"
        case approved
        case inProgress = "in-progress"
        case done
        case dropped

        /// The statuses an item may move to from this one. Content edits of an approved item send it back under review.
        public var next: [Status] {
            switch self {
            case .proposed: [.underReview, .approved, .dropped]
            case .underReview: [.approved, .proposed, .dropped]
            case .approved: [.inProgress, .dropped]
            case .inProgress: [.done, .dropped]
            case .done, .dropped: []
            }
        }

        /// Whether the content may still change.
        public var isEditable: Bool { self == .proposed || self == .underReview || self == .approved }
    }

    public var id: String
    public var stateID: String
    public var kind: Kind
    public var title: String
    public var description: String
    /// The gap it closes: area, enabler and the stages from → to (all optional for an adoption).
    public var area: String?
    public var enabler: String?
    public var toStage: Int?
    /// The technology adopted (a technology code of the method), adoptions only.
    public var technology: String?
    public var horizon: Horizon
    public var timeframe: Timeframe?
    public var ownerAgencyID: String?
    public var cost: CostRange?
    public var funding: Funding?
    public var status: Status
    /// Items that must be done first (ids of the same state's roadmap).
    public var prerequisites: [String]
    public var milestones: [Milestone]
    /// Readiness to adopt, per dimension of the framework (adoptions only): shown as a profile, never one number.
    public var readiness: [String: ReadinessRating]
    public var version: Int
    public var createdBy: String
    public var updatedBy: String
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(
        id: String, stateID: String, kind: Kind, title: String, description: String = "", area: String? = nil, enabler: String? = nil,
        toStage: Int? = nil, technology: String? = nil, horizon: Horizon, timeframe: Timeframe? = nil, ownerAgencyID: String? = nil,
        cost: CostRange? = nil, funding: Funding? = nil, status: Status = .proposed, prerequisites: [String] = [], milestones: [Milestone] = [],
        readiness: [String: ReadinessRating] = [:], version: Int = 1, createdBy: String, updatedBy: String? = nil, createdAt: Int64,
        updatedAt: Int64? = nil
    ) {
        self.id = id
        self.stateID = stateID
        self.kind = kind
        self.title = title
        self.description = description
        self.area = area
        self.enabler = enabler
        self.toStage = toStage
        self.technology = technology
        self.horizon = horizon
        self.timeframe = timeframe
        self.ownerAgencyID = ownerAgencyID
        self.cost = cost
        self.funding = funding
        self.status = status
        self.prerequisites = prerequisites
        self.milestones = milestones
        self.readiness = readiness
        self.version = version
        self.createdBy = createdBy
        self.updatedBy = updatedBy ?? createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Days the item lasts: its dates inclusive, or its horizon's default.
    public var durationDays: Int {
        guard let timeframe else { return horizon.defaultDays }
        return timeframe.end.daysSinceEpoch - timeframe.start.daysSinceEpoch + 1
    }
}

/// A dated step of a roadmap item.
public struct Milestone: Sendable, Codable, Hashable {
    public var title: String
    public var due: CalendarDate
    public var done: Bool

    public init(title: String, due: CalendarDate, done: Bool = false) {
        self.title = title
        self.due = due
        self.done = done
    }
}

/// How ready an agency is on one dimension to adopt a technology.
public enum ReadinessRating: String, Sendable, Codable, CaseIterable, Hashable {
    case notReady = "not-ready"
    case partlyReady = "partly-ready"
    case ready
}
