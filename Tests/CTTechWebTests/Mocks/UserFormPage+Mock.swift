import CTTechCore

@testable import CTTechWeb

extension UserFormPage {
    static let states = [Valdoria.state, Valdoria.arvenna, Valdoria.zahran]

    /// The empty form for a new account.
    static var mock: Self {
        .make(
            layout: Valdoria.layout("New account", identity: Valdoria.administrator, path: SiteURL.adminUserNew.path, tlp: .amberStrict),
            csrf: Valdoria.csrf, user: nil, draft: UserDraft(email: nil, displayName: nil), grants: [], states: states)
    }

    /// A new account refused on every field: what was typed and chosen stays.
    static var refused: Self {
        let draft = UserDraft(email: "irina at valdoria", displayName: "   ")
        var failure = Valdoria.refusal { try draft.validated() }
        failure?.issues += Valdoria.refusal { try PasswordPolicy.check("short") }?.issues ?? []
        return .make(
            layout: Valdoria.layout("New account", identity: Valdoria.administrator, path: SiteURL.adminUsers.path, tlp: .amberStrict),
            csrf: Valdoria.csrf, user: nil, draft: draft, grants: [], states: states, selectedRole: Role.assessor.rawValue,
            selectedState: Valdoria.state.id, failure: failure)
    }

    /// An existing account (its name in Cyrillic) with grants in two states and programme-wide.
    static var edit: Self {
        let account = Valdoria.account(Valdoria.assessor)
        let grants =
            Valdoria.assessor.grants + [
                RoleGrant(id: Valdoria.id(720), userID: account.id, role: .reviewer, stateID: Valdoria.zahran.id),
                RoleGrant(id: Valdoria.id(721), userID: account.id, role: .programmeOfficer, stateID: nil),
            ]
        return .make(
            layout: Valdoria.layout("Account", identity: Valdoria.administrator, path: SiteURL.adminUser(account.id).path, tlp: .amberStrict),
            csrf: Valdoria.csrf, user: account, draft: UserDraft(email: account.email, displayName: account.displayName), grants: grants,
            states: states)
    }

    /// Saved over a newer version: the conflict is said, the edit is kept.
    static var conflict: Self {
        let account = Valdoria.account(Valdoria.policyMaker)
        return .make(
            layout: Valdoria.layout("Account", identity: Valdoria.administrator, path: SiteURL.adminUser(account.id).path, tlp: .amberStrict),
            csrf: Valdoria.csrf, user: account, draft: UserDraft(email: account.email, displayName: "Marko Dren-Valdor", isActive: false),
            grants: Valdoria.policyMaker.grants, states: states,
            conflict: "Someone changed this account while you were editing. Your changes are below; the current version is loaded.")
    }
}
