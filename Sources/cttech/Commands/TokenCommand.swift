import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API bearer tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API bearer token for a user and print it once.")

        @Option(help: "E-mail of the account the token acts as.") var user: String
        @Option(help: "A label to recognise the token by.") var label = "cli"
        @Option(help: "Days until the token expires, 1 to 365 (every token expires).") var days = 90
        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            guard (1...365).contains(days) else { throw ValidationError("--days must be a whole number of days from 1 to 365") }
        }

        func run() async throws {
            let token = try await db.with { persistence in
                guard let account = try await AccountStore(persistence).account(email: user), account.isActive else {
                    throw ValidationError("no active account with e-mail \(user)")
                }
                let actor = commandLineActor()
                return try await APITokenStore(persistence).create(
                    userID: account.id, label: label, lifetimeMilliseconds: Int64(days) * 86_400_000,
                    audit: AuditEvent(.tokenCreate, by: actor, entity: "", state: nil, ["user": account.email, "label": label]))
            }
            print(token)
        }
    }
}
