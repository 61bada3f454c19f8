import CTTechAPI
import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird
import Logging
import Metrics
import OpenAPIHummingbird
import Prometheus
import ServiceLifecycle

/// Deletes expired sessions every ten minutes.
struct SessionCleanup: Service {
    let sessions: SessionStore
    let logger: Logger

    func run() async throws {
        // Cancelled as soon as shutdown starts, so a sleeping cleanup never holds the server open.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await sessions.purgeExpired()
                } catch {
                    logger.warning("session cleanup failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: .seconds(600))
            }
        }
    }
}
