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

/// The open database: a FluentKit `Databases` for connections and migrations, and SQLKit for every query.
///
/// Writes go through ``write(_:)``: one transaction on one connection. On SQLite it starts with
/// `BEGIN IMMEDIATE` under an in-process lock, so writers queue instead of failing with BUSY, and every
/// connection gets a busy timeout for writers in other processes (the CLI while the server runs).
public final class Persistence: Sendable {
    public let location: DatabaseLocation
    public let databases: Databases
    let logger: Logger
    private let writers = WriteQueue()
    private let closed = NIOLockedValueBox(false)

    public var kind: DatabaseKind { location.kind }

    /// - Parameter connectionsPerEventLoop: PostgreSQL pool size per event loop (SQLite always uses one connection per loop).
    public init(location: DatabaseLocation, logger: Logger, connectionsPerEventLoop: Int = 4) throws {
        self.location = location
        self.logger = logger
        self.databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case .sqlite(let path):
            databases.use(
                .sqlite(.file(path), maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url, let searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = searchPath
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: connectionsPerEventLoop, connectionPoolTimeout: .seconds(30),
                    sqlLogLevel: .trace),
                as: .psql)
        }
    }

    /// A Fluent database handle (used for migrations and connection checkout).
    public var fluent: any Database {
        guard let db = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()) else {
            preconditionFailure("the database set was shut down while still in use")
        }
        return db
    }

    /// The SQLKit handle for reads.
    public var sql: any SQLDatabase {
        guard let sql = fluent as? any SQLDatabase else { preconditionFailure("both drivers implement SQLDatabase") }
        return sql
    }

    /// Opens the file or server, sets SQLite's WAL mode and runs pending migrations.
    public func prepare() async throws {
        if case .sqlite = location {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        let migrations = Migrations()
        migrations.add(Schema.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Runs `body` in one transaction on one connection; commits when it returns, rolls back when it throws.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let isSQLite = kind == .sqlite
        if isSQLite { await writers.acquire() }
        do {
            let result = try await fluent.withConnection { connection in
                guard let tx = connection as? any SQLDatabase else { throw StoreError.unavailable("driver without SQL support") }
                if isSQLite {
                    try await tx.raw("PRAGMA busy_timeout = 10000").run()
                    try await tx.raw("BEGIN IMMEDIATE").run()
                } else {
                    try await tx.raw("BEGIN").run()
                }
                do {
                    let value = try await body(tx)
                    try await tx.raw("COMMIT").run()
                    return value
                } catch {
                    try? await tx.raw("ROLLBACK").run()
                    throw error
                }
            }
            if isSQLite { await writers.release() }
            return result
        } catch {
            if isSQLite { await writers.release() }
            throw error
        }
    }

    /// Checks the database answers; used by `/healthz`.
    public func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS ok").all()
    }

    /// Closes every connection; calling it again does nothing.
    public func shutdown() async {
        let alreadyClosed = closed.withLockedValue { value in
            defer { value = true }
            return value
        }
        if !alreadyClosed { await databases.shutdownAsync() }
    }
}

/// Current time in epoch milliseconds, the unit every stored timestamp uses (exact on both databases).
public func epochMilliseconds(_ date: Date = Date()) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}

extension Error {
    /// Whether the database refused the write for a unique or foreign-key constraint.
    var isConstraintViolation: Bool {
        if let error = self as? any DatabaseError { return error.isConstraintFailure }
        return String(describing: self).localizedCaseInsensitiveContains("constraint")
    }
}
