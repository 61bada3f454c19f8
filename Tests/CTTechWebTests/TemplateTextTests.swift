import CTTechCore
import Foundation
import Testing

@testable import CTTechWeb

/// Issue 9: every word a person reads comes from the catalogs. These checks read the sources: a template with literal
/// text, a `{{t.…}}` key no catalog has, or an English phrase in a page model or a controller fails here.
@Suite("No user-visible literal outside the catalogs (issue 9)")
struct TemplateTextTests {
    /// Attributes a person reads or hears.
    static let visibleAttributes = ["aria-label", "title", "placeholder", "alt", "aria-description", "aria-roledescription", "label"]

    /// The text a person would read in a template once its tags are filled: text between HTML tags and the values of
    /// the visible attributes (and of a button's `value`), with Mustache tags, comments, scripts and entities taken out.
    static func visibleText(in template: String) -> [String] {
        var text = template
        for pattern in [#"\{\{!.*?\}\}"#, #"<!--.*?-->"#, #"<script\b.*?</script>"#, #"<style\b.*?</style>"#, #"&#?[A-Za-z0-9]+;"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: [.regularExpression])
        }
        text = text.replacingOccurrences(of: #"\{\{\{?[^}]*\}?\}\}"#, with: "\u{1}", options: .regularExpression)
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            found.append(String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close]
            for name in visibleAttributes {
                if let value = HTML.attribute(name, of: tag) { found.append(value) }
            }
            let type = HTML.attribute("type", of: tag)
            if type == "submit" || type == "button" || type == "reset", let value = HTML.attribute("value", of: tag) { found.append(value) }
            rest = rest[rest.index(after: close)...]
        }
        found.append(String(rest))
        return found.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { text in
            text.unicodeScalars.contains { $0.properties.isAlphabetic }
        }
    }

    @Test func theCheckFindsLiteralText() {
        let template = """
            {{! a comment }}<h1>{{t.login.title}}</h1><p>Hello {{name}}</p>
            <button type="submit" value="Send" aria-label="{{t.x}}">{{t.send}}</button><input type="hidden" name="confirm" value="yes">
            <img alt="A chart"> &nbsp; <span>{{count}} · {{total}}</span>
            """
        #expect(Self.visibleText(in: template) == ["Hello \u{1}", "Send", "A chart"])
    }

    @Test func noTemplateHasLiteralText() throws {
        for path in TemplateTests.templateFiles {
            let template = try String(contentsOf: SourceTree.root.appendingPathComponent(path), encoding: .utf8)
            let literal = Self.visibleText(in: template)
            #expect(literal.isEmpty, "\(path) has text outside the catalogs: \(literal.prefix(5))")
        }
    }

    /// Every `{{t.key}}` of the templates names a message of the catalogs (a missing key would render as itself).
    @Test func everyTemplateKeyIsInTheCatalogs() throws {
        for path in TemplateTests.templateFiles {
            let template = try String(contentsOf: SourceTree.root.appendingPathComponent(path), encoding: .utf8)
            for match in template.matches(of: /\{\{[#^\/]?\s*t\.([A-Za-z0-9.\-]+)\s*\}\}/) {
                let key = String(match.1)
                #expect(Localizer.knows(key), "\(path) uses \(key), which no catalog has")
            }
        }
    }

    /// Literals that look like words but are not read by people on a page, with why.
    static let notForPeople: [(literal: String, why: String)] = [
        ("Bearer ", "the HTTP authorization scheme"),
        ("Bearer realm=", "the WWW-Authenticate challenge of /metrics"),
        ("Cannot initialize", "matches Foundation's decoding error text"),
        ("the body", "the API's stable field name for a whole request body"),
        ("Path=/; Max-Age=", "cookie attributes"),
        ("\"You\"", "the API's documented value of `assessor` for one's own score"),
        ("No accounts yet. Create the first administrator", "the operator's console at start-up (the command line speaks English)"),
        ("<!doctype html><title>Error</title><p>Template", "a missing template is a build mistake, never met by a user"),
        ("\"Static\"", "the resource folder of the stylesheet"),
        ("\"Allow\"", "the HTTP header of a 405"),
        ("<defs><pattern id=", "SVG markup of the roadmap timeline's hatching"),
    ]

    /// String literals in Swift sources that read like English words for people: a capitalised word, or two words.
    /// Page models and controllers take their words from the catalogs instead. Log messages, audit details, SQL,
    /// formats and comments are not read by people on the pages and are left out.
    static func englishLiterals(in folder: String, skipping skipped: [String] = []) throws -> [String] {
        var found: [String] = []
        let phrase = /"((?:[^"\\]|\\.)*)"/
        for path in SourceTree.files(under: folder, endingWith: ".swift") where !skipped.contains(where: { path.contains($0) }) {
            for (number, line) in try SourceTree.lines(of: path) {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") || code.hasPrefix("///") || code.contains("logger.") || code.contains("Logger(") { continue }
                for match in line.matches(of: phrase) {
                    let literal = String(match.1)
                    let quoted = "\"" + literal + "\""
                    if notForPeople.contains(where: { literal.contains($0.literal) || quoted.contains($0.literal) }) { continue }
                    if Self.readsAsEnglish(literal) { found.append("\(path):\(number): \"\(literal)\"") }
                }
            }
        }
        return found
    }

    /// A capitalised word followed by lower-case letters ("Overview"), or two lower-case words ("is required"); not a
    /// key (`login.title`), a path, a format or an identifier.
    static func readsAsEnglish(_ literal: String) -> Bool {
        let interpolationFree = literal.replacingOccurrences(of: #"\\\(.*?\)"#, with: " ", options: .regularExpression)
        if interpolationFree.range(of: #"^[a-z0-9]+([.\-_][a-z0-9]+)+$"#, options: .regularExpression) != nil { return false }
        if interpolationFree.hasPrefix("/") || interpolationFree.contains("://") { return false }
        // An HTTP header name: X-Frame-Options, Sec-Fetch-Site.
        if interpolationFree.range(of: #"^[A-Z][A-Za-z]*(-[A-Z][A-Za-z]*)+$"#, options: .regularExpression) != nil { return false }
        return interpolationFree.range(of: #"(^|[\s(])[A-Z][a-z]{2,}"#, options: .regularExpression) != nil
            || interpolationFree.range(of: #"[a-z]{2,} [a-z]{2,}"#, options: .regularExpression) != nil
    }

    @Test func theEnglishDetectorReadsWordsNotCodes() {
        #expect(Self.readsAsEnglish("Overview"))
        #expect(Self.readsAsEnglish("is not a partner state"))
        #expect(Self.readsAsEnglish("\\(n) scenarios in total"))
        #expect(!Self.readsAsEnglish("login.title"))
        #expect(!Self.readsAsEnglish("text/html; charset=utf-8"))
        #expect(!Self.readsAsEnglish("T01"))
        #expect(!Self.readsAsEnglish("#errors"))
        #expect(!Self.readsAsEnglish("aria-current"))
        #expect(!Self.readsAsEnglish("Cross-Origin-Opener-Policy"))
    }

    @Test func pageModelsTakeTheirWordsFromTheCatalogs() throws {
        let found = try Self.englishLiterals(in: "Sources/CTTechWeb")
        #expect(found.isEmpty, "\(found.count) English literals in CTTechWeb, the first: \(found.prefix(10).joined(separator: "\n"))")
    }

    @Test func controllersTakeTheirWordsFromTheCatalogs() throws {
        let found = try Self.englishLiterals(in: "Sources/CTTechServer", skipping: ["/Demo/"])
        #expect(found.isEmpty, "\(found.count) English literals in CTTechServer, the first: \(found.prefix(10).joined(separator: "\n"))")
    }
}
