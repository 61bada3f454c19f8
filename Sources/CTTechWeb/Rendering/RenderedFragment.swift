/// HTML that a template already rendered, so every value in it was escaped there. A page places it at a
/// `<!--fragment:NAME-->` slot of its template; user text on the page is escaped, so it cannot spell a slot. Only
/// ``PageRenderer`` makes one, so a fragment never holds text that skipped escaping.
public struct RenderedFragment: Sendable {
    let name: String
    let html: String
}
