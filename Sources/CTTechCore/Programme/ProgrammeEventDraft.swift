/// What a programme officer submits for an event, as typed: `kind`, `title`, the states as checkboxes `state.<id>`,
/// `start` and `end` (yyyy-MM-dd; no end: a one-day event), `venue`, `city`, `organisers` and `facilitators` (one per line
/// or separated by commas).
public struct ProgrammeEventDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// The longest event the programme runs (a two-week training), in days.
    public static let longestEvent = 21

    /// Checked whole; `known`: the ids of the partner states that may be chosen (those the officer is granted).
    public func validated(id: String, known: Set<String>) throws(ValidationFailure) -> ProgrammeEvent {
        var v = Validator()
        let kind = ProgrammeEvent.Kind(rawValue: (fields["kind"] ?? "").trimmingWhitespace())
        if kind == nil { v.add("kind", "validation.programme.kind-needed") }
        let title = v.text(fields["title"], field: "title", maxLength: 200)
        let chosen = fields.keys.filter { $0.hasPrefix("state.") && fields[$0] != nil && fields[$0] != "" }.map { String($0.dropFirst(6)) }
        if chosen.isEmpty { v.add("states", "validation.programme.states-needed") }
        if chosen.contains(where: { !known.contains($0) }) { v.add("states", "validation.programme.state-not-granted") }
        if kind == .nationalWorkshop || kind == .followUpVisit, chosen.count > 1 {
            v.add("states", "validation.programme.one-state")
        }
        let startText = (fields["start"] ?? "").trimmingWhitespace()
        let start = CalendarDate(startText)
        if start == nil { v.add("start", startText.isEmpty ? "validation.required" : "validation.date") }
        var end = start
        let endText = (fields["end"] ?? "").trimmingWhitespace()
        if !endText.isEmpty {
            end = CalendarDate(endText)
            if end == nil { v.add("end", "validation.date") }
        }
        if let start, let end {
            if end < start {
                v.add("end", "validation.programme.end-before-start")
            } else if end.daysSinceEpoch - start.daysSinceEpoch >= Self.longestEvent {
                v.add("end", "validation.programme.too-long", ["days": String(Self.longestEvent)])
            }
        }
        let venue = v.text(fields["venue"], field: "venue", required: false, maxLength: 200) ?? ""
        let city = v.text(fields["city"], field: "city", maxLength: 100)
        let organisers = Self.list(fields["organisers"], field: "organisers", validator: &v)
        let facilitators = Self.list(fields["facilitators"], field: "facilitators", validator: &v)
        try v.check()
        guard let kind, let title, let start, let end, let city else { throw ValidationFailure(field: "title", "validation.required") }
        return ProgrammeEvent(
            id: id, kind: kind, title: title, stateIDs: chosen.sorted(), start: start, end: end, venue: venue, city: city, organisers: organisers,
            facilitators: facilitators)
    }

    /// Names one per line or separated by commas; at most 20, each at most 200 characters.
    static func list(_ text: String?, field: String, validator v: inout Validator) -> [String] {
        let names = (text ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == "\r" }).map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
        if names.count > 20 { v.add(field, "validation.programme.too-many-names", ["max": "20"]) }
        for name in names where v.text(name, field: field, maxLength: 200) == nil { break }
        return names
    }
}
