import CTTechCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A Server-Sent Events stream of a live session's outbox (issue 12). Each event is `id: <sequence>` and `data:` its kind
/// as JSON — never an answer or a result: the screen reloads what its viewer may see. A client that reconnects sends
/// `Last-Event-ID` (or `?after=` on its first connection) and gets what it missed. A comment every 15 seconds keeps
/// proxies from closing an idle stream; a stream ends after 10 minutes and the browser reconnects, so no connection
/// lives for ever. A request without `Accept: text/event-stream`, or with `?wait=0`, gets what is there and the end (for
/// tests and for clients that poll).
enum LiveStream {
    static let keepAlive: Duration = .seconds(15)
    static let lifetime: Duration = .seconds(600)
    static let batch = 200

    /// Where a stream starts: `Last-Event-ID`, else `?after=`, else 0 (everything the viewer may hear).
    static func start(_ request: Request) -> Int64 {
        if let header = request.headers[HTTPField.Name("Last-Event-ID")!], let value = Int64(header), value >= 0 { return value }
        if let after = request.uri.queryParameters.get("after"), let value = Int64(after), value >= 0 { return value }
        return 0
    }

    static func response(
        _ request: Request, sessionID: String, facilitator: Bool, broadcaster: LiveBroadcaster,
        read: @escaping @Sendable (Int64, Int) async throws -> [LiveEvent]
    ) -> Response {
        let after = start(request)
        // A client that does not ask for an event stream (a plain GET, a test, a poller) gets what is there, and the end.
        let once = request.uri.queryParameters.get("wait") == "0" || !(request.headers[.accept] ?? "").contains("text/event-stream")
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        let body = ResponseBody { writer in
            var last = after
            let (id, wakes) = await broadcaster.subscribe(sessionID, facilitator: facilitator)
            let ticker = Task {
                while !Task.isCancelled {
                    try await Task.sleep(for: keepAlive)
                    await broadcaster.wake(id, of: sessionID)
                }
            }
            do {
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                let deadline = ContinuousClock.now + lifetime
                var iterator = wakes.makeAsyncIterator()
                while true {
                    var events = try await read(last, batch)
                    while !events.isEmpty {
                        var text = ""
                        for event in events {
                            text += "id: \(event.sequence)\ndata: {\"kind\":\"\(event.kind.rawValue)\"}\n\n"
                            last = event.sequence
                        }
                        try await writer.write(ByteBuffer(string: text))
                        events = events.count == batch ? try await read(last, batch) : []
                    }
                    if once || ContinuousClock.now > deadline { break }
                    guard await iterator.next() != nil else { break }
                    try await writer.write(ByteBuffer(string: ": \n\n"))
                }
                ticker.cancel()
                await broadcaster.unsubscribe(id, from: sessionID)
                try await writer.finish(nil)
            } catch {
                ticker.cancel()
                await broadcaster.unsubscribe(id, from: sessionID)
                throw error
            }
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
