import CTTechCore
import Foundation

/// Create or edit an account; the edit view also lists grants and offers a password reset.
public struct UserFormPage: WebPage {
    public static let template = "user-form"
    struct GrantRow: Sendable {
        let role: String
        let scope: String
        let removeAction: String
        let csrf: String
    }

    public let layout: LayoutModel
    let heading: String
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

    public static func make(
        layout: LayoutModel, csrf: String, user: UserAccount?, draft: UserDraft, grants: [RoleGrant], states: [PartnerState],
        selectedRole: String? = nil, selectedState: String? = nil, failure: ValidationFailure? = nil, conflict: String? = nil
    ) -> UserFormPage {
        let names = Dictionary(uniqueKeysWithValues: states.map { ($0.id, "\($0.name) (\($0.code))") })
        let id = user?.id ?? ""
        return UserFormPage(
            layout: layout, heading: user == nil ? "New account" : "Account: \(user?.displayName ?? "")",
            action: user == nil ? SiteURL.adminUsers.path : SiteURL.adminUser(id).path, csrf: csrf, isNew: user == nil, hasVersion: user != nil,
            version: user?.version ?? 0, email: draft.email ?? "", displayName: draft.displayName ?? "", isActive: draft.isActive,
            roles: Role.allCases.map { Choice(value: $0.rawValue, label: $0.title, selected: $0.rawValue == selectedRole) },
            states: states.map { Choice(value: $0.id, label: "\($0.name) (\($0.code))", selected: $0.id == selectedState) },
            grants: grants.map {
                GrantRow(
                    role: $0.role.title, scope: $0.stateID.map { names[$0] ?? $0 } ?? "Whole programme",
                    removeAction: SiteURL.adminUserGrantRemove(id, grant: $0.id).path, csrf: csrf)
            },
            grantAction: SiteURL.adminUserGrants(id).path, passwordAction: SiteURL.adminUserPassword(id).path, conflict: conflict,
            errors: FormErrors(
                layout.localizer,
                failure,
                fields: [
                    FormField("email", "E-mail", id: "email"), FormField("displayName", "Display name", id: "displayName"),
                    FormField("password", "Password", id: "password"), FormField("role", "Role", id: "role"),
                    FormField("stateID", "Partner state", id: "stateID"),
                ]), emailError: failure?.message(for: "email"), displayNameError: failure?.message(for: "displayName"),
            passwordError: failure?.message(for: "password"))
    }
}
