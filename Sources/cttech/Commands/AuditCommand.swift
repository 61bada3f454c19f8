import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

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
