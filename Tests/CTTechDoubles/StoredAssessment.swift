import CTTechCore

/// One assessment with everything it holds: the rows the SQL tables keep under its id.
struct StoredAssessment: Sendable {
    var assessment: Assessment
    /// Position in creation order (set by ``InMemoryStorage/insert(_:)``).
    var sequence = 0
    /// Starts at 0 like the SQL column and moves on with every write to anything the assessment holds.
    var revision: Int64 = 0
    var rounds: [ScoringRound]
    var scenarios: [ThreatScenario] = []
    var scores: [ScenarioScore] = []
    /// Workshop input, kept apart from account holders' scores as the SQL store keeps it in its own tables.
    var workshop: [WorkshopInput] = []
    var agencies: [Agency] = []
    var raci: [RaciAssignment] = []
    var horizonScan: [HorizonScanEntry] = []
    var evidence: [EvidenceItem] = []
    var otherRisks: [OtherRisk] = []
    var snapshots: [StoredSnapshot] = []
    /// Random like the SQL rounds' salts; one per assessment, combined with the round number.
    let numberingSalt = ScoreVisibility.newNumberingSalt()

    init(_ assessment: Assessment, rounds: [ScoringRound]) {
        self.assessment = assessment
        self.rounds = rounds
    }

    /// Account holders' scores and workshop participants' together, as the register reads them.
    var allScores: [ScenarioScore] { scores + workshop.flatMap(\.scores) }

    /// The latest round.
    var currentRound: ScoringRound? { rounds.max { $0.number < $1.number } }
}
