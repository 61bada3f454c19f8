/// A threat scenario: actor type × technologies × purposes (step 3).
public struct ThreatScenario: Sendable, Hashable, Codable {
    public var id: String
    public var assessmentID: String
    public var title: String
    public var narrative: String
    public var actorType: String
    public var technologies: [String]
    public var purposes: [String]
    public var targetSector: String
    /// Years over which the scenario's likelihood is estimated (the assessment's horizon unless set).
    public var horizonYears: Int
    public var version: Int

    public init(
        id: String, assessmentID: String, title: String, narrative: String, actorType: String, technologies: [String], purposes: [String],
        targetSector: String, horizonYears: Int, version: Int
    ) {
        self.id = id
        self.assessmentID = assessmentID
        self.title = title
        self.narrative = narrative
        self.actorType = actorType
        self.technologies = technologies
        self.purposes = purposes
        self.targetSector = targetSector
        self.horizonYears = horizonYears
        self.version = version
    }
}
