import CTTechCore
import Testing

@testable import CTTechWeb

@Suite("The six catalogs are complete and agree (issue 9, ADR 0007)")
struct CatalogTests {
    @Test func everyLanguageHasItsCatalog() {
        #expect(Set(Localizer.catalogs.keys) == Set(Language.allCases))
    }

    /// A key missing or empty in any language, a plural message without a form its language needs, or a placeholder
    /// that differs from English fails here.
    @Test func everyKeyIsInEveryLanguageWithTheSamePlaceholders() throws {
        let english = try #require(Localizer.catalogs[.english])
        #expect(!english.messages.isEmpty)
        for language in Language.allCases {
            let catalog = try #require(Localizer.catalogs[language])
            #expect(Set(catalog.messages.keys) == Set(english.messages.keys), "\(language): keys differ from English")
            for (key, reference) in english.messages {
                guard let message = catalog.messages[key] else { continue }
                switch (reference, message) {
                case (.text(let a), .text(let b)):
                    #expect(!b.trimmingWhitespace().isEmpty, "\(language) \(key) is empty")
                    #expect(Set(MessageCatalog.placeholders(of: a)) == Set(MessageCatalog.placeholders(of: b)), "\(language) \(key)")
                case (.plural(let a), .plural(let b)):
                    let names = Set(a.values.flatMap(MessageCatalog.placeholders(of:))).subtracting(["count"])
                    for category in PluralCategory.categories(of: language) {
                        let form = b[category] ?? ""
                        #expect(!form.trimmingWhitespace().isEmpty, "\(language) \(key) lacks its \(category) form")
                        // {count} may be left out where the form says the number in words (Arabic zero, one, two).
                        #expect(Set(MessageCatalog.placeholders(of: form)).subtracting(["count"]) == names, "\(language) \(key) \(category)")
                    }
                    #expect(b[.other].map { MessageCatalog.placeholders(of: $0).contains("count") } ?? false, "\(language) \(key) other")
                default:
                    Issue.record("\(language) \(key): a text in one language and plural forms in the other")
                }
            }
        }
    }

    /// Each language's area files hold the same keys as English's, and no key is written in two area files.
    @Test func everyKeyLivesInOneAreaFile() throws {
        let english = try #require(Localizer.files[.english])
        for language in Language.allCases {
            let areas = try #require(Localizer.files[language], "\(language) has no catalog files")
            #expect(Set(areas.keys) == Set(english.keys), "\(language): area files differ from English's")
            var seen: [String: String] = [:]
            for (area, catalog) in areas {
                for key in catalog.messages.keys {
                    if let other = seen[key] { Issue.record("\(language): \(key) is in both \(other).json and \(area).json") }
                    seen[key] = area
                    #expect(english[area]?.messages[key] != nil, "\(language) \(area).json: \(key) belongs to another area in English")
                }
            }
        }
    }

    /// Templates read `{{t.a.b}}` one name at a time, so a key cannot also be the beginning of another (`a.b` and `a.b.c`).
    @Test func noKeyIsThePrefixOfAnother() throws {
        let keys = Set(try #require(Localizer.catalogs[.english]).messages.keys)
        for key in keys {
            let parts = key.split(separator: ".")
            for length in parts.indices.dropFirst() {
                let prefix = parts[..<length].joined(separator: ".")
                #expect(!keys.contains(prefix), "\(prefix) is a message and the start of \(key)")
            }
        }
    }

    @Test func theLocalizerSpeaksEachLanguage() {
        #expect(Localizer(.english)("assessment.scenarios", count: 1) == "1 scenario")
        #expect(Localizer(.russian)("assessment.scenarios", count: 22) == "22 сценария")
        #expect(Localizer(.arabic)("assessment.scenarios", count: 2) == "سيناريوهان")
        #expect(Localizer(.chinese)("language.switcher") == "语言")
        #expect(Localizer(.french)("no.such.key") == "no.such.key")
    }
}
