import CTTechCore
import Foundation

/// The partner states a user can open.
public struct HomePage: WebPage {
    public static let template = "home"
    struct Card: Sendable {
        let name: String
        let code: String
        let region: String
        let href: String
        let tlpLabel: String
        let tlpClass: String
        let roles: [String]
    }

    public let layout: LayoutModel
    let states: [Card]
    let hasStates: Bool
    let globalRoles: [String]
    let hasGlobalRoles: Bool
    /// A human-rights / gender reviewer's place for what awaits review (issue 8, item 9): empty until the policy module
    /// (steps 5–6) sends measures for review, but it is where the work will be.
    let reviews: Bool

    public static func make(layout: LayoutModel, states: [PartnerState], identity: Identity) -> HomePage {
        let cards = states.map { state in
            Card(
                name: state.name, code: state.code, region: state.region.title, href: SiteURL.state(state.id).path, tlpLabel: state.defaultTLP.label,
                tlpClass: state.defaultTLP.cssClass, roles: identity.roles(inState: state.id).map(\.title).sorted())
        }
        let global = identity.grants.filter(\.isGlobal).map(\.role.title).sorted()
        return HomePage(
            layout: layout, states: cards, hasStates: !cards.isEmpty, globalRoles: global, hasGlobalRoles: !global.isEmpty,
            reviews: identity.grants.contains { $0.role == .reviewer })
    }
}
