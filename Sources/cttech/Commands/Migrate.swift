import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema, then exit.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let location = try await db.with(quiet: false) { $0.location }
        print("Database is up to date (\(location)).")
    }
}
