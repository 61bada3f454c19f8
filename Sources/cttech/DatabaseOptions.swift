import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

/// Options every command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database URL (overrides CTTECH_DATABASE_URL): a SQLite file path or postgres://user:pass@host/db.")
    var database: String?

    /// Opens and migrates the database, runs `body`, and always closes the database again. Data the rules refuse is
    /// reported as ``DataRefusal`` (exit 65), never with the usage text, which is for mistakes in the command line.
    func with<T>(quiet: Bool = true, refusal: String? = nil, _ body: (Persistence) async throws -> T) async throws -> T {
        let persistence = try await open(quiet: quiet)
        do {
            let result = try await body(persistence)
            await persistence.shutdown()
            return result
        } catch let failure as ValidationFailure {
            await persistence.shutdown()
            throw DataRefusal(headline: refusal, failure: failure)
        } catch StoreConflict.duplicate(let field) {
            await persistence.shutdown()
            throw DataRefusal(headline: refusal, failure: ValidationFailure(field: field, "validation.taken"))
        } catch {
            await persistence.shutdown()
            throw error
        }
    }

    func open(quiet: Bool = true) async throws -> Persistence {
        let configuration = AppConfiguration.load()
        var logger = Logger(label: "cttech")
        logger.logLevel = quiet ? .warning : .info
        let persistence = try Persistence(location: DatabaseLocation.parse(database ?? configuration.databaseURL), logger: logger)
        try await persistence.prepare()
        return persistence
    }
}
