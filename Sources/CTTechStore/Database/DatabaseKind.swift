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

public enum DatabaseKind: String, Sendable { case sqlite, postgres }
