import CTTechCore
import Foundation

/// The login form. `message` is the one generic reason a login failed.
public struct LoginPage: WebPage {
    public static let template = "login"
    public let layout: LayoutModel
    let csrf: String
    let next: String
    let email: String
    let message: String?
    let noAccounts: Bool

    public init(layout: LayoutModel, csrf: String, next: String, email: String, message: String?, noAccounts: Bool) {
        self.layout = layout
        self.csrf = csrf
        self.next = next
        self.email = email
        self.message = message
        self.noAccounts = noAccounts
    }
}

/// The second-factor form after a correct password.
public struct TOTPPage: WebPage {
    public static let template = "totp"
    public let layout: LayoutModel
    let csrf: String
    let next: String
    let message: String?

    public init(layout: LayoutModel, csrf: String, next: String, message: String?) {
        self.layout = layout
        self.csrf = csrf
        self.next = next
        self.message = message
    }
}

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

    public static func make(layout: LayoutModel, states: [PartnerState], identity: Identity) -> HomePage {
        let cards = states.map { state in
            Card(
                name: state.name, code: state.code, region: state.region.title, href: SiteURL.state(state.id), tlpLabel: state.defaultTLP.label,
                tlpClass: state.defaultTLP.cssClass, roles: identity.roles(inState: state.id).map(\.title).sorted())
        }
        let global = identity.grants.filter(\.isGlobal).map(\.role.title).sorted()
        return HomePage(layout: layout, states: cards, hasStates: !cards.isEmpty, globalRoles: global, hasGlobalRoles: !global.isEmpty)
    }
}

/// A partner state's home page.
public struct StatePage: WebPage {
    public static let template = "state"
    public let layout: LayoutModel
    let name: String
    let code: String
    let region: String
    let tlpLabel: String
    let tlpClass: String
    let profile: String
    let roles: [String]
    let canEdit: Bool
    let editHref: String
    let canAudit: Bool
    let auditHref: String

    public static func make(layout: LayoutModel, state: PartnerState, identity: Identity) -> StatePage {
        StatePage(
            layout: layout, name: state.name, code: state.code, region: state.region.title, tlpLabel: state.defaultTLP.label,
            tlpClass: state.defaultTLP.cssClass, profile: state.profile, roles: identity.roles(inState: state.id).map(\.title).sorted(),
            canEdit: Authorizer.allows(identity, state: state.id, .editStateProfile), editHref: SiteURL.stateEdit(state.id),
            canAudit: Authorizer.allows(identity, state: state.id, .readStateAudit), auditHref: SiteURL.stateAudit(state.id))
    }
}

/// Create or edit a partner state; shown again with messages when input is refused or the version is stale.
public struct StateFormPage: WebPage {
    public static let template = "state-form"
    public let layout: LayoutModel
    let heading: String
    let action: String
    let cancelHref: String
    let csrf: String
    let hasVersion: Bool
    let version: Int
    let code: String
    let name: String
    let profile: String
    let regions: [Choice]
    let tlps: [Choice]
    let conflict: String?
    let errors: FormErrors
    let codeError: String?
    let nameError: String?
    let profileError: String?

    public static func make(
        layout: LayoutModel, heading: String, action: String, cancelHref: String, csrf: String, version: Int?, draft: PartnerStateDraft,
        failure: ValidationFailure? = nil, conflict: String? = nil
    ) -> StateFormPage {
        StateFormPage(
            layout: layout, heading: heading, action: action, cancelHref: cancelHref, csrf: csrf, hasVersion: version != nil, version: version ?? 0,
            code: draft.code ?? "", name: draft.name ?? "", profile: draft.profile ?? "",
            regions: Region.allCases.map { Choice(value: $0.rawValue, label: $0.title, selected: $0.rawValue == draft.region) },
            tlps: TLP.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == (draft.defaultTLP ?? "AMBER")) },
            conflict: conflict, errors: FormErrors(failure), codeError: failure?.message(for: "code"),
            nameError: failure?.message(for: "name"), profileError: failure?.message(for: "profile"))
    }
}

/// Every partner state, for administrators.
public struct AdminStatesPage: WebPage {
    public static let template = "admin-states"
    struct Row: Sendable {
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
        AdminStatesPage(
            layout: layout,
            states: states.map {
                Row(
                    code: $0.code, name: $0.name, region: $0.region.title, href: SiteURL.state($0.id), tlpLabel: $0.defaultTLP.label,
                    tlpClass: $0.defaultTLP.cssClass, version: $0.version)
            })
    }
}

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
        let codes = Dictionary(uniqueKeysWithValues: states.map { ($0.id, $0.code) })
        return AdminUsersPage(
            layout: layout,
            users: users.map { user in
                let labels = (grants[user.id] ?? []).map { "\($0.role.rawValue) · \($0.stateID.flatMap { codes[$0] } ?? "all")" }
                let locked = user.lockedUntil.map { $0 > now } ?? false
                return Row(
                    displayName: user.displayName, email: user.email, href: SiteURL.adminUser(user.id), grants: labels,
                    status: !user.isActive ? "deactivated" : locked ? "locked" : user.hasTOTP ? "active, TOTP" : "active")
            })
    }
}

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
            action: user == nil ? SiteURL.adminUsers : SiteURL.adminUser(id), csrf: csrf, isNew: user == nil, hasVersion: user != nil,
            version: user?.version ?? 0, email: draft.email ?? "", displayName: draft.displayName ?? "", isActive: draft.isActive,
            roles: Role.allCases.map { Choice(value: $0.rawValue, label: $0.title, selected: $0.rawValue == selectedRole) },
            states: states.map { Choice(value: $0.id, label: "\($0.name) (\($0.code))", selected: $0.id == selectedState) },
            grants: grants.map {
                GrantRow(
                    role: $0.role.title, scope: $0.stateID.map { names[$0] ?? $0 } ?? "Whole programme",
                    removeAction: SiteURL.adminUserGrantRemove(id, $0.id), csrf: csrf)
            },
            grantAction: SiteURL.adminUserGrants(id), passwordAction: SiteURL.adminUserPassword(id), conflict: conflict,
            errors: FormErrors(failure), emailError: failure?.message(for: "email"), displayNameError: failure?.message(for: "displayName"),
            passwordError: failure?.message(for: "password"))
    }
}

/// One page of the audit log, newest first.
public struct AuditLogPage: WebPage {
    public static let template = "audit"
    struct Row: Sendable {
        let seq: Int64
        let at: String
        let actor: String
        let action: String
        let entity: String
        let details: [Detail]
    }

    struct Detail: Sendable {
        let key: String
        let value: String
    }

    /// The entry's details JSON as key/value pairs for display; anything unreadable is shown as it is.
    static func details(_ json: String) -> [Detail] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [Detail(key: "raw", value: json)]
        }
        return object.keys.sorted().map { Detail(key: $0, value: "\(object[$0] ?? "")") }
    }

    public let layout: LayoutModel
    let heading: String
    let entries: [Row]
    let nextHref: String?

    public static func make(layout: LayoutModel, heading: String, entries: [AuditEntry], basePath: String, pageSize: Int) -> AuditLogPage {
        let next = entries.count == pageSize ? entries.last.map { "\(basePath)?before=\($0.seq)" } : nil
        return AuditLogPage(
            layout: layout, heading: heading,
            entries: entries.map {
                Row(
                    seq: $0.seq, at: utcTimestamp($0.at), actor: $0.actorLabel, action: $0.action,
                    entity: "\($0.entityType) \($0.entityID.prefix(8))",
                    details: details($0.details))
            }, nextHref: next)
    }
}

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
            kinds: ReferenceKind.allCases.map { LayoutModel.NavItem(label: $0.title, href: SiteURL.reference($0.rawValue), current: $0 == kind) },
            listTitle: kind.title, items: method.items(kind), jsonHref: "/api/v1/reference-data/\(kind.rawValue)")
    }
}

/// The signed-in user's own account: password and TOTP.
public struct AccountPage: WebPage {
    public static let template = "account"
    public let layout: LayoutModel
    let csrf: String
    let displayName: String
    let email: String
    let totpEnabled: Bool
    let newSecret: String
    let newSecretBase32: String
    let newSecretURL: String
    let errors: FormErrors

    public init(
        layout: LayoutModel, csrf: String, account: UserAccount, newSecret: String, newSecretBase32: String, newSecretURL: String,
        failure: ValidationFailure?
    ) {
        self.layout = layout
        self.csrf = csrf
        self.displayName = account.displayName
        self.email = account.email
        self.totpEnabled = account.hasTOTP
        self.newSecret = newSecret
        self.newSecretBase32 = newSecretBase32
        self.newSecretURL = newSecretURL
        self.errors = FormErrors(failure)
    }
}

/// The summary of a refused form shown above it (template partial `errors`).
struct FormErrors: Sendable {
    let hasErrors: Bool
    let errorList: [String]

    init(_ failure: ValidationFailure?) {
        let list = failure?.issues.map { "\($0.field): \($0.message)" } ?? []
        self.hasErrors = !list.isEmpty
        self.errorList = list
    }
}
