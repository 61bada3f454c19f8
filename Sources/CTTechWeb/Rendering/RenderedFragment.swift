/// HTML that a template already rendered, so every value in it was escaped there. A page places it at a
/// `<!--fragment:NAME-->` slot of its template; user text on the page is escaped, so it cannot spell a slot. Only
/// ``PageRenderer`` makes one, so a fragment never holds text that skipped escaping.
public struct RenderedFragment: Sendable {
    let name: String
    let html: String
}

/// A part of a page that is the same for every viewer of one version of its data (the register's charts and tables):
/// the server renders it once and keeps the result.
public protocol WebFragment: Sendable {
    /// The template that renders it, and the name of its slot in pages.
    static var template: String { get }
}
