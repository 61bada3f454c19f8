/// How far each step of an assessment has come.
public struct AssessmentProgress: Sendable, Hashable {
    public var agencies = 0
    /// Activities that have their one accountable agency.
    public var activitiesAssigned = 0
    public var technologiesScanned = 0
    public var scenarios = 0
    public var evidence = 0
    public var otherRisks = 0

    public init() {}
}
