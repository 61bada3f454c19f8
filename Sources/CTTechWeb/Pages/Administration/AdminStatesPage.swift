import CTTechCore
import Foundation

/// Every partner state, for administrators.
public struct AdminStatesPage: WebPage {
    public static let template = "admin-states"
    struct Row: Sendable, TemplateModel {
        let code: String
        let name: String
        let region: String
        let href: String
        let tlpLabel: String
        let tlpClass: String
        let version: Int
    }

    public let layout: LayoutModel
    let states: [Row]

    public static func make(layout: LayoutModel, states: [PartnerState]) -> AdminStatesPage {
        let t = layout.localizer
        return AdminStatesPage(
            layout: layout,
            states: states.map {
                Row(
                    code: $0.code, name: $0.name, region: t("region.\($0.region.rawValue)"), href: SiteURL.state($0.id).path,
                    tlpLabel: $0.defaultTLP.label,
                    tlpClass: $0.defaultTLP.cssClass, version: $0.version)
            })
    }
}
