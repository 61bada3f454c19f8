import CTTechCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import ServiceLifecycle

/// Runs the database's connection pools for the lifetime of the server.
public struct PersistenceService: Service {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await persistence.shutdown()
    }
}
