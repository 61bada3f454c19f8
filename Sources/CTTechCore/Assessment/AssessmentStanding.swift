/// Where an assessment stands for one viewer: its round, how many scenarios it has, and — for someone who scores —
/// how many of them they have scored in the open round and which one is next (issue 8, item 6: "what next").
public struct AssessmentStanding: Sendable, Hashable {
    public let assessment: Assessment
    public let round: ScoringRound
    public let scenarioCount: Int
    /// Scenarios the viewer has scored in the current round, when they score and the round is open.
    public let scoredByViewer: Int?
    /// The first scenario the viewer has not scored in the open round.
    public let nextUnscored: ThreatScenario?

    public init(assessment: Assessment, round: ScoringRound, scenarioCount: Int, scoredByViewer: Int?, nextUnscored: ThreatScenario?) {
        self.assessment = assessment
        self.round = round
        self.scenarioCount = scenarioCount
        self.scoredByViewer = scoredByViewer
        self.nextUnscored = nextUnscored
    }

    /// "Round 3 open · you 2/12", or "Round 2 revealed".
    public var summary: String {
        var text = "Round \(round.number) \(round.status.rawValue)"
        if let scoredByViewer { text += " · you \(scoredByViewer)/\(scenarioCount)" }
        return text
    }

    /// The first scenario, in the assessment's order, that is not among `scored`.
    public static func nextUnscored(_ scenarios: [ThreatScenario], scored: Set<String>) -> ThreatScenario? {
        scenarios.first { !scored.contains($0.id) }
    }

    /// The standing of each of the state's assessments (newest first) for a viewer who scores or not.
    public static func read(
        _ scope: TenantScope, assessments: any AssessmentRepository, scoring: any ScoringRepository, viewerScores: Bool
    ) async throws -> [AssessmentStanding] {
        let list = try await assessments.list(scope)
        let rounds = try await scoring.currentRounds(scope)
        var standings: [AssessmentStanding] = []
        for assessment in list {
            let round = rounds[assessment.id] ?? ScoringRound(number: 1, status: .open)
            let scenarios = try await scoring.scenarios(scope, assessmentID: assessment.id)
            var scored: Int?
            var next: ThreatScenario?
            if viewerScores && round.status == .open && !assessment.status.isFrozen {
                let own = Set(
                    try await scoring.visibleScores(scope, assessmentID: assessment.id, round: round).filter(\.isOwn).map(\.score.scenarioID))
                scored = scenarios.filter { own.contains($0.id) }.count
                next = Self.nextUnscored(scenarios, scored: own)
            }
            standings.append(
                AssessmentStanding(assessment: assessment, round: round, scenarioCount: scenarios.count, scoredByViewer: scored, nextUnscored: next))
        }
        return standings
    }
}
