extension Validator {
    /// A cost range from the fields `costLow`, `costHigh` and `currency` (nil when both amounts are empty). One amount alone
    /// is a range of one value; amounts are non-negative, low ≤ high, and the currency is an ISO 4217 code of three capitals.
    public mutating func costRange(_ fields: [String: String]) -> CostRange? {
        let lowText = (fields["costLow"] ?? "").trimmingWhitespace()
        let highText = (fields["costHigh"] ?? "").trimmingWhitespace()
        let currency = (fields["currency"] ?? "").trimmingWhitespace().uppercased()
        if lowText.isEmpty && highText.isEmpty {
            return nil
        }
        func amount(_ text: String, _ field: String) -> Double? {
            let cleaned = text.filter { !$0.isWhitespace && $0 != "," && $0 != "_" }
            guard let value = Double(cleaned), value.isFinite, value >= 0, value < 1e15 else {
                add(field, "validation.policy.amount")
                return nil
            }
            return value
        }
        let low = amount(lowText.isEmpty ? highText : lowText, "costLow")
        let high = amount(highText.isEmpty ? lowText : highText, "costHigh")
        let currencyValid = currency.count == 3 && currency.allSatisfy { $0.isASCII && $0.isUppercase }
        if !currencyValid { add("currency", "validation.policy.currency") }
        guard let low, let high, currencyValid else { return nil }
        guard low <= high else {
            add("costHigh", "validation.policy.cost-order")
            return nil
        }
        return CostRange(low: low, high: high, currency: currency)
    }

    /// A timeframe from the fields `start` and `end` (yyyy-mm-dd; nil when both are empty); the end is not before the start.
    public mutating func timeframe(_ fields: [String: String]) -> Timeframe? {
        let startText = (fields["start"] ?? "").trimmingWhitespace()
        let endText = (fields["end"] ?? "").trimmingWhitespace()
        if startText.isEmpty && endText.isEmpty { return nil }
        let start = CalendarDate(startText)
        let end = CalendarDate(endText)
        if start == nil { add("start", "validation.date") }
        if end == nil { add("end", "validation.date") }
        guard let start, let end else { return nil }
        guard start <= end else {
            add("end", "validation.policy.end-before-start")
            return nil
        }
        return Timeframe(start: start, end: end)
    }
}
