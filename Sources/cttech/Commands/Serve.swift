import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the web UI and the API.")

    @Option(help: "Address to listen on (CTTECH_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (CTTECH_PORT, default 8080).") var port: Int?
    @Flag(help: "Load the fictional demo partner states and one account per role, and print their logins.") var demo = false
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        var configuration = AppConfiguration.load(host: host, port: port, demo: demo)
        if let url = db.database { configuration.databaseURL = url }
        LoggingSetup.bootstrap(format: configuration.logFormat, level: configuration.logLevel)
        try await runServer(configuration: configuration)
    }
}
