/// A risk a response addresses: a threat scenario or another national risk of one of the state's assessments.
public struct ResponseTarget: Sendable, Codable, Hashable {
    public var riskID: String
    public var kind: RiskRegister.Kind
    public var assessmentID: String
    /// The latest revealed round of the assessment when the response was approved (nil before approval). Scores of a
    /// later round are a follow-up: they already reflect the response, so its effects are not applied to them again, and
    /// they measure its observed effectiveness.
    public var baselineRound: Int?

    public init(riskID: String, kind: RiskRegister.Kind, assessmentID: String, baselineRound: Int? = nil) {
        self.riskID = riskID
        self.kind = kind
        self.assessmentID = assessmentID
        self.baselineRound = baselineRound
    }
}

/// A risk of the state that a response may address, as the response form lists it.
public struct AddressableRisk: Sendable, Codable, Hashable {
    public var id: String
    public var kind: RiskRegister.Kind
    public var assessmentID: String
    public var assessmentTitle: String
    public var title: String

    public init(id: String, kind: RiskRegister.Kind, assessmentID: String, assessmentTitle: String, title: String) {
        self.id = id
        self.kind = kind
        self.assessmentID = assessmentID
        self.assessmentTitle = assessmentTitle
        self.title = title
    }
}
