/// An activity as typed on the form: its kind, title, and items. Scenario activities take the assessment's scenarios
/// ticked on the form (`scenario.<id>` = `on`; none ticked means all); the others take one item per line of `items`.
/// A quiz line is `Question | option | *correct option | option` (the correct option marked with `*`).
public struct LiveActivityDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public init(kind: String, title: String, items: [String], scenarios: [String], limit: Int?) {
        var fields = ["kind": kind, "title": title, "items": items.joined(separator: "\n")]
        for id in scenarios { fields["scenario.\(id)"] = "on" }
        if let limit { fields["limit"] = String(limit) }
        self.fields = fields
    }

    /// The activity checked against the session's assessment scenarios (id → title, in the assessment's order).
    public func validated(
        id: String, sessionID: String, position: Int, scenarios: [(id: String, title: String)], at time: Int64
    ) throws(ValidationFailure) -> LiveActivity {
        var v = Validator()
        let kind = LiveActivity.Kind(rawValue: fields["kind"] ?? "")
        if kind == nil { v.add("kind", "validation.one-of", ["values": LiveActivity.Kind.allCases.map(\.rawValue).joined(separator: ", ")]) }
        let title = v.text(fields["title"], field: "title", maxLength: LiveLimits.titleLength)
        var items: [LiveItem] = []
        if let kind {
            if kind.usesScenarios {
                if scenarios.isEmpty { v.add("items", "live.validation.no-scenarios") }
                let ticked = scenarios.filter { fields["scenario.\($0.id)"] == "on" }
                items = (ticked.isEmpty ? scenarios : ticked).prefix(LiveLimits.items).map { LiveItem(key: $0.id, label: $0.title) }
            } else if kind != .ideas {
                items = Self.items(fields["items"] ?? "", kind: kind, validator: &v)
            }
        }
        var limit = 0
        if let typed = fields["limit"]?.trimmingWhitespace(), !typed.isEmpty {
            if let value = Int(typed), (0...LiveLimits.items).contains(value) {
                limit = value
            } else {
                v.add("limit", "validation.number-from-to", ["min": "0", "max": String(LiveLimits.items)])
            }
        }
        if kind == .ideas && limit == 0 { limit = 3 }
        if kind == .ranking && limit >= items.count { limit = 0 }
        try v.check()
        guard let kind, let title else { throw ValidationFailure(field: "title", "validation.required") }
        return LiveActivity(id: id, sessionID: sessionID, kind: kind, title: title, position: position, items: items, limit: limit, createdAt: time)
    }

    /// One item per non-empty line; quiz lines split into question and options.
    static func items(_ text: String, kind: LiveActivity.Kind, validator v: inout Validator) -> [LiveItem] {
        // Browsers send a text box's lines separated by CR LF, one Character in Swift: split on any newline. Lines keep their
        // number as typed (blank ones included), so an error names the line the person sees.
        let numbered = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .map { (number: $0.offset + 1, text: String($0.element).trimmingWhitespace()) }.filter { !$0.text.isEmpty }
        let lines = numbered.map(\.text)
        if lines.isEmpty {
            v.add("items", "live.validation.no-items")
            return []
        }
        if lines.count > LiveLimits.items {
            v.add("items", "live.validation.too-many-items", ["max": String(LiveLimits.items)])
            return []
        }
        var items: [LiveItem] = []
        for (index, line) in lines.enumerated() {
            let key = "i\(index + 1)"
            let lineNumber = ["line": String(numbered[index].number)]
            guard line.count <= LiveLimits.labelLength else {
                v.add("items", "live.validation.line-too-long", lineNumber.merging(["max": String(LiveLimits.labelLength)]) { a, _ in a })
                continue
            }
            if line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) {
                v.add("items", "validation.control-characters")
                continue
            }
            guard kind == .quiz else {
                items.append(LiveItem(key: key, label: line))
                continue
            }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            let question = parts[0]
            let options = parts.dropFirst().map { $0.hasPrefix("*") ? String($0.dropFirst()).trimmingWhitespace() : $0 }
            let correct = parts.dropFirst().enumerated().filter { $0.element.hasPrefix("*") }.map(\.offset)
            if question.isEmpty || options.count < 2 || options.count > LiveLimits.options || options.contains(where: \.isEmpty) {
                v.add("items", "live.validation.quiz-line", lineNumber.merging(["max": String(LiveLimits.options)]) { a, _ in a })
            } else if correct.count != 1 {
                v.add("items", "live.validation.quiz-correct", lineNumber)
            } else {
                items.append(LiveItem(key: key, label: question, options: options, correctOption: correct[0]))
            }
        }
        return items
    }
}
