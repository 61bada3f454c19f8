import Foundation

/// One language's messages (ADR 0007): a flat JSON object from key to either a text or, for a message with a count, an
/// object from CLDR plural category to text. Texts name their values in braces, `{count}`, `{title}`; a brace is written
/// `{{` or `}}`. Keys are named by page or purpose (`notice.score-recorded`, `assessment.scenarios`).
public struct MessageCatalog: Sendable, Hashable {
    public enum Entry: Sendable, Hashable {
        case text(String)
        case plural([PluralCategory: String])
    }

    public let language: Language
    public let messages: [String: Entry]

    public init(language: Language, messages: [String: Entry]) {
        self.language = language
        self.messages = messages
    }

    /// Reads a catalog file; a value that is neither a text nor an object of plural categories to texts is refused with
    /// its key.
    public init(language: Language, json: Data) throws(ValidationFailure) {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw ValidationFailure(field: language.rawValue, "is not a JSON object of messages")
        }
        var messages: [String: Entry] = [:]
        var v = Validator()
        for (key, value) in object {
            if let text = value as? String {
                messages[key] = .text(text)
            } else if let forms = value as? [String: Any] {
                var plural: [PluralCategory: String] = [:]
                for (name, text) in forms {
                    guard let category = PluralCategory(rawValue: name), let text = text as? String else {
                        v.add(key, "\(name) is not a plural category with a text")
                        continue
                    }
                    plural[category] = text
                }
                messages[key] = .plural(plural)
            } else {
                v.add(key, "must be a text or an object of plural forms")
            }
        }
        try v.check()
        self.init(language: language, messages: messages)
    }

    /// The message for `key`, with `count` choosing the plural form and filling `{count}`, and `values` the other
    /// placeholders. Nil when the key is missing (the caller falls back to another language).
    public func text(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) -> String? {
        guard let message = messages[key] else { return nil }
        var values = values
        let template: String
        switch message {
        case .text(let text):
            template = text
        case .plural(let forms):
            let n = count ?? 0
            template = forms[PluralCategory.of(n, in: language)] ?? forms[.other] ?? ""
        }
        if let count { values["count"] = String(count) }
        return Self.fill(template, values)
    }

    /// The placeholder names a text uses, in order of first use.
    public static func placeholders(of text: String) -> [String] {
        var names: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{", next < text.endIndex, text[next] == "{" {
                index = text.index(after: next)
                continue
            }
            if character == "{", let close = text[next...].firstIndex(of: "}") {
                let name = String(text[next..<close])
                if !name.isEmpty, !names.contains(name) { names.append(name) }
                index = text.index(after: close)
                continue
            }
            index = next
        }
        return names
    }

    /// Replaces `{name}` by its value (unknown names stay as they are), `{{` and `}}` by single braces.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        // Most texts have no brace at all: nothing to fill or unescape.
        guard template.utf8.contains(where: { $0 == 0x7B || $0 == 0x7D }) else { return template }
        var out = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if (character == "{" || character == "}"), next < template.endIndex, template[next] == character {
                out.append(character)
                index = template.index(after: next)
                continue
            }
            if character == "{", let close = template[next...].firstIndex(of: "}"), let value = values[String(template[next..<close])] {
                out += value
                index = template.index(after: close)
                continue
            }
            out.append(character)
            index = next
        }
        return out
    }
}
