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

/// What a focal point submits to open an assessment.
public struct AssessmentDraft: Sendable, Hashable {
    public var title: String?
    public var period: String?
    public var horizonYears: String?
    public var tlp: String?

    public init(title: String?, period: String?, horizonYears: String?, tlp: String?) {
        self.title = title
        self.period = period
        self.horizonYears = horizonYears
        self.tlp = tlp
    }

    public func validated() throws(ValidationFailure) -> (title: String, period: String, horizonYears: Int, tlp: TLP) {
        var v = Validator()
        let title = v.text(title, field: "title", maxLength: 200)
        let period = v.text(period, field: "period", maxLength: 60)
        let horizon = Int(horizonYears?.trimmingWhitespace() ?? "2")
        if horizon == nil || !(1...20).contains(horizon ?? 0) { v.add("horizonYears", "must be a whole number of years from 1 to 20") }
        let tlp = TLP(rawValue: tlp ?? "AMBER")
        if tlp == nil { v.add("tlp", "must be one of: \(TLP.allCases.map(\.rawValue).joined(separator: ", "))") }
        try v.check()
        return (title ?? "", period ?? "", horizon ?? 2, tlp ?? .amber)
    }
}

/// One scoring round of an assessment: open (private scoring) → closed → revealed (spread and anonymised rationales shown).
public struct ScoringRound: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable {
        case open, closed, revealed
    }

    public var number: Int
    public var status: Status

    public init(number: Int, status: Status) {
        self.number = number
        self.status = status
    }

    /// The next status a facilitator may move the round to, or nil when it is final.
    public var next: Status? {
        switch status {
        case .open: .closed
        case .closed: .revealed
        case .revealed: nil
        }
    }
}

/// How far each step of an assessment has come.
public struct AssessmentProgress: Sendable, Hashable {
    public var agencies = 0
    /// Activities that have their one accountable agency.
    public var activitiesAssigned = 0
    public var technologiesScanned = 0
    public var scenarios = 0
    public var evidence = 0
    public var otherRisks = 0

    public init() {}
}
