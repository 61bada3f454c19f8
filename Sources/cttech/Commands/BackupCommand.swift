import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of the database while the server runs (SQLite file, or pg_dump archive).")
    @Option(help: "File to write; must not exist.") var to: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        try await db.with { try await Backup.write($0, to: to) }
        print("Backup written to \(to).")
    }
}
