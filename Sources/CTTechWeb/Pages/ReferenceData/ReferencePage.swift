import CTTechCore
import Foundation

/// One reference list of the current method version, its items named in the page's language.
public struct ReferencePage: WebPage {
    public static let template = "reference"
    public let layout: LayoutModel
    /// The method version's own title and note, as its authors wrote them.
    let methodTitle: String
    let methodID: String
    let methodNote: String
    let kinds: [LayoutModel.NavItem]
    let listTitle: String
    let items: [Row]
    let jsonHref: String
    /// The capability framework versions are reference data too (steps 7–8), on a page of their own.
    let frameworksHref = SiteURL.frameworks.path

    struct Row: Sendable, TemplateModel {
        let code: String
        let name: String
        let description: String
    }

    public static func make(layout: LayoutModel, method: MethodVersion, kind: ReferenceKind) -> ReferencePage {
        let t = layout.localizer
        return ReferencePage(
            layout: layout, methodTitle: method.title, methodID: method.id, methodNote: method.note,
            kinds: ReferenceKind.allCases.map {
                LayoutModel.NavItem(
                    label: t("reference.kind.\($0.rawValue)"), href: SiteURL.referenceList(kind: $0.rawValue).path, current: $0 == kind)
            },
            listTitle: t("reference.kind.\(kind.rawValue)"),
            items: method.items(kind).map { Row(code: $0.code, name: $0.name(in: t.language), description: $0.description(in: t.language)) },
            jsonHref: SiteURL.referenceListJSON(kind: kind.rawValue).path)
    }
}
