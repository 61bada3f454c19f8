import Foundation
import Testing

@testable import CTTechCore

/// The default method's reference lists in the five languages other than English (issue 9), shipped in
/// `ReferenceData/Translations/ctt-default-2024.1.json`.
@Suite("Translations of the default method's reference lists (issue 9)")
struct ReferenceTranslationsTests {
    static let languages: [Language] = [.arabic, .chinese, .french, .russian, .spanish]

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CTTechCore/ReferenceData/Translations/ctt-default-2024.1.json")

    @Test func everyItemOfEveryListIsNamedInEachLanguage() throws {
        // setup
        let method = MethodVersion.ctTechDefault
        // act
        let translations = MethodVersion.shippedTranslations(of: MethodVersion.defaultID)
        // check
        #expect(Set(translations.keys) == Set(Self.languages))
        for language in Self.languages {
            let lists = try #require(translations[language], "\(language)")
            for kind in ReferenceKind.allCases {
                for item in method.items(kind) {
                    let text = lists[kind]?[item.code]
                    #expect(!(text?.name.trimmingWhitespace().isEmpty ?? true), "\(language) \(kind.rawValue) \(item.code) has no name")
                }
            }
        }
    }

    @Test func descriptionsAreTranslatedExactlyWhereEnglishHasOne() throws {
        // setup
        let method = MethodVersion.ctTechDefault
        // act
        let translations = MethodVersion.shippedTranslations(of: MethodVersion.defaultID)
        // check
        for language in Self.languages {
            for kind in ReferenceKind.allCases {
                for item in method.items(kind) {
                    let text = try #require(translations[language]?[kind]?[item.code], "\(language) \(kind.rawValue) \(item.code)")
                    let englishHasOne = !item.description.trimmingWhitespace().isEmpty
                    #expect(
                        text.description.trimmingWhitespace().isEmpty == !englishHasOne,
                        "\(language) \(kind.rawValue) \(item.code): description present only where English has one")
                }
            }
        }
    }

    @Test func theMethodReadsItsNamesInTheReadersLanguage() throws {
        // setup
        let item = try #require(MethodVersion.ctTechDefault.items(.technologies).first { $0.code == "T04" })
        // act
        let french = item.name(in: .french)
        let english = item.name(in: .english)
        // check
        #expect(french == "Actifs virtuels / cryptomonnaies")
        #expect(english == "Virtual assets / cryptocurrencies")
        #expect(MethodVersion.ctTechDefault.names(.technologies, in: .spanish)["T04"] == "Activos virtuales / criptomonedas")
    }

    @Test func tlpLevelNamesStayInEnglish() {
        // setup
        let translations = MethodVersion.shippedTranslations(of: MethodVersion.defaultID)
        // act
        let names = Self.languages.map { language in TLP.allCases.map { translations[language]?[.tlpLevels]?[$0.rawValue]?.name } }
        // check
        for levels in names { #expect(levels == TLP.allCases.map(\.label)) }
    }

    /// Every language, list and code in the file is one the method knows: nothing is silently dropped on loading.
    @Test func theFileNamesNoUnknownLanguageListOrCode() throws {
        // setup
        let method = MethodVersion.ctTechDefault
        let data = try Data(contentsOf: Self.file)
        // act
        let decoded = try JSONDecoder().decode([String: [String: [String: ReferenceText]]].self, from: data)
        // check
        #expect(Set(decoded.keys) == Set(Self.languages.map(\.rawValue)))
        for (language, lists) in decoded {
            #expect(Set(lists.keys) == Set(ReferenceKind.allCases.map(\.rawValue)), "\(language)")
            for (kindName, items) in lists {
                let kind = try #require(ReferenceKind(rawValue: kindName), "\(language) names an unknown list \(kindName)")
                let known = Set(method.items(kind).map(\.code))
                #expect(Set(items.keys).subtracting(known).isEmpty, "\(language) \(kindName) names unknown codes")
            }
        }
    }
}
