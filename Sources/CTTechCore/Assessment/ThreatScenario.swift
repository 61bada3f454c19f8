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
    public var version: Int

    public init(
        id: String, assessmentID: String, title: String, narrative: String, actorType: String, technologies: [String], purposes: [String],
        targetSector: String, version: Int
    ) {
        self.id = id
        self.assessmentID = assessmentID
        self.title = title
        self.narrative = narrative
        self.actorType = actorType
        self.technologies = technologies
        self.purposes = purposes
        self.targetSector = targetSector
        self.version = version
    }
}

/// What an analyst submits for a scenario; references are checked against the assessment's method version.
public struct ScenarioDraft: Sendable, Hashable {
    public var title: String?
    public var narrative: String?
    public var actorType: String?
    public var technologies: [String]
    public var purposes: [String]
    public var targetSector: String?

    public init(title: String?, narrative: String?, actorType: String?, technologies: [String], purposes: [String], targetSector: String?) {
        self.title = title
        self.narrative = narrative
        self.actorType = actorType
        self.technologies = technologies
        self.purposes = purposes
        self.targetSector = targetSector
    }

    public func validated(
        against method: MethodVersion
    ) throws(ValidationFailure)
        -> (title: String, narrative: String, actorType: String, technologies: [String], purposes: [String], targetSector: String)
    {
        var v = Validator()
        let title = v.text(title, field: "title", maxLength: 200)
        let narrative = v.text(narrative, field: "narrative", maxLength: 10_000) ?? ""
        let sector = v.text(targetSector, field: "targetSector", required: false, maxLength: 200) ?? ""
        let actors = Set(method.items(.actorTypes).map(\.code))
        if !actors.contains(actorType ?? "") {
            v.add("actorType", "must be one of the method's actor types (\(actors.sorted().joined(separator: ", ")))")
        }
        let technologyCodes = Set(method.items(.technologies).map(\.code))
        if technologies.isEmpty { v.add("technologies", "needs at least one technology") }
        for code in technologies where !technologyCodes.contains(code) {
            v.add("technologies", "\(code.prefix(20)) is not a technology of this method")
        }
        let purposeCodes = Set(method.items(.purposes).map(\.code))
        if purposes.isEmpty { v.add("purposes", "needs at least one purpose") }
        for code in purposes where !purposeCodes.contains(code) { v.add("purposes", "\(code.prefix(20)) is not a purpose of this method") }
        try v.check()
        return (title ?? "", narrative, actorType ?? "", Array(Set(technologies)).sorted(), Array(Set(purposes)).sorted(), sector)
    }
}
