/// A partner state's national threat assessment (steps 1–4 of the method).
public struct Assessment: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case draft
        case inReview = "in-review"
        case approved

        /// The moves a focal point or facilitator may make: draft → in review → approved, in review → draft (sent back),
        /// approved → draft (reopened for a new cycle; the approved snapshot stays as it was).
        public func canMove(to target: Self) -> Bool {
            switch (self, target) {
            case (.draft, .inReview), (.inReview, .approved), (.inReview, .draft), (.approved, .draft): true
            default: false
            }
        }

        /// An approved assessment is frozen: nothing in it changes until it is reopened.
        public var isFrozen: Bool { self == .approved }

        public var label: String {
            switch self {
            case .draft: "Draft"
            case .inReview: "In review"
            case .approved: "Approved"
            }
        }
    }

    public var id: String
    public var stateID: String
    public var title: String
    /// Free text such as "2025–2026".
    public var period: String
    /// Likelihood horizon in years (default 2 for malicious risks).
    public var horizonYears: Int
    public var methodVersion: String
    public var tlp: TLP
    public var status: Status
    public var version: Int

    public init(
        id: String, stateID: String, title: String, period: String, horizonYears: Int, methodVersion: String, tlp: TLP, status: Status,
        version: Int
    ) {
        self.id = id
        self.stateID = stateID
        self.title = title
        self.period = period
        self.horizonYears = horizonYears
        self.methodVersion = methodVersion
        self.tlp = tlp
        self.status = status
        self.version = version
    }
}
