import CTTechCore
import CTTechWeb
import Foundation
import NIOCore

/// A register computed once per revision of its assessment, with its JSON already encoded: pages, charts, downloads and
/// the API serve it without recomputing or re-encoding.
struct BuiltRegister: Sendable {
    let key: RegisterCache.Key
    let document: RegisterDocument
    let json: ByteBuffer
    /// A strong validator for conditional requests: the assessment and its revision.
    let etag: String
}

/// Keeps built registers by (assessment, revision), so the Monte Carlo run, the reading of every score and the JSON
/// encoding happen once per change, not per request. A cached register is only ever served to a caller whose scope was
/// already checked for that assessment's state. Bounded: the oldest entry goes first; a newer revision replaces older ones.
actor RegisterCache {
    struct Key: Hashable, Sendable {
        let assessmentID: String
        let revision: Int64
    }

    private let capacity: Int
    private var entries: [Key: BuiltRegister] = [:]
    /// The register page's body rendered for a key: the same HTML for every viewer of that revision.
    private var pageBodies: [Key: RenderedRegisterBody] = [:]
    private var order: [Key] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ key: Key) -> BuiltRegister? { entries[key] }

    func pageBody(_ key: Key) -> RenderedRegisterBody? { pageBodies[key] }

    func putPageBody(_ key: Key, _ html: RenderedRegisterBody) {
        guard entries[key] != nil else { return }
        pageBodies[key] = html
    }

    func put(_ key: Key, _ value: BuiltRegister) {
        for old in order where old.assessmentID == key.assessmentID && old.revision < key.revision { entries[old] = nil }
        pageBodies = pageBodies.filter { entries[$0.key] != nil }
        order.removeAll { entries[$0] == nil && $0 != key }
        if entries[key] == nil { order.append(key) }
        entries[key] = value
        while order.count > capacity {
            let oldest = order.removeFirst()
            entries[oldest] = nil
            pageBodies[oldest] = nil
        }
    }
}
