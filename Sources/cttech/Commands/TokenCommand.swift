import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API bearer tokens.", subcommands: [Create.self, List.self, Revoke.self])

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

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List API tokens (id, account, label, created, expires, state); never the tokens themselves.")

        @Option(help: "Only the tokens of the account with this e-mail.") var user: String?
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let lines = try await db.with { persistence in
                let accounts = AccountStore(persistence)
                var userID: String?
                if let user {
                    guard let account = try await accounts.account(email: user) else { throw ValidationError("no account with e-mail \(user)") }
                    userID = account.id
                }
                let now = epochMilliseconds()
                var emails: [String: String] = [:]
                var lines = ["id\taccount\tlabel\tcreated (UTC)\texpires (UTC)\tstate"]
                for token in try await APITokenStore(persistence).list(userID: userID) {
                    if emails[token.userID] == nil { emails[token.userID] = try await accounts.account(id: token.userID)?.email ?? token.userID }
                    let state = token.revoked ? "revoked" : token.isLive(now: now) ? "live" : "expired"
                    lines.append(
                        [token.id, emails[token.userID] ?? "", token.label, utcDay(token.createdAt), token.expiresAt.map(utcDay) ?? "never", state]
                            .joined(separator: "\t"))
                }
                return lines
            }
            print(lines.joined(separator: "\n"))
        }

        func utcDay(_ milliseconds: Int64) -> String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an API token for good, by the id `token list` shows.")

        @Argument(help: "The token's id.") var id: String
        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            guard Identifier.isValid(id) else { throw ValidationError("\(id) is not a token id (see `cttech token list`)") }
        }

        func run() async throws {
            let found = try await db.with { persistence in
                try await APITokenStore(persistence).revoke(
                    id: id, ofUser: nil, audit: AuditEvent(.tokenRevoke, by: commandLineActor(), entity: id, state: nil, ["by": "command line"]))
            }
            guard found else { throw ValidationError("no token has the id \(id)") }
            print("revoked \(id)")
        }
    }
}
