import CTTechCore
import Foundation

/// The interface's words in one of the six languages (ADR 0007). Catalogs are read once, when first used, from
/// `Localization/<language>.json` in the bundle; a key missing in a language falls back to English, then to the key
/// itself, so a page never breaks (the catalog tests make sure none is missing).
public struct Localizer: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// Every language's catalog, parsed once for the process.
    static let catalogs: [Language: MessageCatalog] = {
        var catalogs: [Language: MessageCatalog] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Localization"),
                let data = try? Data(contentsOf: url), let catalog = try? MessageCatalog(language: language, json: data)
            else { continue }
            catalogs[language] = catalog
        }
        return catalogs
    }()

    /// The text of `key`, its plural form chosen by `count`, its placeholders filled from `values`.
    public func callAsFunction(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) -> String {
        Self.catalogs[language]?.text(key, count: count, values) ?? Self.catalogs[.english]?.text(key, count: count, values) ?? key
    }
}
