import CTTechCore
import CTTechStore

/// Reads what the figures of every revealed round of an assessment rest on (issue 12), for the round statistics page,
/// its CSV download and the API (`GET …/rounds`, `…/rounds.csv`), so that all of them count the same rounds.
struct RoundStatisticsLoader: Sendable {
    let stores: AssessmentStores
    let reference: ReferenceDataStore

    init(stores: AssessmentStores, reference: ReferenceDataStore) {
        self.stores = stores
        self.reference = reference
    }

    init(_ services: AppServices) {
        self.init(stores: services.assessments, reference: services.reference)
    }

    /// Every revealed round's figures (an open or closed round is never summarised) and the latest revealed round (0
    /// when none is).
    func load(_ assessment: Assessment, scope: TenantScope) async throws -> (RoundStatistics, Int) {
        let current = try await stores.scoring.currentRound(scope, assessmentID: assessment.id)
        let revealed = current.map { $0.status == .revealed ? $0.number : $0.number - 1 } ?? 0
        guard revealed >= 1 else { return (RoundStatistics(scenarios: [], scores: [], throughRound: 0, minimumForConsensus: 3), 0) }
        let scores = try await stores.scoring.scoresForRegister(scope, assessmentID: assessment.id, throughRound: revealed)
        let minimum = try await reference.consensusMinimumRatings(of: assessment.methodVersion)
        let scenarios = try await stores.scoring.scenarios(scope, assessmentID: assessment.id)
        let rankings = try await stores.scoring.workshopRankings(scope, assessmentID: assessment.id, throughRound: revealed)
        return (
            RoundStatistics(scenarios: scenarios, scores: scores, throughRound: revealed, minimumForConsensus: minimum, rankings: rankings), revealed
        )
    }
}
