/// An evidence item with its source grading, e.g. "B2".
public struct EvidenceItem: Sendable, Hashable, Codable {
    public var id: String
    public var subject: EvidenceSubject
    public var summary: String
    public var source: String
    public var reliability: SourceReliability
    public var credibility: InformationCredibility
    /// When the information was observed or reported (yyyy-mm-dd), if known.
    public var observedOn: String

    public init(
        id: String, subject: EvidenceSubject, summary: String, source: String, reliability: SourceReliability, credibility: InformationCredibility,
        observedOn: String
    ) {
        self.id = id
        self.subject = subject
        self.summary = summary
        self.source = source
        self.reliability = reliability
        self.credibility = credibility
        self.observedOn = observedOn
    }

    /// The grading as analysts write it: reliability letter then credibility digit ("B2").
    public var grading: String { "\(reliability.rawValue)\(credibility.rawValue)" }
}
