/// A page: a template name and the model it renders.
public protocol WebPage: Sendable, TemplateModel {
    static var template: String { get }
    var layout: LayoutModel { get }
    /// Parts rendered earlier (``WebFragment``) that the template places at their slots.
    var fragments: [RenderedFragment] { get }
}

extension WebPage {
    public var fragments: [RenderedFragment] { [] }
}
