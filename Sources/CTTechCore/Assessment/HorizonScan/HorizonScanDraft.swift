/// What an analyst submits for a technology of the scan; the code is checked against the method version.
public struct HorizonScanDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(against method: MethodVersion) throws(ValidationFailure) -> HorizonScanEntry {
        var v = Validator()
        let codes = Set(method.items(.technologies).map(\.code))
        let technology = fields["technology"] ?? ""
        if !codes.contains(technology) { v.add("technology", "validation.method-technology") }
        let stage = DiffusionStage(rawValue: fields["stage"] ?? "")
        if stage == nil { v.add("stage", "validation.one-of", ["values": DiffusionStage.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let trend = Trend(rawValue: fields["trend"] ?? "")
        if trend == nil { v.add("trend", "validation.one-of", ["values": Trend.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let notes = v.text(fields["notes"], field: "notes", required: false, maxLength: 5_000) ?? ""
        try v.check()
        return HorizonScanEntry(technology: technology, stage: stage ?? .aspiration, trend: trend ?? .stable, notes: notes)
    }
}

extension HorizonScanDraft {
    /// A draft from typed values (the API's body).
    public init(technology: String, stage: String, trend: String, notes: String?) {
        self.init(fields: ["technology": technology, "stage": stage, "trend": trend, "notes": notes ?? ""])
    }
}
