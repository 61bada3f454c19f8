import CTTechCore
import Foundation
import Mustache

/// What every page shows around its content: title, TLP marking, the signed-in user, navigation and the CSRF token.
public struct LayoutModel: Sendable {
    public struct Marking: Sendable {
        let label: String
        let cssClass: String
        let audience: String
    }

    public struct NavItem: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    public struct UserBadge: Sendable {
        let displayName: String
        let nav: [NavItem]
    }

    let title: String
    let tlp: Marking
    let user: UserBadge?
    let csrf: String
    let flash: String?
    let stateNav: [NavItem]
    let stateName: String
    let hasStateNav: Bool
    let links = SiteLinks.shared

    /// - Parameters:
    ///   - path: the request path, to mark the current navigation entry.
    ///   - stateSteps: the method steps that work for the partner state in view (label, href); empty elsewhere.
    public init(
        title: String, tlp: TLP, identity: Identity?, csrf: String?, path: String, flash: String? = nil, stateName: String = "",
        stateSteps: [(String, String)] = []
    ) {
        self.title = title
        self.tlp = Marking(label: tlp.label, cssClass: tlp.cssClass, audience: tlp.audience)
        self.csrf = csrf ?? ""
        self.flash = flash
        self.stateName = stateName
        self.stateNav = stateSteps.map { NavItem(label: $0.0, href: $0.1, current: path == $0.1) }
        self.hasStateNav = !stateSteps.isEmpty
        if let identity {
            var items: [(String, String)] = [("Partner states", SiteURL.home.path), ("Reference data", SiteURL.reference.path)]
            if identity.isAdministrator {
                items += [("Accounts", SiteURL.adminUsers.path), ("States", SiteURL.adminStates.path), ("Audit log", SiteURL.audit.path)]
            }
            let nav = items.map { NavItem(label: $0.0, href: $0.1, current: path == $0.1 || path.hasPrefix($0.1 + "/")) }
            self.user = UserBadge(displayName: identity.displayName, nav: nav)
        } else {
            self.user = nil
        }
    }
}
