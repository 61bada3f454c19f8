import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

@main
struct CTTech: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cttech",
        abstract: "CT TECH toolkit: assess and counter terrorist use of new technologies.",
        discussion: "The database is ./cttech.sqlite unless CTTECH_DATABASE_URL names another SQLite file or a postgres:// URL.",
        subcommands: [
            Serve.self, Migrate.self, UserCommand.self, TokenCommand.self, AuditCommand.self, BackupCommand.self, ImportCommand.self,
            ExportCommand.self, PurgeExpiredCommand.self,
        ]
    )
}

extension AsyncParsableCommand {
    /// Runs `body`; a ``DataRefusal`` is printed and ends the process with status 65 instead of the usage text.
    func reportingRefusals(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let refusal as DataRefusal {
            FileHandle.standardError.write(Data("Error: \(refusal)\n".utf8))
            throw ExitCode(65)
        }
    }
}

/// The actor written into audit entries for command-line changes.
func commandLineActor() -> AuditActor {
    AuditActor(id: "cli", label: "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")")
}

/// Reads a password without echo from the terminal, or one line from standard input.
func readPassword(fromStdin: Bool) throws -> String {
    if fromStdin {
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password on standard input") }
        return line
    }
    #if canImport(Glibc)
        guard let first = getpass("Password: ").map({ String(cString: $0) }), let second = getpass("Repeat password: ").map({ String(cString: $0) })
        else {
            throw ValidationError("could not read the password")
        }
        guard first == second else { throw ValidationError("the two passwords differ") }
        return first
    #else
        throw ValidationError("use --password-stdin on this system")
    #endif
}
