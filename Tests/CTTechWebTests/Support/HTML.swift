import Foundation
import Testing

@testable import CTTechWeb

/// A rendered page read the way the checks need it: its link targets, its form controls, its ids.
struct HTML {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    /// Every tag of these names, as written.
    func tags(_ names: String...) -> [Substring] {
        var found: [Substring] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { break }
            let tag = rest[open...close]
            let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
            if names.contains(name) { found.append(tag) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The value of one attribute of a tag, as written between double quotes.
    static func attribute(_ name: String, of tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Every place a link, form or image leads to.
    var targets: [String] {
        tags("a", "link", "form", "img", "script").flatMap { tag in ["href", "action", "src"].compactMap { HTML.attribute($0, of: tag) } }
    }

    /// Ids given to more than one element.
    var duplicateIDs: [String] {
        let ids = text.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        return Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    }

    /// Form controls a screen reader could not name: no `aria-label`, no `<label for>` of their id, not inside a label.
    var unlabelledControls: [String] {
        tags("input", "select", "textarea").filter { tag in
            let type = HTML.attribute("type", of: tag) ?? "text"
            if ["hidden", "submit", "button"].contains(type) || HTML.attribute("aria-label", of: tag) != nil { return false }
            if let id = HTML.attribute("id", of: tag), text.contains("<label for=\"\(id)\"") { return false }
            let before = text[..<tag.startIndex]
            let opened = before.range(of: "<label", options: .backwards)?.lowerBound
            let closed = before.range(of: "</label>", options: .backwards)?.lowerBound
            if let opened, closed.map({ $0 < opened }) ?? true { return false }
            return true
        }
        .map(String.init)
    }

    /// Forms that change something, but for the language switcher on every page (it keeps a preference, issue 9).
    var postForms: [Substring] { allPostForms.filter { HTML.attribute("action", of: $0) != SiteURL.language.path } }

    /// Every post form, the language switcher's included.
    var allPostForms: [Substring] { tags("form").filter { HTML.attribute("method", of: $0) == "post" } }

    /// The part from the first `start` to the `end` after it (empty when either is missing).
    func between(_ start: String, _ end: String) -> HTML {
        guard let from = text.range(of: start), let to = text[from.upperBound...].range(of: end) else { return HTML("") }
        return HTML(String(text[from.upperBound..<to.lowerBound]))
    }

    /// The page's own content, without the header (navigation, language switcher) and footer.
    var main: HTML { between("<main id=\"main\" tabindex=\"-1\">", "</main>") }

    /// The summary of a refused form above it.
    var errorSummary: HTML { between("<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"errors\">", "</div>") }

    func count(_ fragment: String) -> Int { text.components(separatedBy: fragment).count - 1 }

    func contains(_ fragment: String) -> Bool { text.contains(fragment) }

    /// Checks what every page and fragment must satisfy, whatever its model: rendered from its own template with no tag
    /// or slot left, links only to ``SiteURL`` paths (and to the `external` addresses a test names, such as a knowledge
    /// product's own), unique ids, every control named, every post form with the token.
    func expectSound(
        page: Bool = true, csrf: String = Valdoria.csrf, external: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!text.contains("is missing.</p>"), "the renderer fell back: the page's template is missing", sourceLocation: sourceLocation)
        #expect(!text.contains("{{") && !text.contains("}}"), "a Mustache tag was left unrendered", sourceLocation: sourceLocation)
        #expect(!text.contains("<!--fragment:"), "a fragment slot was left empty", sourceLocation: sourceLocation)
        if page {
            #expect(text.hasPrefix("<!doctype html>") && text.contains("<main id=\"main\""), sourceLocation: sourceLocation)
            #expect(!text.contains("<main id=\"main\" tabindex=\"-1\">\n\n</main>"), "the page's body is empty", sourceLocation: sourceLocation)
        }
        for target in targets where !external.contains(target) {
            if let problem = SiteURLPatterns.problem(with: target) {
                Issue.record("link target \(target) \(problem)", sourceLocation: sourceLocation)
            }
        }
        #expect(duplicateIDs == [], "ids used twice", sourceLocation: sourceLocation)
        #expect(unlabelledControls == [], "form controls without a label", sourceLocation: sourceLocation)
        let token = "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">"
        #expect(count(token) == allPostForms.count, "every post form carries the CSRF token", sourceLocation: sourceLocation)
    }
}

extension HTML: CustomTestStringConvertible {
    /// Failed expectations name the page by its title rather than print all of it.
    var testDescription: String { "HTML titled \"\(between("<title>", "</title>").text)\" (\(text.count) characters)" }
}
