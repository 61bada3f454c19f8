import CTTechCore
import Foundation
import Logging
import PostgresKit

/// Wakes the live screens of every instance (issue 12). Each write of a live session's events sends a PostgreSQL
/// `NOTIFY` on ``channel`` with the session's id, delivered when the transaction commits; every instance listens on its
/// own connection and wakes its streams of that session, which then read the outbox. On SQLite there is one process, and
/// the server's in-process broadcaster is enough.
public struct LiveNotifier: Sendable {
    public static let channel = "cttech_live"

    let persistence: Persistence
    let logger: Logger

    public init(_ persistence: Persistence, logger: Logger = Logger(label: "cttech.live")) {
        self.persistence = persistence
        self.logger = logger
    }

    /// Whether there is anything to listen to (PostgreSQL only).
    public var isNeeded: Bool { persistence.kind == .postgres }

    /// Listens until the task is cancelled, calling `wake` with the session id of every notification; reconnects a second
    /// after a lost connection. Returns at once on SQLite.
    public func listen(_ wake: @escaping @Sendable (String) async -> Void) async {
        guard case .postgres(let url, _) = persistence.location, let configuration = try? SQLPostgresConfiguration(url: url) else { return }
        var attempt = 0
        while !Task.isCancelled {
            attempt += 1
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: attempt, logger: logger)
                do {
                    try await connection.listen(on: Self.channel) { notifications in
                        for try await notification in notifications { await wake(notification.payload) }
                    }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { return }
                logger.warning("live notifications: listening failed, retrying", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
