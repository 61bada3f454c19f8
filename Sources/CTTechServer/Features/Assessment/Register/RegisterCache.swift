import CTTechCore
import CTTechWeb
import Foundation
import NIOCore

/// Keeps built registers by (assessment, revision), so the Monte Carlo run, the reading of every score and the JSON
/// encoding happen once per change, not per request. A cached register is only ever served to a caller whose scope was
/// already checked for that assessment's state. Bounded: the oldest entry goes first; a newer revision replaces older ones.
///
/// Single flight: requests that miss the same key while it is being computed wait for that one computation, which runs
/// in a detached task (off the request's task, and not cancelled when the first requester goes away).
actor RegisterCache {
    struct Key: Hashable, Sendable {
        let assessmentID: String
        let revision: Int64
        /// The revealed round the register is taken at; nil: the latest.
        var round: Int? = nil
    }

    private let capacity: Int
    private var entries: [Key: BuiltRegister] = [:]
    private var inFlight: [Key: Task<BuiltRegister, any Error>] = [:]
    /// The register page's body rendered for a key, per language: the same HTML for every viewer of that revision who
    /// reads that language.
    private var pageBodies: [Key: [Language: RenderedFragment]] = [:]
    /// Charts drawn for a key in the languages other than English (English ones are drawn with the register).
    private var charts: [Key: [Language: [RegisterChartKind: ByteBuffer]]] = [:]
    private var order: [Key] = []
    /// How many computations started (the concurrent-miss test reads it).
    private(set) var computations = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The register for `key`: from the cache, from a computation already under way, or from a new one.
    func register(_ key: Key, compute: @escaping @Sendable () async throws -> BuiltRegister) async throws -> BuiltRegister {
        if let hit = entries[key] { return hit }
        if let running = inFlight[key] { return try await running.value }
        computations += 1
        let task = Task.detached(operation: compute)
        inFlight[key] = task
        do {
            let built = try await task.value
            inFlight[key] = nil
            put(key, built)
            return built
        } catch {
            inFlight[key] = nil
            throw error
        }
    }

    func pageBody(_ key: Key, language: Language) -> RenderedFragment? { pageBodies[key]?[language] }

    func putPageBody(_ key: Key, language: Language, _ html: RenderedFragment) {
        guard entries[key] != nil else { return }
        pageBodies[key, default: [:]][language] = html
    }

    func chart(_ key: Key, _ kind: RegisterChartKind, language: Language) -> ByteBuffer? { charts[key]?[language]?[kind] }

    func putChart(_ key: Key, _ kind: RegisterChartKind, language: Language, _ svg: ByteBuffer) {
        guard entries[key] != nil else { return }
        charts[key, default: [:]][language, default: [:]][kind] = svg
    }

    private func put(_ key: Key, _ value: BuiltRegister) {
        for old in order where old.assessmentID == key.assessmentID && old.revision < key.revision { entries[old] = nil }
        pageBodies = pageBodies.filter { entries[$0.key] != nil }
        charts = charts.filter { entries[$0.key] != nil }
        order.removeAll { entries[$0] == nil && $0 != key }
        if entries[key] == nil { order.append(key) }
        entries[key] = value
        while order.count > capacity {
            let oldest = order.removeFirst()
            entries[oldest] = nil
            pageBodies[oldest] = nil
            charts[oldest] = nil
        }
    }
}
