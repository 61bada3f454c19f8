import Foundation

/// The interface's words and number formats in one of the six languages (ADR 0007). Catalogs are read once per
/// process, when first used, from `Catalogs/<language>/*.json` in this module's bundle (one file per area of the
/// product, merged); a key missing in a language falls back to English, then to the key itself, so a page never breaks
/// (the catalog tests make sure none is missing).
public struct Localizer: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public static let english = Localizer(.english)

    /// One language's catalog files: area name → parsed catalog, for the tests that check the files agree.
    public static let files: [Language: [String: MessageCatalog]] = {
        var files: [Language: [String: MessageCatalog]] = [:]
        let root = Bundle.module.resourceURL?.appendingPathComponent("Catalogs")
        for language in Language.allCases {
            guard let folder = root?.appendingPathComponent(language.rawValue),
                let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
            else { continue }
            for name in names.sorted() where name.hasSuffix(".json") {
                guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                    let catalog = try? MessageCatalog(language: language, json: data)
                else { continue }
                files[language, default: [:]][String(name.dropLast(5))] = catalog
            }
        }
        return files
    }()

    /// Every language's catalog: its area files merged.
    public static let catalogs: [Language: MessageCatalog] = files.mapValues { areas in
        MessageCatalog(
            language: areas.values.first?.language ?? .english,
            messages: areas.values.reduce(into: [:]) { merged, catalog in merged.merge(catalog.messages) { first, _ in first } })
    }

    /// The text of `key`, its plural form chosen by `count`, its placeholders filled from `values`.
    public func callAsFunction(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) -> String {
        Self.catalogs[language]?.text(key, count: count, values) ?? Self.catalogs[.english]?.text(key, count: count, values)
            ?? MessageCatalog.fill(key, values)
    }

    /// A message carried from the layers below (a field problem, a refusal), in this language.
    public func callAsFunction(_ message: Message) -> String {
        self(message.key, count: message.count, message.values)
    }

    /// Whether the catalogs know `key` (in English, which every language must match).
    public static func knows(_ key: String) -> Bool { catalogs[.english]?.messages[key] != nil }

    // MARK: Numbers and dates

    /// The decimal separator: a comma in French, Russian and Spanish; a point in English, Chinese and Arabic (Arabic
    /// text with Western digits and a point, as in official documents of the region and the UN's Arabic documents;
    /// ADR 0007).
    public var decimalSeparator: String {
        switch language {
        case .french, .russian, .spanish: ","
        case .arabic, .chinese, .english: "."
        }
    }

    /// A number with at most `fractionDigits` decimals and no trailing zeros: 2.5 → "2.5" or "2,5".
    public func number(_ value: Double, fractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        let scale = pow(10, Double(fractionDigits))
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return grouped(Int64(rounded)) }
        var text = String(format: "%.\(fractionDigits)f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Int64(parts[0]) ?? 0
        let sign = rounded < 0 && whole == 0 ? "-" : ""
        return sign + grouped(whole) + decimalSeparator + (parts.count > 1 ? String(parts[1]) : "")
    }

    /// A whole number, with thousands grouped from 10 000 up: "12,500" in English, "12 500" in French and Russian,
    /// "12.500" in Spanish.
    public func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 4 else { return value < 0 ? "-" + digits : digits }
        let separator: String
        switch language {
        case .english, .chinese, .arabic: separator = ","
        case .french, .russian: separator = "\u{202F}"
        case .spanish: separator = "."
        }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// A probability as a percentage with one decimal at most, the same everywhere (issue 8, item 10): 0.425 → "42.5 %"
    /// ("42,5 %" in French), 0.05 → "5 %", and anything above 0 but below 0.05 % → "< 0.1 %" rather than a misleading
    /// "0 %". Chinese and Arabic write the sign without a space.
    public func percent(_ value: Double) -> String {
        let tenths = (value * 1000).rounded()
        let space = language == .chinese || language == .arabic ? "" : " "
        if tenths == 0 && value > 0 { return "< " + number(0.1, fractionDigits: 1) + space + "%" }
        return number(tenths / 10, fractionDigits: 1) + space + "%"
    }

    /// A calendar date (UTC) in words: "24 November 2026", "24 novembre 2026", "24 ноября 2026 г.", "2026年11月24日".
    /// The pattern and the month names are in the catalogs (`format.date`, `month.1`…`month.12`).
    public func date(_ milliseconds: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        return self(
            "format.date",
            ["day": String(parts.day ?? 1), "month": self("month.\(parts.month ?? 1)"), "year": String(parts.year ?? 1970)])
    }
}

/// Something the layers below tell a person (a field problem, a refusal), carried as a catalog key and its values so
/// each reader gets it in their language. `english` is the text for logs and for clients that ask for nothing else.
public struct Message: Sendable, Hashable, ExpressibleByStringLiteral {
    public let key: String
    public let values: [String: String]
    public let count: Int?

    public init(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) {
        self.key = key
        self.values = values
        self.count = count
    }

    public init(stringLiteral key: String) {
        self.init(key)
    }

    public var english: String { Localizer.english(self) }
}
