import CTTechCore

/// Keeps computed registers until their inputs change, so the Monte Carlo run happens once per change and not per request.
/// The key is a digest of everything the computation reads; scores are never edited, only added, and a revealed round
/// takes no new scores, so a changed input always changes the key. Bounded: the oldest entry goes first.
actor RegisterCache {
    struct Key: Hashable, Sendable {
        let assessmentID: String
        let round: Int
        let digest: String

        init(assessmentID: String, round: Int, scenarios: [ThreatScenario], scores: [ScenarioScore]) {
            self.assessmentID = assessmentID
            self.round = round
            let scenarioPart = scenarios.map { "\($0.id):\($0.version):\($0.title)" }.joined(separator: "|")
            let scorePart = scores.map { "\($0.scenarioID):\($0.assessorID):\($0.threat):\($0.likelihood):\($0.combinedImpact):\($0.confidence)" }
                .sorted().joined(separator: "|")
            self.digest = Identifier.sha256Hex(scenarioPart + "#" + scorePart)
        }
    }

    private let capacity: Int
    private var entries: [Key: RiskRegister] = [:]
    private var order: [Key] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ key: Key) -> RiskRegister? { entries[key] }

    func put(_ key: Key, _ register: RiskRegister) {
        if entries[key] == nil { order.append(key) }
        entries[key] = register
        while order.count > capacity { entries[order.removeFirst()] = nil }
    }
}
