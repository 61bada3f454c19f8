/// How a response's progress is measured (issue 10): an output or outcome indicator with a unit, the direction that is
/// better, a baseline and a target (each with its date) and the actual values recorded over time with their evidence.
public struct Indicator: Sendable, Codable, Hashable {
    public enum Level: String, Sendable, Codable, CaseIterable, Hashable {
        case output, outcome
    }

    public enum Direction: String, Sendable, Codable, CaseIterable, Hashable {
        case increase, decrease
    }

    public var id: String
    public var responseID: String
    public var name: String
    public var level: Level
    public var unit: String
    public var direction: Direction
    public var baseline: Double
    public var baselineDate: CalendarDate
    public var target: Double
    public var targetDate: CalendarDate
    /// Whether the indicator is disaggregated by sex and age (G01, G07).
    public var disaggregated: Bool
    public var actuals: [IndicatorActual]

    public init(
        id: String, responseID: String, name: String, level: Level, unit: String, direction: Direction, baseline: Double, baselineDate: CalendarDate,
        target: Double, targetDate: CalendarDate, disaggregated: Bool, actuals: [IndicatorActual] = []
    ) {
        self.id = id
        self.responseID = responseID
        self.name = name
        self.level = level
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.baselineDate = baselineDate
        self.target = target
        self.targetDate = targetDate
        self.disaggregated = disaggregated
        self.actuals = actuals
    }
}

/// One measured value of an indicator, on a date, with the evidence it rests on.
public struct IndicatorActual: Sendable, Codable, Hashable {
    public var id: String
    public var indicatorID: String
    public var value: Double
    public var date: CalendarDate
    /// Where the value comes from (a report, a dataset, an inspection), as the person recording it wrote it.
    public var evidence: String
    public var reliability: SourceReliability
    public var recordedBy: String

    public init(
        id: String, indicatorID: String, value: Double, date: CalendarDate, evidence: String, reliability: SourceReliability, recordedBy: String
    ) {
        self.id = id
        self.indicatorID = indicatorID
        self.value = value
        self.date = date
        self.evidence = evidence
        self.reliability = reliability
        self.recordedBy = recordedBy
    }
}
