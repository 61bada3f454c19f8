import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

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
