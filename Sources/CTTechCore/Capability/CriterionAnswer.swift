/// How far an agency has implemented a criterion (step 7). Fully and Largely meet it; N/A neither helps nor blocks.
public enum CriterionAnswer: String, Sendable, Codable, CaseIterable, Hashable {
    case fully
    case largely
    case partially
    case notImplemented = "not-implemented"
    case notApplicable = "not-applicable"

    /// Whether the answer meets the criterion for the level rule.
    public var meets: Bool { self == .fully || self == .largely }

    /// Whether the criterion counts at all.
    public var isApplicable: Bool { self != .notApplicable }

    /// Order of implementation among applicable answers (not implemented 0 … fully 3); nil for N/A.
    public var strength: Int? {
        switch self {
        case .notImplemented: 0
        case .partially: 1
        case .largely: 2
        case .fully: 3
        case .notApplicable: nil
        }
    }
}

/// A criterion's answer in one capability assessment, for one area.
public struct CriterionRecord: Sendable, Codable, Hashable {
    public var assessmentID: String
    public var area: String
    public var criterion: String
    public var answer: CriterionAnswer
    public var confidence: Confidence
    public var note: String
    /// Evidence items of the same assessment that back the answer.
    public var evidenceIDs: [String]
    public var answeredBy: String
    public var answeredAt: Int64

    public init(
        assessmentID: String, area: String, criterion: String, answer: CriterionAnswer, confidence: Confidence, note: String = "",
        evidenceIDs: [String] = [], answeredBy: String, answeredAt: Int64
    ) {
        self.assessmentID = assessmentID
        self.area = area
        self.criterion = criterion
        self.answer = answer
        self.confidence = confidence
        self.note = note
        self.evidenceIDs = evidenceIDs
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}
