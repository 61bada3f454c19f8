import CTTechCore
import Foundation

/// Every account with its grants, for administrators.
public struct AdminUsersPage: WebPage {
    public static let template = "admin-users"
    struct Row: Sendable {
        let displayName: String
        let email: String
        let href: String
        let grants: [String]
        let status: String
    }

    public let layout: LayoutModel
    let users: [Row]

    public static func make(
        layout: LayoutModel, users: [UserAccount], grants: [String: [RoleGrant]], states: [PartnerState], now: Int64
    )
        -> AdminUsersPage
    {
        let names = Dictionary(uniqueKeysWithValues: states.map { ($0.id, $0.name) })
        return AdminUsersPage(
            layout: layout,
            users: users.map { user in
                // Role titles and state names, not codes (issue 8, item 7).
                let labels = (grants[user.id] ?? []).map { "\($0.role.title) · \($0.stateID.flatMap { names[$0] } ?? "whole programme")" }
                let locked = user.lockedUntil.map { $0 > now } ?? false
                return Row(
                    displayName: user.displayName, email: user.email, href: SiteURL.adminUser(user.id).path, grants: labels,
                    status: !user.isActive ? "deactivated" : locked ? "locked" : user.hasTOTP ? "active, TOTP" : "active")
            })
    }
}
