import CTTechCore

/// Keeps computed registers by (assessment, revision), so the Monte Carlo run and the reading of every score happen once
/// per change, not per request. A cached register is only ever served to a caller whose scope was already checked for
/// that assessment's state. Bounded: the oldest entry goes first.
actor RegisterCache {
    struct Key: Hashable, Sendable {
        let assessmentID: String
        let revision: Int64
    }

    private let capacity: Int
    private var entries: [Key: (RiskRegister, Int?)] = [:]
    private var order: [Key] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ key: Key) -> (RiskRegister, Int?)? { entries[key] }

    func put(_ key: Key, _ value: (RiskRegister, Int?)) {
        if entries[key] == nil { order.append(key) }
        entries[key] = value
        while order.count > capacity { entries[order.removeFirst()] = nil }
    }
}
