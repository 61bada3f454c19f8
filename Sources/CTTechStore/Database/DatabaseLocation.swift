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

/// Where the data lives: an SQLite file (the default, for a laptop or a single national server) or PostgreSQL.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String, searchPath: [String]?)

    /// Reads `CTTECH_DATABASE_URL`-style text: `postgres://…`/`postgresql://…`, `sqlite://PATH`, `sqlite:PATH` or a bare file path.
    public static func parse(_ text: String) throws -> DatabaseLocation {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") { return .postgres(url: trimmed, searchPath: nil) }
        for prefix in ["sqlite://", "sqlite:"] where trimmed.hasPrefix(prefix) {
            let path = String(trimmed.dropFirst(prefix.count))
            guard !path.isEmpty else { throw StoreError.configuration("the SQLite URL names no file") }
            return .sqlite(path: path)
        }
        guard !trimmed.isEmpty, !trimmed.contains("://") else {
            throw StoreError.configuration("unsupported database URL (use postgres://… or a SQLite file path)")
        }
        return .sqlite(path: trimmed)
    }

    public var kind: DatabaseKind {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// A description without the password, for logs.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url, _):
            guard var components = URLComponents(string: url) else { return "postgres" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres"
        }
    }
}
