import CTTechCore
import CTTechStore
import Foundation
import Logging
import SQLKit
import Testing

/// The databases every persistence test runs on: SQLite always, PostgreSQL when `CTTECH_TEST_POSTGRES_URL` is set (as in CI).
public enum TestDatabase {
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["CTTECH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var kinds: [DatabaseKind] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static var logger: Logger {
        var logger = Logger(label: "cttech-test")
        logger.logLevel = .error
        return logger
    }

    /// A new, empty, migrated database of the given kind: a temporary SQLite file, or a fresh PostgreSQL schema.
    public static func make(_ kind: DatabaseKind) async throws -> TestStore {
        switch kind {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cttech-test-\(Identifier.make()).sqlite").path
            let persistence = try Persistence(location: .sqlite(path: path), logger: logger)
            try await persistence.prepare()
            return TestStore(
                persistence: persistence,
                cleanup: {
                    await persistence.shutdown()
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                })
        case .postgres:
            guard let url = postgresURL else { throw StoreError.configuration("CTTECH_TEST_POSTGRES_URL is not set") }
            // Tests run in parallel; bounding the live schemas keeps the connections under the server's default of 100
            // (8 schemas × 3 connections per event loop × the event loops of a 2-core machine, and the admin connections).
            await postgresSlots.acquire()
            let schema = "t_" + Identifier.make().replacingOccurrences(of: "-", with: "")
            do {
                try await onAdminConnection(url) { try await $0.sql.raw("CREATE SCHEMA \(ident: schema)").run() }
                let persistence = try Persistence(location: .postgres(url: url, searchPath: [schema]), logger: logger, connectionsPerEventLoop: 3)
                try await persistence.prepare()
                return TestStore(
                    persistence: persistence,
                    cleanup: {
                        await persistence.shutdown()
                        try? await onAdminConnection(url) { try await $0.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
                        await postgresSlots.release()
                    })
            } catch {
                await postgresSlots.release()
                throw error
            }
        }
    }

    static let postgresSlots = Slots(8)

    private static func onAdminConnection(_ url: String, _ body: (Persistence) async throws -> Void) async throws {
        let admin = try Persistence(location: .postgres(url: url, searchPath: nil), logger: logger, connectionsPerEventLoop: 1)
        do {
            try await body(admin)
            await admin.shutdown()
        } catch {
            await admin.shutdown()
            throw error
        }
    }
}

/// A counting semaphore for async code.
actor Slots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// A test database and how to throw it away.
public struct TestStore: Sendable {
    public let persistence: Persistence
    let cleanup: @Sendable () async -> Void

    /// Runs `body` with the database and always removes it afterwards.
    public func use<T>(_ body: (Persistence) async throws -> T) async throws -> T {
        do {
            let result = try await body(persistence)
            await cleanup()
            return result
        } catch {
            await cleanup()
            throw error
        }
    }
}

/// Runs `body` on a fresh database of `kind`.
public func withTestDatabase<T>(_ kind: DatabaseKind, _ body: (Persistence) async throws -> T) async throws -> T {
    try await TestDatabase.make(kind).use(body)
}

extension DatabaseKind: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
