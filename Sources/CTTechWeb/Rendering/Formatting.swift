import CTTechCore
import Foundation
import Mustache

/// "1 scenario", "2 scenarios".
func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

/// A number with at most two decimals and no trailing zeros.
func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

func percent(_ value: Double) -> String { "\(format(value * 100)) %" }

/// Formats epoch milliseconds as `2026-11-24 06:15:02` in UTC, for tables.
public func utcTimestamp(_ milliseconds: Int64) -> String {
    let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
}
