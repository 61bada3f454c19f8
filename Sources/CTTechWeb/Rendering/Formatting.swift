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

/// "1 year", "2 years".
func years(_ n: Int) -> String { n == 1 ? "1 year" : "\(n) years" }

/// A probability as a percentage with one decimal at most, the same everywhere (issue 8, item 10): 0.425 → "42.5 %",
/// 0.05 → "5 %", 0.00123 → "0.1 %", and anything above 0 but below 0.05 % → "< 0.1 %" rather than a misleading "0 %".
func percent(_ value: Double) -> String {
    let tenths = (value * 1000).rounded()
    if tenths == 0 && value > 0 { return "< 0.1 %" }
    let text = tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
    return "\(text) %"
}

/// Formats epoch milliseconds as `2026-11-24 06:15:02` in UTC, for tables.
public func utcTimestamp(_ milliseconds: Int64) -> String {
    let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
}
