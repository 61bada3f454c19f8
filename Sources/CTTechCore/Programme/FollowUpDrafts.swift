/// What a programme officer submits for a request for assistance, as typed: `state`, `askedBy`, `event` (optional),
/// topics as checkboxes `topic.<technology code>`, `summary` and `receivedOn`.
public struct AssistanceRequestDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// `states`: the states the officer may record requests for; `events`: event id → its states; `technologies`: the
    /// method's technology codes.
    public func validated(
        id: String, states: Set<String>, events: [String: [String]], technologies: Set<String>
    ) throws(ValidationFailure) -> AssistanceRequest {
        var v = Validator()
        let state = (fields["state"] ?? "").trimmingWhitespace()
        if !states.contains(state) { v.add("state", "validation.programme.state-not-granted") }
        let askedBy = v.text(fields["askedBy"], field: "askedBy", maxLength: 200)
        let event = (fields["event"] ?? "").trimmingWhitespace()
        if !event.isEmpty, !(events[event]?.contains(state) ?? false) { v.add("event", "validation.programme.event-of-state") }
        let topics = fields.keys.filter { $0.hasPrefix("topic.") && !(fields[$0] ?? "").isEmpty }.map { String($0.dropFirst(6)) }.sorted()
        if topics.isEmpty { v.add("topics", "validation.programme.topics-needed") }
        if topics.contains(where: { !technologies.contains($0) }) { v.add("topics", "validation.programme.unknown-topic") }
        let summary = v.text(fields["summary"], field: "summary", maxLength: 2_000)
        let received = CalendarDate((fields["receivedOn"] ?? "").trimmingWhitespace())
        if received == nil { v.add("receivedOn", "validation.date") }
        try v.check()
        guard let askedBy, let summary, let received else { throw ValidationFailure(field: "summary", "validation.required") }
        return AssistanceRequest(
            id: id, stateID: state, askedBy: askedBy, eventID: event.isEmpty ? nil : event, topics: topics, summary: summary, receivedOn: received)
    }
}

/// What a programme officer submits for a recommendation, as typed: `event` (the workshop or visit it was made at),
/// `state`, `text`, `madeOn`, and numbered action items `item.<n>.action|owner|due` (n = 1…``itemRows``; a wholly empty
/// row is ignored; at least one).
public struct RecommendationDraft: Sendable, Hashable {
    public var fields: [String: String]
    public static let itemRows = 4

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(
        id: String, states: Set<String>, events: [String: [String]], makeID: () -> String
    ) throws(ValidationFailure)
        -> Recommendation
    {
        var v = Validator()
        let state = (fields["state"] ?? "").trimmingWhitespace()
        if !states.contains(state) { v.add("state", "validation.programme.state-not-granted") }
        let event = (fields["event"] ?? "").trimmingWhitespace()
        if !(events[event]?.contains(state) ?? false) { v.add("event", "validation.programme.event-of-state") }
        let text = v.text(fields["text"], field: "text", maxLength: 2_000)
        let madeOn = CalendarDate((fields["madeOn"] ?? "").trimmingWhitespace())
        if madeOn == nil { v.add("madeOn", "validation.date") }
        var items: [ActionItem] = []
        for n in 1...Self.itemRows {
            let prefix = "item.\(n)."
            let raw = ["action", "owner", "due"].map { (fields[prefix + $0] ?? "").trimmingWhitespace() }
            if raw.allSatisfy(\.isEmpty) { continue }
            let action = v.text(raw[0], field: prefix + "action", maxLength: 500)
            let owner = v.text(raw[1], field: prefix + "owner", maxLength: 200)
            let due = CalendarDate(raw[2])
            if due == nil { v.add(prefix + "due", "validation.date") }
            if let action, let owner, let due {
                items.append(ActionItem(id: makeID(), recommendationID: id, action: action, ownerAgency: owner, due: due))
            }
        }
        if items.isEmpty && v.issues.isEmpty { v.add("item.1.action", "validation.programme.items-needed") }
        try v.check()
        guard let text, let madeOn else { throw ValidationFailure(field: "text", "validation.required") }
        return Recommendation(id: id, stateID: state, eventID: event, text: text, madeOn: madeOn, items: items)
    }
}
