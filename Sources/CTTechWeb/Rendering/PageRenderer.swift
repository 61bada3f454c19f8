import CTTechCore
import Foundation
import Mustache

/// Renders pages from the templates shipped in this module's bundle. Templates are read and parsed once at start, once
/// per language: each `{{t.key}}` is replaced by its catalog text (HTML-escaped as Mustache would), so a request pays
/// nothing for its language (ADR 0007).
public struct PageRenderer: Sendable {
    let libraries: [Language: MustacheLibrary]

    /// The English templates (the checks on templates read them).
    var library: MustacheLibrary { libraries[.english] ?? MustacheLibrary() }

    public init() async throws {
        // Each page's template sits beside its model in Pages/; the package copies them flat into the bundle.
        guard let directory = Bundle.module.resourceURL else { throw CocoaError(.fileNoSuchFile) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }
        let sources = try names.map { name in
            (String(name.dropLast(".mustache".count)), try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases {
            var library = MustacheLibrary()
            for (name, source) in sources { try library.register(Self.translated(source, Localizer(language)), named: name) }
            libraries[language] = library
        }
        self.libraries = libraries
    }

    /// The template with each `{{t.key}}` replaced by the key's text in the localizer's language, escaped for HTML. A
    /// key no catalog knows stays as the key (``TemplateTextTests`` fails on it).
    static func translated(_ template: String, _ t: Localizer) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{t.") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            out += escaped(t(key))
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// HTML escaping as Mustache's `{{ }}` does it (the charts' XML escaping), plus braces, so that a text can never
    /// open a Mustache tag.
    static func escaped(_ text: String) -> String {
        RegisterChart.escape(text).replacingOccurrences(of: "{", with: "&#123;").replacingOccurrences(of: "}", with: "&#125;")
    }

    /// The one way a page becomes HTML: its template in its language, then each of its fragments in its slot.
    public func render<Page: WebPage>(_ page: Page) -> String {
        guard var html = libraries[page.layout.localizer.language]?.render(page, withTemplate: Page.template) else {
            return "<!doctype html><title>Error</title><p>Template \(Page.template) is missing.</p>"
        }
        for fragment in page.fragments {
            if let slot = html.range(of: "<!--fragment:\(fragment.name)-->") { html.replaceSubrange(slot, with: fragment.html) }
        }
        return html
    }

    /// A fragment, rendered (and escaped) by its own template, to be kept and placed in pages.
    public func render<Fragment: WebFragment>(_ fragment: Fragment) -> RenderedFragment {
        RenderedFragment(
            name: Fragment.template, html: libraries[fragment.localizer.language]?.render(fragment, withTemplate: Fragment.template) ?? "")
    }

    /// An error page that keeps the navigation and the signed-in state (issue 8, item 8), so a person who met a 403 or
    /// a 404 still has their way around and a way back.
    public func errorPage(
        status: Int, title: String, detail: String, issues: [String], requestID: String, identity: Identity?, csrf: String?, path: String,
        language: Language
    ) -> String {
        render(
            ErrorPage(
                layout: LayoutModel(title: title, tlp: .clear, identity: identity, csrf: csrf, path: path, language: language),
                status: status, title: title,
                detail: detail, issues: issues, requestID: requestID, signedIn: identity != nil))
    }

    /// The stylesheet and other static files, read once.
    public static func staticAsset(named name: String) -> (bytes: [UInt8], contentType: String)? {
        let allowed = [
            "app.css": "text/css; charset=utf-8", "score.js": "text/javascript; charset=utf-8", "live.js": "text/javascript; charset=utf-8",
        ]
        guard let type = allowed[name], let url = Bundle.module.resourceURL?.appendingPathComponent("Static").appendingPathComponent(name),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return ([UInt8](data), type)
    }
}
