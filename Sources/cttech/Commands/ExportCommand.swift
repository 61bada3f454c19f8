import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

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
