import Foundation

/// One entry of a reference list: a stable code, a name, and what it covers — in English, and in the other languages the
/// method version carries (issue 9: a new method version brings its own translations).
public struct ReferenceItem: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var description: String
    /// The name and description in the method's other languages; a language without them reads the English.
    public var translations: [Language: ReferenceText]

    public init(_ code: String, _ name: String, _ description: String = "", translations: [Language: ReferenceText] = [:]) {
        self.code = code
        self.name = name
        self.description = description
        self.translations = translations
    }

    /// The name a reader of `language` sees.
    public func name(in language: Language) -> String {
        translations[language].map(\.name).flatMap { $0.isEmpty ? nil : $0 } ?? name
    }

    /// The description a reader of `language` sees (empty when the item has none).
    public func description(in language: Language) -> String {
        description.isEmpty ? "" : translations[language].map(\.description).flatMap { $0.isEmpty ? nil : $0 } ?? description
    }

    enum CodingKeys: String, CodingKey { case code, name, description, translations }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .code), try c.decode(String.self, forKey: .name),
            try c.decodeIfPresent(String.self, forKey: .description) ?? "")
        let coded = try c.decodeIfPresent([String: ReferenceText].self, forKey: .translations) ?? [:]
        translations = Dictionary(uniqueKeysWithValues: coded.compactMap { key, text in Language(rawValue: key).map { ($0, text) } })
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        if !translations.isEmpty {
            try c.encode(Dictionary(uniqueKeysWithValues: translations.map { ($0.key.rawValue, $0.value) }), forKey: .translations)
        }
    }
}

/// A reference item's name and description in one language.
public struct ReferenceText: Sendable, Codable, Hashable {
    public var name: String
    public var description: String

    public init(name: String, description: String = "") {
        self.name = name
        self.description = description
    }
}

extension MethodVersion {
    /// Translations shipped for a method version, in `Translations/<method id>.json` of this module's bundle:
    /// language → list → code → name and description. Empty when the file is missing or unreadable.
    public static func shippedTranslations(of id: String) -> [Language: [ReferenceKind: [String: ReferenceText]]] {
        guard let url = Bundle.module.url(forResource: id, withExtension: "json", subdirectory: "Translations"),
            let data = try? Data(contentsOf: url),
            let decoded = try? JSONDecoder().decode([String: [String: [String: ReferenceText]]].self, from: data)
        else { return [:] }
        var result: [Language: [ReferenceKind: [String: ReferenceText]]] = [:]
        for (code, lists) in decoded {
            guard let language = Language(rawValue: code) else { continue }
            for (kindName, items) in lists {
                guard let kind = ReferenceKind(rawValue: kindName) else { continue }
                result[language, default: [:]][kind] = items
            }
        }
        return result
    }

    /// The method with each item's translations taken from `translations` (language → list → code).
    public func translated(_ translations: [Language: [ReferenceKind: [String: ReferenceText]]]) -> MethodVersion {
        var method = self
        for kind in ReferenceKind.allCases {
            method.lists[kind] = items(kind).map { item in
                var item = item
                for (language, lists) in translations {
                    if let text = lists[kind]?[item.code] { item.translations[language] = text }
                }
                return item
            }
        }
        return method
    }
}
