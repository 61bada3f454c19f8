import ArgumentParser
import CTTechCore
import CTTechStore
import Foundation

/// `cttech purge-expired`: removes the names and contacts of programme participants past their retention date (issue 13).
/// The pseudonymous records, registrations and attendance stay, so every count and dashboard is unchanged; one audit
/// entry says how many were removed and before which date.
struct PurgeExpiredCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge-expired",
        abstract: "Remove participants' personal data past its retention date (aggregates stay).",
        discussion: "Run it daily (cron, a systemd timer). --today sets the day the retention dates are compared with (default: today, UTC).")
    @OptionGroup var db: DatabaseOptions
    @Option(help: "The day to compare retention dates with (yyyy-MM-dd).") var today: String?

    func run() async throws {
        let day: CalendarDate
        if let today {
            guard let parsed = CalendarDate(today) else { throw ValidationError("--today must be a date written yyyy-MM-dd") }
            day = parsed
        } else {
            day = ProgrammeRecords.today()
        }
        let removed = try await db.with { persistence in
            try await ProgrammeStore(persistence).purgeExpiredPersonalData(today: day, actor: commandLineActor())
        }
        print("Removed the personal data of \(removed) participant(s) whose retention date is before \(day). Aggregates are unchanged.")
    }
}
