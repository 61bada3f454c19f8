/// A capability self-assessment of a state, or of one of its agencies, against a framework version (step 7); or the
/// validated assessment programme staff enter at a workshop or follow-up visit, kept apart from the self-assessment it
/// validates.
public struct CapabilityAssessment: Sendable, Codable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        case selfAssessed = "self"
        case validated
    }

    public var id: String
    public var stateID: String
    public var kind: Kind
    public var title: String
    public var frameworkVersion: String
    /// The agency assessed (from step 1), or nil for the state as a whole.
    public var agencyID: String?
    public var agencyName: String?
    /// The areas assessed (framework order); an assessment need not cover all twelve.
    public var areas: [String]
    /// When it was conducted.
    public var conductedOn: CalendarDate
    /// For a validated assessment: the self-assessment it validates.
    public var validates: String?
    /// For a follow-up: the earlier assessment it is compared with.
    public var baselineID: String?
    /// The threat assessment whose register proposes targets, if any.
    public var registerAssessmentID: String?
    /// Rises by one with every change to the assessment's answers, evidence or targets (a stale write is refused).
    public var version: Int
    public var createdBy: String
    public var createdAt: Int64

    public init(
        id: String, stateID: String, kind: Kind, title: String, frameworkVersion: String, agencyID: String? = nil, agencyName: String? = nil,
        areas: [String], conductedOn: CalendarDate, validates: String? = nil, baselineID: String? = nil, registerAssessmentID: String? = nil,
        version: Int = 1, createdBy: String, createdAt: Int64
    ) {
        self.id = id
        self.stateID = stateID
        self.kind = kind
        self.title = title
        self.frameworkVersion = frameworkVersion
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.areas = areas
        self.conductedOn = conductedOn
        self.validates = validates
        self.baselineID = baselineID
        self.registerAssessmentID = registerAssessmentID
        self.version = version
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// An evidence item backing criterion answers of one capability assessment, graded as in step 3 (reliability A–F,
/// credibility 1–6).
public struct CapabilityEvidence: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var assessmentID: String
    public var summary: String
    public var source: String
    public var reliability: SourceReliability
    public var credibility: InformationCredibility
    /// When the information was observed or reported, if known.
    public var observedOn: CalendarDate?

    public init(
        id: String, assessmentID: String, summary: String, source: String, reliability: SourceReliability, credibility: InformationCredibility,
        observedOn: CalendarDate?
    ) {
        self.id = id
        self.assessmentID = assessmentID
        self.summary = summary
        self.source = source
        self.reliability = reliability
        self.credibility = credibility
        self.observedOn = observedOn
    }

    /// The grading as analysts write it ("B2").
    public var grading: String { "\(reliability.rawValue)\(credibility.rawValue)" }
}
