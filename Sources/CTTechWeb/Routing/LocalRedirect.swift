/// Where a person may be sent after logging in: only a path on this site. Browsers drop tabs and newlines from URLs
/// and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` would leave the site; anything with whitespace, a
/// control character or a backslash, anything not starting with a single `/`, and anything long is refused.
public enum LocalRedirect {
    /// `next` when it is a same-site path, otherwise the home page.
    public static func target(_ next: String?) -> String {
        guard let next, isLocalPath(next) else { return SiteURL.home.path }
        return next
    }

    /// Whether `text` is a path on this site that no browser reads as another host.
    public static func isLocalPath(_ text: String) -> Bool {
        guard text.hasPrefix("/"), !text.hasPrefix("//"), text.utf8.count < 500 else { return false }
        return !text.unicodeScalars.contains {
            $0 == "\\" || $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }
    }
}
