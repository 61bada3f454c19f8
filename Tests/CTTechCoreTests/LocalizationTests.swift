import Foundation
import Testing

@testable import CTTechCore

@Suite("Languages, plural rules and message catalogs (issue 9, ADR 0007)")
struct LocalizationTests {
    /// Hand cases from the CLDR plural rules of each language, whole numbers.
    @Test func pluralCategoriesFollowCLDR() {
        let cases: [(Language, [(Int, PluralCategory)])] = [
            (.english, [(0, .other), (1, .one), (2, .other), (21, .other)]),
            (.chinese, [(0, .other), (1, .other), (5, .other)]),
            (.french, [(0, .one), (1, .one), (2, .other), (1_000_000, .many), (2_000_000, .many), (1_000_001, .other)]),
            (.spanish, [(0, .other), (1, .one), (2, .other), (1_000_000, .many)]),
            (
                .russian,
                [
                    (0, .many), (1, .one), (2, .few), (4, .few), (5, .many), (11, .many), (12, .many), (14, .many), (21, .one),
                    (22, .few), (25, .many), (101, .one), (111, .many), (112, .many), (122, .few),
                ]
            ),
            (
                .arabic,
                [
                    (0, .zero), (1, .one), (2, .two), (3, .few), (10, .few), (11, .many), (99, .many), (100, .other), (102, .other),
                    (103, .few), (111, .many), (1000, .other),
                ]
            ),
        ]
        for (language, expected) in cases {
            for (n, category) in expected {
                #expect(PluralCategory.of(n, in: language) == category, "\(language) \(n)")
            }
        }
    }

    /// Law: every number falls in one of the categories the language's catalog must give.
    @Test func everyNumberFallsInADeclaredCategory() {
        for language in Language.allCases {
            let declared = Set(PluralCategory.categories(of: language))
            for n in 0...2_000 { #expect(declared.contains(PluralCategory.of(n, in: language)), "\(language) \(n)") }
        }
    }

    @Test func acceptLanguageChoosesTheBestOfTheSix() {
        #expect(Language.negotiate(acceptLanguage: nil) == .english)
        #expect(Language.negotiate(acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.8") == .russian)
        #expect(Language.negotiate(acceptLanguage: "de-DE, fr;q=0.7, ar;q=0.8") == .arabic)
        #expect(Language.negotiate(acceptLanguage: "zh-Hans-CN") == .chinese)
        #expect(Language.negotiate(acceptLanguage: "de, it;q=0.5") == .english)
        #expect(Language.negotiate(acceptLanguage: "es;q=0, fr;q=0.1") == .french)
        #expect(Language.negotiate(acceptLanguage: "es;q=abc, fr") == .french)
        #expect(Language.arabic.direction == "rtl" && Language.french.direction == "ltr")
    }

    @Test func messagesFillTheirPlaceholdersAndChooseTheirPluralForm() throws {
        let catalog = try MessageCatalog(
            language: .russian,
            json: Data(#"{"a.b":"Раунд {round} {{открыт}}","n":{"one":"{count} сценарий","few":"{count} сценария","many":"{count} сценариев"}}"#.utf8)
        )
        #expect(catalog.text("a.b", ["round": "3"]) == "Раунд 3 {открыт}")
        #expect(catalog.text("n", count: 1) == "1 сценарий")
        #expect(catalog.text("n", count: 3) == "3 сценария")
        #expect(catalog.text("n", count: 11) == "11 сценариев")
        #expect(catalog.text("missing") == nil)
        #expect(MessageCatalog.placeholders(of: "{a} and {b}, {a} {{c}}") == ["a", "b"])
        #expect(throws: ValidationFailure.self) { try MessageCatalog(language: .english, json: Data(#"{"x":{"several":"y"}}"#.utf8)) }
        #expect(throws: ValidationFailure.self) { try MessageCatalog(language: .english, json: Data(#"{"x":3}"#.utf8)) }
        #expect(throws: ValidationFailure.self) { try MessageCatalog(language: .english, json: Data("[]".utf8)) }
    }
}
