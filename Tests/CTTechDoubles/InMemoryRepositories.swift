import CTTechCore
import Synchronization

/// Every repository of the domain in memory, for use-case tests that run without a database. It enforces the same rules
/// inside its "transactions" as the SQL stores (editable assessments, round and status moves, scores once per round,
/// versions, duplicates, RACI rules, the scope's state) and records every audit event it appends in ``audit``.
///
/// All state sits behind one `Mutex`, so the class is `Sendable` without `@unchecked`: every read takes the lock, and
/// every write runs on a copy under the lock that replaces the state only when the write succeeds.
public final class InMemoryRepositories: Sendable {
    let storage = Mutex(InMemoryStorage())
    /// Epoch milliseconds, for snapshot approval times.
    let clock: @Sendable () -> Int64

    /// Empty repositories: seed a method, states and accounts with the `seed` helpers. The clock is fixed by default so that
    /// snapshots carry the same approval time in every run.
    public init(clock: @escaping @Sendable () -> Int64 = { 1_767_225_600_000 }) {
        self.clock = clock
    }

    /// Every audit event appended so far, oldest first, with the details the repository adds (round, snapshot, counts).
    public var audit: [AuditEvent] { read { $0.audit } }

    /// The users whose sessions were ended by a deactivation, in order (there are no sessions here to delete).
    public var endedSessions: [String] { read { $0.endedSessions } }

    /// Runs `body` on the state under the lock.
    func read<T: Sendable>(_ body: (InMemoryStorage) -> T) -> T {
        storage.withLock { body($0) }
    }

    /// Runs `body` as one transaction: on a copy of the state, kept only if `body` returns.
    func transaction<T: Sendable>(_ body: (inout InMemoryStorage) throws -> T) throws -> T {
        try storage.withLock { state in
            var draft = state
            let result = try body(&draft)
            state = draft
            return result
        }
    }

    /// ``InMemoryStorage/change(_:assessmentID:audit:_:)`` as its own transaction.
    func change(_ scope: TenantScope, assessmentID: String, audit: AuditEvent, _ body: (inout StoredAssessment) throws -> Void) throws {
        try transaction { try $0.change(scope, assessmentID: assessmentID, audit: audit, body) }
    }
}
