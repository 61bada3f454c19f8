/// The six official UN languages the interface speaks (issue 9). The raw value is the BCP 47 tag used in `lang`,
/// in catalogs' file names and in `Accept-Language`.
public enum Language: String, Sendable, CaseIterable, Codable {
    case arabic = "ar"
    case chinese = "zh"
    case english = "en"
    case french = "fr"
    case russian = "ru"
    case spanish = "es"

    /// The language's own name, as a language switcher shows it.
    public var nativeName: String {
        switch self {
        case .arabic: "العربية"
        case .chinese: "中文"
        case .english: "English"
        case .french: "Français"
        case .russian: "Русский"
        case .spanish: "Español"
        }
    }

    /// Arabic is written right to left.
    public var isRightToLeft: Bool { self == .arabic }

    /// `rtl` or `ltr`, for `<html dir>`.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The best of the six for an `Accept-Language` header (RFC 9110 §12.5.4: quality values, a language range matches
    /// its tag and any subtag, `*` matches anything), or English when none matches.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        guard let header, !header.isEmpty else { return .english }
        var best: (language: Language, quality: Double, position: Int)?
        for (position, part) in header.split(separator: ",").prefix(32).enumerated() {
            let pieces = part.split(separator: ";").map { String($0).trimmingWhitespace() }
            guard let range = pieces.first?.lowercased(), !range.isEmpty else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0, quality <= 1 else { continue }
            let primary = range.split(separator: "-").first.map(String.init) ?? range
            let language = range == "*" ? Language.english : Language(rawValue: primary)
            guard let language else { continue }
            if best == nil || quality > best!.quality || (quality == best!.quality && position < best!.position) {
                best = (language, quality, position)
            }
        }
        return best?.language ?? .english
    }
}
