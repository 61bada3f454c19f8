import CTTechCore
import Foundation

/// Every account with its grants, for administrators.
public struct AdminUsersPage: WebPage {
    public static let template = "admin-users"
    struct Row: Sendable, TemplateModel {
        let displayName: String
        let email: String
        let href: String
        /// "Role · state", the state's name isolated as typed.
        let grants: [NamedSentence]
        let status: String
    }

    public let layout: LayoutModel
    let users: [Row]

    public static func make(
        layout: LayoutModel, users: [UserAccount], grants: [String: [RoleGrant]], states: [PartnerState], now: Int64
    )
        -> AdminUsersPage
    {
        let t = layout.localizer
        let names = Dictionary(uniqueKeysWithValues: states.map { ($0.id, $0.name) })
        return AdminUsersPage(
            layout: layout,
            users: users.map { user in
                // Role titles and state names, not codes (issue 8, item 7).
                let labels = (grants[user.id] ?? []).map { grant in
                    let role = t("role.\(grant.role.rawValue)")
                    guard let name = grant.stateID.flatMap({ names[$0] }) else {
                        return NamedSentence(plain: t("admin.users.grant", ["role": role, "scope": t("admin.users.whole-programme")]))
                    }
                    return NamedSentence(t, "admin.users.grant", placeholder: "scope", name: name, ["role": role])
                }
                let locked = user.lockedUntil.map { $0 > now } ?? false
                let status = !user.isActive ? "deactivated" : locked ? "locked" : user.hasTOTP ? "active-totp" : "active"
                return Row(
                    displayName: user.displayName, email: user.email, href: SiteURL.adminUser(user.id).path, grants: labels,
                    status: t("admin.users.account-status.\(status)"))
            })
    }
}
