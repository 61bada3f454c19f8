/// How far a technology has spread among terrorist actors (step 2), from talk to routine use.
public enum DiffusionStage: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case aspiration, discussed, attempted, observed, routine

    public var label: String {
        switch self {
        case .aspiration: "Aspiration: interest expressed, no known attempt"
        case .discussed: "Discussed: methods shared or sought among actors"
        case .attempted: "Attempted: at least one known attempt"
        case .observed: "Observed: successful use seen"
        case .routine: "Routine: part of actors' usual repertoire"
        }
    }

    public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}

/// Direction of a technology's use by terrorist actors over the scan's period.
public enum Trend: String, Sendable, Hashable, Codable, CaseIterable {
    case declining, stable, rising, surging

    public var symbol: String {
        switch self {
        case .declining: "↓"
        case .stable: "→"
        case .rising: "↗"
        case .surging: "↑"
        }
    }
}

/// One technology's line in the horizon scan.
public struct HorizonScanEntry: Sendable, Hashable, Codable {
    public var technology: String
    public var stage: DiffusionStage
    public var trend: Trend
    public var notes: String

    public init(technology: String, stage: DiffusionStage, trend: Trend, notes: String) {
        self.technology = technology
        self.stage = stage
        self.trend = trend
        self.notes = notes
    }
}

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
        if !codes.contains(technology) { v.add("technology", "must be one of the method's technologies") }
        let stage = DiffusionStage(rawValue: fields["stage"] ?? "")
        if stage == nil { v.add("stage", "must be one of: \(DiffusionStage.allCases.map(\.rawValue).joined(separator: ", "))") }
        let trend = Trend(rawValue: fields["trend"] ?? "")
        if trend == nil { v.add("trend", "must be one of: \(Trend.allCases.map(\.rawValue).joined(separator: ", "))") }
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
