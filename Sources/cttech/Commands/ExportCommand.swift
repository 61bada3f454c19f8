import ArgumentParser
import CTTechCore
import CTTechServer
import CTTechStore
import Foundation
import Logging

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data to files.", subcommands: [Register.self, AssessmentFile.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write an assessment's national risk register as JSON or CSV.")

        @Option(help: "The assessment's id.") var assessment: String
        @Option(help: "json or csv.") var format = "json"
        @Option(
            help: ArgumentHelp(
                "With --format csv: a CSV for people, its header and words in this language (ar, zh, en, fr, ru or es).",
                discussion: "Without it, the CSV has stable column keys and English values, for software."))
        var language: String?
        @Option(help: "File to write (default: standard output).") var out: String?
        @OptionGroup var db: DatabaseOptions

        /// The language asked for, nil for the stable CSV.
        var chosenLanguage: Language? { language.flatMap(Language.init(rawValue:)) }

        func validate() throws {
            guard let language else { return }
            guard Language(rawValue: language) != nil else {
                let codes = Language.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--language \(language) is not one of the six languages: use one of \(codes)")
            }
            guard format == "csv" else { throw ValidationError("--language applies to --format csv only") }
        }

        func run() async throws {
            var data = Data()
            try await reportingRefusals {
                data = try await db.with(refusal: "nothing was exported:") { persistence in
                    guard let language = chosenLanguage else {
                        return try await AssessmentFiles.exportRegister(assessmentID: assessment, format: format, persistence: persistence)
                    }
                    // The register as the export computes it (its JSON is the document, losslessly), written for people.
                    let json = try await AssessmentFiles.exportRegister(assessmentID: assessment, format: "json", persistence: persistence)
                    let document = try JSONDecoder().decode(RegisterDocument.self, from: json)
                    return Data(document.csv(in: Localizer(language)).utf8)
                }
            }
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: data) else { throw ValidationError("cannot write \(out)") }
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }

    struct AssessmentFile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assessment",
            abstract: "Write an assessment, with the state's policy responses that address it, in the import format (docs/import-format.md).")

        @Option(help: "The assessment's id.") var assessment: String
        @Option(help: "File to write (default: standard output).") var out: String?
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            var data = Data()
            try await reportingRefusals {
                data = try await db.with(refusal: "nothing was exported:") { persistence in
                    try await AssessmentFiles.exportAssessment(assessmentID: assessment, persistence: persistence)
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
