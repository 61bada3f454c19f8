import CTTechCore

/// A part of a page that is the same for every viewer of one version of its data (the register's charts and tables):
/// the server renders it once and keeps the result.
public protocol WebFragment: Sendable, TemplateModel {
    /// The template that renders it, and the name of its slot in pages.
    static var template: String { get }
    /// The language it is rendered in (a cached fragment is kept per language).
    var localizer: Localizer { get }
}
