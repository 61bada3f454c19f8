/// What an analyst submits for a scenario; references are checked against the assessment's method version.
public struct ScenarioDraft: Sendable, Hashable {
    public var title: String?
    public var narrative: String?
    public var actorType: String?
    public var technologies: [String]
    public var purposes: [String]
    public var targetSector: String?
    public var horizonYears: String?

    public init(
        title: String?, narrative: String?, actorType: String?, technologies: [String], purposes: [String], targetSector: String?,
        horizonYears: String? = nil
    ) {
        self.title = title
        self.narrative = narrative
        self.actorType = actorType
        self.technologies = technologies
        self.purposes = purposes
        self.targetSector = targetSector
        self.horizonYears = horizonYears
    }

    public struct Clean: Sendable, Hashable {
        public var title: String
        public var narrative: String
        public var actorType: String
        public var technologies: [String]
        public var purposes: [String]
        public var targetSector: String
        public var horizonYears: Int
    }

    /// Checks every field at once; an empty horizon takes the assessment's.
    public func validated(against method: MethodVersion, defaultHorizon: Int) throws(ValidationFailure) -> Clean {
        var v = Validator()
        let title = v.text(title, field: "title", maxLength: 200)
        let narrative = v.text(narrative, field: "narrative", maxLength: 10_000) ?? ""
        let sector = v.text(targetSector, field: "targetSector", required: false, maxLength: 200) ?? ""
        let actors = Set(method.items(.actorTypes).map(\.code))
        if !actors.contains(actorType ?? "") {
            v.add("actorType", "validation.method-actor-type", ["values": actors.sorted().joined(separator: ", ")])
        }
        let technologyCodes = Set(method.items(.technologies).map(\.code))
        if technologies.isEmpty { v.add("technologies", "validation.technology-needed") }
        for code in technologies where !technologyCodes.contains(code) {
            v.add("technologies", "validation.not-a-method-technology", ["code": String(code.prefix(20))])
        }
        let purposeCodes = Set(method.items(.purposes).map(\.code))
        if purposes.isEmpty { v.add("purposes", "validation.purpose-needed") }
        for code in purposes where !purposeCodes.contains(code) {
            v.add("purposes", "validation.not-a-method-purpose", ["code": String(code.prefix(20))])
        }
        let horizonText = horizonYears?.trimmingWhitespace() ?? ""
        let horizon = horizonText.isEmpty ? defaultHorizon : Int(horizonText)
        if horizon == nil || !(1...20).contains(horizon ?? 0) { v.add("horizonYears", "validation.horizon-years") }
        try v.check()
        return Clean(
            title: title ?? "", narrative: narrative, actorType: actorType ?? "", technologies: Array(Set(technologies)).sorted(),
            purposes: Array(Set(purposes)).sorted(), targetSector: sector, horizonYears: horizon ?? defaultHorizon)
    }
}
