import CTTechCore

@testable import CTTechWeb

/// One renderer for the whole run: its templates are parsed once.
enum Pages {
    static let renderer = Task { try await PageRenderer() }

    /// The page as the server would send it.
    static func html(_ page: some WebPage) async throws -> String {
        try await renderer.value.render(page)
    }

    /// The fragment as pages would place it.
    static func html(_ fragment: some WebFragment) async throws -> String {
        try await renderer.value.render(fragment).html
    }
}
