/// What a policy maker submits for an indicator, as typed.
public struct IndicatorDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// Checked whole: name and unit, a level and a direction, numbers for baseline and target with dates, the target
    /// lying in the chosen direction from the baseline and dated after it.
    public func validated(id: String, responseID: String) throws(ValidationFailure) -> Indicator {
        var v = Validator()
        let name = v.text(fields["name"], field: "name", maxLength: 300)
        let unit = v.text(fields["unit"], field: "unit", maxLength: 60)
        let level = Indicator.Level(rawValue: fields["level"] ?? "")
        if level == nil { v.add("level", "validation.policy.indicator-level") }
        let direction = Indicator.Direction(rawValue: fields["direction"] ?? "")
        if direction == nil { v.add("direction", "validation.policy.indicator-direction") }
        let baseline = Self.number(fields["baseline"], field: "baseline", &v)
        let target = Self.number(fields["target"], field: "target", &v)
        let baselineDate = CalendarDate(fields["baselineDate"] ?? "")
        if baselineDate == nil { v.add("baselineDate", "validation.date") }
        let targetDate = CalendarDate(fields["targetDate"] ?? "")
        if targetDate == nil { v.add("targetDate", "validation.date") }
        if let baselineDate, let targetDate, targetDate <= baselineDate { v.add("targetDate", "validation.policy.target-date") }
        if let baseline, let target, let direction {
            if direction == .increase && target < baseline { v.add("target", "validation.policy.target-below-baseline") }
            if direction == .decrease && target > baseline { v.add("target", "validation.policy.target-above-baseline") }
        }
        try v.check()
        guard let name, let unit, let level, let direction, let baseline, let target, let baselineDate, let targetDate else {
            throw ValidationFailure(field: "name", "validation.not-valid")
        }
        return Indicator(
            id: id, responseID: responseID, name: name, level: level, unit: unit, direction: direction, baseline: baseline,
            baselineDate: baselineDate,
            target: target, targetDate: targetDate, disaggregated: ["on", "yes", "true", "1"].contains((fields["disaggregated"] ?? "").lowercased()))
    }

    /// A finite number as typed (a decimal comma is accepted).
    static func number(_ text: String?, field: String, _ v: inout Validator) -> Double? {
        let cleaned = (text ?? "").trimmingWhitespace().replacingOccurrences(of: ",", with: ".").filter { !$0.isWhitespace }
        guard let value = Double(cleaned), value.isFinite, abs(value) < 1e15 else {
            v.add(field, "validation.policy.number")
            return nil
        }
        return value
    }
}

/// What someone records as an indicator's actual value, as typed.
public struct ActualDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// Checked whole: a number, a date not in the future, the evidence it rests on and its source's reliability.
    public func validated(id: String, indicatorID: String, recordedBy: String, today: CalendarDate) throws(ValidationFailure) -> IndicatorActual {
        var v = Validator()
        let value = IndicatorDraft.number(fields["value"], field: "value", &v)
        let date = CalendarDate(fields["date"] ?? "")
        if date == nil { v.add("date", "validation.date") }
        if let date, date > today { v.add("date", "validation.policy.future-date") }
        let evidence = v.text(fields["evidence"], field: "evidence", maxLength: 1000)
        let reliability = SourceReliability(rawValue: (fields["reliability"] ?? "").uppercased())
        if reliability == nil { v.add("reliability", "validation.reliability") }
        try v.check()
        guard let value, let date, let evidence, let reliability else { throw ValidationFailure(field: "value", "validation.not-valid") }
        return IndicatorActual(
            id: id, indicatorID: indicatorID, value: value, date: date, evidence: evidence, reliability: reliability, recordedBy: recordedBy)
    }
}
