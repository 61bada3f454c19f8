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

    @Test func theLocalizerSpeaksEachLanguage() {
        #expect(Localizer(.english)("assessment.scenarios", count: 1) == "1 scenario")
        #expect(Localizer(.russian)("assessment.scenarios", count: 22) == "22 сценария")
        #expect(Localizer(.arabic)("assessment.scenarios", count: 2) == "سيناريوهان")
        #expect(Localizer(.chinese)("language.switcher") == "语言")
        #expect(Localizer(.french)("no.such.key") == "no.such.key")
    }
}
