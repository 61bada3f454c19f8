import CTTechCore
import Foundation
import SQLKit

/// A consistent copy of the whole database while the server keeps running.
public enum Backup {
    /// SQLite: `VACUUM INTO` writes a transactionally consistent copy. PostgreSQL: `pg_dump` (custom format), which reads one snapshot.
    public static func write(_ persistence: Persistence, to path: String) async throws {
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.configuration("\(path) already exists; choose a new file")
        }
        switch persistence.location {
        case .sqlite:
            try await persistence.sql.raw("VACUUM INTO \(bind: path)").run()
        case .postgres(let url, _):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["pg_dump", "--format=custom", "--file", path, "--dbname", url]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw StoreError.unavailable("pg_dump failed with status \(process.terminationStatus); is the PostgreSQL client installed?")
            }
        }
    }
}
