import CTTechCore
import Foundation
import Mustache

/// What every page shows around its content: title, TLP marking, the signed-in user, navigation and the CSRF token.
public struct LayoutModel: Sendable, TemplateModel {
    public struct Marking: Sendable, TemplateModel {
        let label: String
        let cssClass: String
        let audience: String
    }

    public struct NavItem: Sendable, TemplateModel {
        let label: String
        let href: String
        let current: Bool
    }

    public struct UserBadge: Sendable, TemplateModel {
        let displayName: String
        let nav: [NavItem]
    }

    /// One entry of the language switcher, named in its own language.
    public struct LanguageOption: Sendable, TemplateModel {
        let code: String
        let name: String
        let selected: Bool
    }

    let title: String
    let tlp: Marking
    let user: UserBadge?
    let csrf: String
    let flash: String?
    let stateNav: [NavItem]
    let stateName: String
    let stepsLabel: String
    let hasStateNav: Bool
    let links = SiteLinks.shared
    /// The page's language: every text of the page comes from its catalog (ADR 0007).
    public let localizer: Localizer
    let lang: String
    let dir: String
    let languages: [LanguageOption]
    /// The page's own path, for the language switcher to come back to.
    let path: String
    /// A page for the projector (the live presenter view): the header, the steps and the footer are hidden by the
    /// stylesheet, the TLP marking stays.
    public var presenting = false

    /// - Parameters:
    ///   - path: the request path (with its query, for the language switcher), to mark the current navigation entry.
    ///   - stateSteps: the method steps that work for the partner state in view (label, href); empty elsewhere.
    public init(
        title: String, tlp: TLP, identity: Identity?, csrf: String?, path: String, flash: String? = nil, stateName: String = "",
        stateSteps: [(String, String)] = [], language: Language = .english
    ) {
        let t = Localizer(language)
        self.localizer = t
        self.lang = language.rawValue
        self.dir = language.direction
        self.languages = Language.allCases.map { LanguageOption(code: $0.rawValue, name: $0.nativeName, selected: $0 == language) }
        self.path = path
        self.title = title
        self.tlp = Marking(label: tlp.label, cssClass: tlp.cssClass, audience: t("tlp.audience.\(tlp.cssClass)"))
        self.csrf = csrf ?? ""
        self.flash = flash
        self.stateName = stateName
        self.stepsLabel = t("layout.steps-nav", ["state": stateName])
        let bare = String(path.prefix { $0 != "?" })
        self.stateNav = stateSteps.map { NavItem(label: $0.0, href: $0.1, current: bare == $0.1) }
        self.hasStateNav = !stateSteps.isEmpty
        if let identity {
            var items: [(String, String)] = [(t("nav.states"), SiteURL.home.path), (t("nav.reference"), SiteURL.reference.path)]
            // The programme (issue 13): its calendar for those who see events, its dashboards for donors.
            if Authorizer.allowsProgramme(identity, .viewProgramme) {
                items.append((t("nav.programme"), SiteURL.programme().path))
            } else if Authorizer.allowsProgramme(identity, .viewProgrammeAggregates) {
                items.append((t("nav.programme"), SiteURL.programmeDashboard().path))
            }
            if identity.isAdministrator {
                items += [
                    (t("nav.accounts"), SiteURL.adminUsers.path), (t("nav.admin-states"), SiteURL.adminStates.path),
                    (t("nav.audit"), SiteURL.audit.path),
                ]
            }
            let nav = items.map { NavItem(label: $0.0, href: $0.1, current: bare == $0.1 || bare.hasPrefix($0.1 + "/")) }
            self.user = UserBadge(displayName: identity.displayName, nav: nav)
        } else {
            self.user = nil
        }
    }
}
