/// The CLDR plural categories, and the rules of the six languages for whole numbers (CLDR 44 `plurals.xml`; a count in
/// the interface is always whole). Each catalog message with a count has one form per category its language uses.
public enum PluralCategory: String, Sendable, CaseIterable, Codable {
    case zero, one, two, few, many, other

    /// The categories a language's catalog must give for a counted message.
    public static func categories(of language: Language) -> [PluralCategory] {
        switch language {
        case .arabic: [.zero, .one, .two, .few, .many, .other]
        case .chinese: [.other]
        case .english: [.one, .other]
        case .french, .spanish: [.one, .many, .other]
        case .russian: [.one, .few, .many, .other]
        }
    }

    /// The category of a whole number `n ≥ 0` in a language.
    public static func of(_ n: Int, in language: Language) -> PluralCategory {
        let n = abs(n)
        switch language {
        case .chinese:
            return .other
        case .english:
            return n == 1 ? .one : .other
        case .french:
            // one: i = 0,1; many: e = 0 and i != 0 and i % 1000000 = 0
            if n == 0 || n == 1 { return .one }
            return n % 1_000_000 == 0 ? .many : .other
        case .spanish:
            // one: n = 1; many: e = 0 and i != 0 and i % 1000000 = 0
            if n == 1 { return .one }
            return n != 0 && n % 1_000_000 == 0 ? .many : .other
        case .russian:
            // one: i % 10 = 1 and i % 100 != 11; few: i % 10 = 2..4 and i % 100 != 12..14; many: the other integers
            let (d, h) = (n % 10, n % 100)
            if d == 1 && h != 11 { return .one }
            if (2...4).contains(d) && !(12...14).contains(h) { return .few }
            return .many
        case .arabic:
            // zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            let h = n % 100
            if (3...10).contains(h) { return .few }
            if (11...99).contains(h) { return .many }
            return .other
        }
    }
}
