import Crypto

/// The hash chain over the audit log (ARCHITECTURE.md, invariant 3).
///
/// Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields, each field
/// length-prefixed so no two different entries serialise alike. The first entry chains to ``genesis``.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)

    /// Places an event after the entry with `previous` (seq, hash), at time `at`.
    public static func seal(_ event: AuditEvent, after previous: (seq: Int64, hash: String)?, at: Int64) -> AuditEntry {
        var entry = AuditEntry(
            seq: (previous?.seq ?? 0) + 1, at: at, actorID: event.actorID, actorLabel: event.actorLabel, action: event.action,
            entityType: event.entityType, entityID: event.entityID, stateID: event.stateID, details: event.detailsJSON,
            prevHash: previous?.hash ?? genesis, hash: "")
        entry.hash = hash(of: entry)
        return entry
    }

    /// The hash an entry must carry given its fields and `prevHash`.
    public static func hash(of entry: AuditEntry) -> String {
        let fields = [
            String(entry.seq), String(entry.at), entry.actorID, entry.actorLabel, entry.action, entry.entityType, entry.entityID,
            entry.stateID ?? "", entry.details, entry.prevHash,
        ]
        var bytes: [UInt8] = []
        for field in fields {
            let utf8 = Array(field.utf8)
            bytes += Array(String(utf8.count).utf8) + [0x3A] + utf8
        }
        return SHA256.hash(data: bytes).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// The outcome of checking a whole log.
    public enum Verification: Sendable, Hashable {
        case intact(count: Int, headHash: String)
        /// The first entry (by sequence) that does not fit, and why.
        case broken(seq: Int64, reason: String)
    }

    /// Checks a log given in ascending sequence order, and the head recorded beside it (last seq and hash), if any.
    /// Detects an altered field (hash mismatch), a removed or re-ordered entry (sequence gap or broken link) and a
    /// removed tail (head mismatch).
    public static func verify(_ entries: [AuditEntry], recordedHead: (seq: Int64, hash: String)?) -> Verification {
        var verifier = Verifier()
        for entry in entries {
            if let broken = verifier.consume(entry) { return broken }
        }
        return verifier.finish(recordedHead: recordedHead)
    }

    /// Checks a log page by page, so a long log is never held in memory whole.
    public struct Verifier: Sendable {
        private var expectedSeq: Int64 = 1
        private var previousHash = AuditChain.genesis
        private var count = 0

        public init() {}

        /// Takes the next entry; returns the failure if this entry breaks the chain.
        public mutating func consume(_ entry: AuditEntry) -> Verification? {
            if entry.seq != expectedSeq {
                return .broken(seq: expectedSeq, reason: "entry \(expectedSeq) is missing (next present is \(entry.seq))")
            }
            if entry.prevHash != previousHash {
                return .broken(seq: entry.seq, reason: "does not link to the entry before it")
            }
            if AuditChain.hash(of: entry) != entry.hash {
                return .broken(seq: entry.seq, reason: "its content was altered (hash mismatch)")
            }
            previousHash = entry.hash
            expectedSeq += 1
            count += 1
            return nil
        }

        /// Compares the end of the chain with the recorded head.
        public func finish(recordedHead: (seq: Int64, hash: String)?) -> Verification {
            let lastSeq = expectedSeq - 1
            if let head = recordedHead {
                if head.seq != lastSeq {
                    return .broken(seq: lastSeq + 1, reason: "the recorded head is entry \(head.seq) but the log ends at \(lastSeq)")
                }
                if head.hash != previousHash {
                    return .broken(seq: lastSeq, reason: "the recorded head hash does not match the last entry")
                }
            }
            return .intact(count: count, headHash: previousHash)
        }
    }
}
