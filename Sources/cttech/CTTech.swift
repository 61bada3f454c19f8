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
            ExportCommand.self,
        ]
    )
}

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

/// Input data the rules refused: every problem on standard error, one per line, and exit status 65 (EX_DATAERR).
struct DataRefusal: Error, CustomStringConvertible {
    let headline: String?
    let failure: ValidationFailure

    var description: String {
        ([headline].compactMap { $0 } + failure.issues.map { "  \($0.field): \($0.message)" }).joined(separator: "\n")
    }
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

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema, then exit.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let location = try await db.with(quiet: false) { $0.location }
        print("Database is up to date (\(location)).")
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account with one role grant.",
            discussion: "Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")). The password is asked for unless --password-stdin is given."
        )

        @Option(help: "E-mail address (the login).") var email: String
        @Option(help: "Role to grant.") var role: String?
        @Flag(help: "Shorthand for --role administrator (the first administrator of a new installation).") var admin = false
        @Option(help: "Partner state code for the grant; omit for a programme-wide grant.") var state: String?
        @Option(help: "Display name (defaults to the part of the e-mail before @).") var name: String?
        @Flag(help: "Read the password from standard input (one line) instead of prompting.") var passwordStdin = false
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let role = admin ? "administrator" : (role ?? "")
            let password = try readPassword(fromStdin: passwordStdin)
            let draft = UserDraft(email: email, displayName: name ?? String(email.split(separator: "@").first ?? ""))
            try await reportingRefusals { try await create(draft, role: role, password: password) }
        }

        private func create(_ draft: UserDraft, role: String, password: String) async throws {
            let user = try await db.with(refusal: "the account was not created:") { persistence in
                var stateID: String?
                if let state {
                    guard let found = try await PartnerStateStore(persistence).find(code: state, visible: SystemAuthority.allStates) else {
                        throw ValidationFailure(field: "state", "no partner state has the code \(state)")
                    }
                    stateID = found.id
                }
                let hasher = PasswordHasher(cost: AppConfiguration.load().bcryptCost)
                let accounts = AccountAdministration(
                    accounts: AccountStore(persistence), passwords: PasswordHashing(hash: { try await hasher.hash($0) }))
                let actor = commandLineActor()
                return try await accounts.create(
                    draft, password: password, role: role, stateID: stateID, by: actor, scope: SystemAuthority.administrator(actorID: actor.id))
            }
            print("Created \(user.email) as \(role)\(state.map { " for \($0.uppercased())" } ?? "").")
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API bearer tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API bearer token for a user and print it once.")

        @Option(help: "E-mail of the account the token acts as.") var user: String
        @Option(help: "A label to recognise the token by.") var label = "cli"
        @Option(help: "Days until the token expires (0: never).") var days = 90
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let token = try await db.with { persistence in
                guard let account = try await AccountStore(persistence).account(email: user), account.isActive else {
                    throw ValidationError("no active account with e-mail \(user)")
                }
                let actor = commandLineActor()
                return try await APITokenStore(persistence).create(
                    userID: account.id, label: label, lifetimeMilliseconds: days > 0 ? Int64(days) * 86_400_000 : nil,
                    audit: AuditEvent(.tokenCreate, by: actor, entity: "", state: nil, ["user": account.email, "label": label]))
            }
            print(token)
        }
    }
}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data from files.", subcommands: [Assessment.self])

    struct Assessment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a whole assessment from JSON (docs/import-format.md). Every part is checked before anything is written.")

        @Argument(help: "The JSON file.") var file: String
        @Option(help: "Code of the partner state the assessment belongs to.") var state: String
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            try await reportingRefusals {
                let result = try await db.with(refusal: "nothing was imported:") { persistence in
                    try await AssessmentFiles.importAssessment(path: file, stateCode: state, persistence: persistence, actor: commandLineActor())
                }
                print("Imported \"\(result.title)\" as assessment \(result.id)")
            }
        }
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export data to files.", subcommands: [Register.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write an assessment's national risk register as JSON or CSV.")

        @Option(help: "The assessment's id.") var assessment: String
        @Option(help: "json or csv.") var format = "json"
        @Option(help: "File to write (default: standard output).") var out: String?
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            var data = Data()
            try await reportingRefusals {
                data = try await db.with(refusal: "nothing was exported:") { persistence in
                    try await AssessmentFiles.exportRegister(assessmentID: assessment, format: format, persistence: persistence)
                }
            }
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: data) else { throw ValidationError("cannot write \(out)") }
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Audit log tools.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain of the whole audit log.",
            discussion: "Exits 0 and prints the head hash when intact; exits 1 and names the first bad entry otherwise.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let result = try await db.with { try await AuditLogStore($0).verify() }
            switch result {
            case .intact(let count, let head):
                print("Audit log intact: \(count) entries, head \(head)")
            case .broken(let seq, let reason):
                print("Audit log BROKEN at entry \(seq): \(reason)")
                throw ExitCode(1)
            }
        }
    }
}

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
