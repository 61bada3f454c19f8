import CTTechCore
import Foundation

/// Create or edit an account; the edit view also lists grants and offers a password reset.
public struct UserFormPage: WebPage {
    public static let template = "user-form"
    struct GrantRow: Sendable, TemplateModel {
        let role: String
        let scope: String
        let removeAction: String
        let csrf: String
    }

    public let layout: LayoutModel
    /// "New account", or "Account: <name>" with the name isolated as typed.
    let heading: NamedSentence
    let action: String
    let csrf: String
    let isNew: Bool
    let hasVersion: Bool
    let version: Int
    let email: String
    let displayName: String
    let isActive: Bool
    let roles: [Choice]
    let states: [Choice]
    let grants: [GrantRow]
    let grantAction: String
    let passwordAction: String
    let conflict: String?
    let errors: FormErrors
    let emailError: String?
    let displayNameError: String?
    let passwordError: String?

    /// - Parameter conflict: the stale-version message, in the page's language.
    public static func make(
        layout: LayoutModel, csrf: String, user: UserAccount?, draft: UserDraft, grants: [RoleGrant], states: [PartnerState],
        selectedRole: String? = nil, selectedState: String? = nil, failure: ValidationFailure? = nil, conflict: String? = nil
    ) -> UserFormPage {
        let t = layout.localizer
        let names = Dictionary(uniqueKeysWithValues: states.map { ($0.id, t("admin.user.state-option", ["name": $0.name, "code": $0.code])) })
        let id = user?.id ?? ""
        let errors = FormErrors(
            t, failure,
            fields: [
                FormField("email", "admin.user.email", id: "email"), FormField("displayName", "admin.user.display-name", id: "displayName"),
                FormField("password", "admin.user.password", id: "password"), FormField("role", "admin.user.role", id: "role"),
                FormField("stateID", "admin.user.partner-state", id: "stateID"),
            ])
        return UserFormPage(
            layout: layout,
            heading: user.map { NamedSentence(t, "admin.user.heading", name: $0.displayName) } ?? NamedSentence(plain: t("admin.user.new-title")),
            action: user == nil ? SiteURL.adminUsers.path : SiteURL.adminUser(id).path, csrf: csrf, isNew: user == nil, hasVersion: user != nil,
            version: user?.version ?? 0, email: draft.email ?? "", displayName: draft.displayName ?? "", isActive: draft.isActive,
            roles: Role.allCases.map { Choice(value: $0.rawValue, label: t("role.\($0.rawValue)"), selected: $0.rawValue == selectedRole) },
            states: states.map { Choice(value: $0.id, label: names[$0.id] ?? $0.name, selected: $0.id == selectedState) },
            grants: grants.map {
                GrantRow(
                    role: t("role.\($0.role.rawValue)"), scope: $0.stateID.map { names[$0] ?? $0 } ?? t("admin.user.scope-whole"),
                    removeAction: SiteURL.adminUserGrantRemove(id, grant: $0.id).path, csrf: csrf)
            },
            grantAction: SiteURL.adminUserGrants(id).path, passwordAction: SiteURL.adminUserPassword(id).path, conflict: conflict,
            errors: errors, emailError: errors.message("email"), displayNameError: errors.message("displayName"),
            passwordError: errors.message("password"))
    }
}
