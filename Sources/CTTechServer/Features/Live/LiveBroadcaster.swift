import CTTechCore
import CTTechStore
import Foundation
import Logging
import ServiceLifecycle

/// Wakes the open Server-Sent Events streams of a live session when something happened in it (issue 12). A stream
/// holds no state but the last event id it sent: woken, it reads the outbox after that id, so a missed or doubled wake
/// loses nothing and sends nothing twice. This process's writes wake their streams directly; on PostgreSQL,
/// ``LiveNotifier`` wakes them for writes made by other instances.
public actor LiveBroadcaster {
    struct Listener {
        let facilitator: Bool
        let continuation: AsyncStream<Void>.Continuation
    }

    private var listeners: [String: [UUID: Listener]] = [:]

    public init() {}

    /// A stream that yields once per wake of `sessionID` (wakes arriving faster than they are read are merged). A
    /// participant's stream is not woken by what only facilitators hear (answers coming in), so a thousand phones are not
    /// woken by a thousand answers.
    func subscribe(_ sessionID: String, facilitator: Bool) -> (UUID, AsyncStream<Void>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listeners[sessionID, default: [:]][id] = Listener(facilitator: facilitator, continuation: continuation)
        return (id, stream)
    }

    func unsubscribe(_ id: UUID, from sessionID: String) {
        listeners[sessionID]?[id]?.continuation.finish()
        listeners[sessionID]?[id] = nil
        if listeners[sessionID]?.isEmpty == true { listeners[sessionID] = nil }
    }

    /// Wakes the session's streams: only the facilitators' when `facilitatorsOnly`.
    public func wake(_ sessionID: String, facilitatorsOnly: Bool = false) {
        for listener in (listeners[sessionID] ?? [:]).values where listener.facilitator || !facilitatorsOnly { listener.continuation.yield() }
    }

    /// Wakes one stream (its keep-alive tick).
    func wake(_ id: UUID, of sessionID: String) {
        listeners[sessionID]?[id]?.continuation.yield()
    }

    /// Open streams, for the metrics and the load test.
    public var streams: Int { listeners.values.reduce(0) { $0 + $1.count } }
}

/// Runs ``LiveNotifier`` for the life of the server (PostgreSQL only), waking this instance's streams.
struct LiveListenerService: Service {
    let notifier: LiveNotifier
    let broadcaster: LiveBroadcaster

    func run() async throws {
        guard notifier.isNeeded else {
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            await notifier.listen { payload in
                let parts = payload.split(separator: "|")
                guard let session = parts.first else { return }
                await broadcaster.wake(String(session), facilitatorsOnly: parts.count > 1 && parts[1] == "facilitator")
            }
        }
    }
}
