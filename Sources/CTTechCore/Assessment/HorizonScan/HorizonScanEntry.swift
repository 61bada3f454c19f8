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
