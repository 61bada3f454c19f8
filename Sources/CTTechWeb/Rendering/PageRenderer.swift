import CTTechCore
import Foundation
import Mustache

/// Renders pages from the templates shipped in this module's bundle. Templates are parsed once at start.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    public init() async throws {
        // Each page's template sits beside its model in Pages/; the package copies them flat into the bundle.
        guard let directory = Bundle.module.resourceURL?.path else { throw CocoaError(.fileNoSuchFile) }
        self.library = try await MustacheLibrary(directory: directory)
    }

    /// The one way a page becomes HTML: its template, then each of its fragments in its slot.
    public func render<Page: WebPage>(_ page: Page) -> String {
        let context = TemplateContext(model: page, t: TextLookup(localizer: page.layout.localizer, prefix: ""))
        guard var html = library.render(context, withTemplate: Page.template) else {
            return "<!doctype html><title>Error</title><p>Template \(Page.template) is missing.</p>"
        }
        for fragment in page.fragments {
            if let slot = html.range(of: "<!--fragment:\(fragment.name)-->") { html.replaceSubrange(slot, with: fragment.html) }
        }
        return html
    }

    /// A fragment, rendered (and escaped) by its own template, to be kept and placed in pages.
    public func render<Fragment: WebFragment>(_ fragment: Fragment) -> RenderedFragment {
        let context = TemplateContext(model: fragment, t: TextLookup(localizer: fragment.localizer, prefix: ""))
        return RenderedFragment(name: Fragment.template, html: library.render(context, withTemplate: Fragment.template) ?? "")
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
        let allowed = ["app.css": "text/css; charset=utf-8", "score.js": "text/javascript; charset=utf-8"]
        guard let type = allowed[name], let url = Bundle.module.resourceURL?.appendingPathComponent("Static").appendingPathComponent(name),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return ([UInt8](data), type)
    }
}
