import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

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
