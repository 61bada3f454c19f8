/// A session as typed on the form (or sent by the API, which fills the same fields).
public struct LiveSessionDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// `attributes` names the attributes asked at join; an empty assessment id means none.
    public init(title: String, assessmentID: String?, anonymity: String, attributes: [String], minimumGroupSize: Int?) {
        var fields = ["title": title, "assessment": assessmentID ?? "", "anonymity": anonymity]
        for name in attributes { fields["attribute.\(name)"] = "on" }
        if let minimumGroupSize { fields["minimum-group"] = String(minimumGroupSize) }
        self.fields = fields
    }

    /// The settings checked: a title, a known anonymity mode, known attributes, a minimum group of 2–50 and, if given,
    /// an assessment among `assessments` (the state's).
    public func validated(assessments: Set<String>) throws(ValidationFailure) -> Settings {
        var v = Validator()
        let title = v.text(fields["title"], field: "title", maxLength: LiveLimits.titleLength)
        let anonymity = LiveAnonymity(rawValue: fields["anonymity"] ?? "")
        if anonymity == nil { v.add("anonymity", "validation.one-of", ["values": LiveAnonymity.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let assessment = (fields["assessment"] ?? "").trimmingWhitespace()
        if !assessment.isEmpty && !assessments.contains(assessment) { v.add("assessment", "live.validation.unknown-assessment") }
        let attributes = LiveAttribute.allCases.filter { fields["attribute.\($0.rawValue)"] == "on" }
        var minimum = LiveSession.defaultMinimumGroupSize
        if let typed = fields["minimum-group"]?.trimmingWhitespace(), !typed.isEmpty {
            if let value = Int(typed), (2...50).contains(value) {
                minimum = value
            } else {
                v.add("minimum-group", "validation.number-from-to", ["min": "2", "max": "50"])
            }
        }
        try v.check()
        guard let title, let anonymity else { throw ValidationFailure(field: "title", "validation.required") }
        return Settings(
            title: title, assessmentID: assessment.isEmpty ? nil : assessment, anonymity: anonymity, askedAttributes: attributes,
            minimumGroupSize: minimum)
    }

    /// A session's settings once checked.
    public struct Settings: Sendable, Hashable {
        public var title: String
        public var assessmentID: String?
        public var anonymity: LiveAnonymity
        public var askedAttributes: [LiveAttribute]
        public var minimumGroupSize: Int
    }
}
