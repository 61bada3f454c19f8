import CTTechCore
import Foundation

/// One reference list of the current method version.
public struct ReferencePage: WebPage {
    public static let template = "reference"
    public let layout: LayoutModel
    let methodTitle: String
    let methodID: String
    let methodNote: String
    let kinds: [LayoutModel.NavItem]
    let listTitle: String
    let items: [ReferenceItem]
    let jsonHref: String

    public static func make(layout: LayoutModel, method: MethodVersion, kind: ReferenceKind) -> ReferencePage {
        ReferencePage(
            layout: layout, methodTitle: method.title, methodID: method.id, methodNote: method.note,
            kinds: ReferenceKind.allCases.map {
                LayoutModel.NavItem(label: $0.title, href: SiteURL.referenceList(kind: $0.rawValue).path, current: $0 == kind)
            },
            listTitle: kind.title, items: method.items(kind), jsonHref: SiteURL.referenceListJSON(kind: kind.rawValue).path)
    }
}
