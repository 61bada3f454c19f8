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
        if horizon == nil || !(1...20).contains(horizon ?? 0) { v.add("horizonYears", "validation.horizon-years") }
        let tlp = TLP(rawValue: tlp ?? "AMBER")
        if tlp == nil { v.add("tlp", "validation.one-of", ["values": TLP.allCases.map(\.rawValue).joined(separator: ", ")]) }
        try v.check()
        return (title ?? "", period ?? "", horizon ?? 2, tlp ?? .amber)
    }
}
