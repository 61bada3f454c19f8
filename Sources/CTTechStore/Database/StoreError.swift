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

public enum StoreError: Error, Sendable, CustomStringConvertible {
    case configuration(String)
    case unavailable(String)
    case corrupt(String)

    public var description: String {
        switch self {
        case .configuration(let m): "database configuration: \(m)"
        case .unavailable(let m): "database unavailable: \(m)"
        case .corrupt(let m): "stored data is not valid: \(m)"
        }
    }
}
