import CTTechCore
import Foundation

/// Formats epoch milliseconds as `2026-11-24 06:15:02` in UTC, for tables: the same in every language (it reads and
/// sorts the same everywhere; ADR 0007). Numbers, percentages and dates in words go through ``Localizer``.
public func utcTimestamp(_ milliseconds: Int64) -> String {
    let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
}
