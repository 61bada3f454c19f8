import CTTechCore

@testable import CTTechWeb

extension AdminUsersPage {
    /// Accounts in every status: active, with TOTP, locked after failed logins, deactivated; one name in Cyrillic.
    static var mock: Self {
        let people = [Valdoria.administrator, Valdoria.focalPoint, Valdoria.assessor, Valdoria.facilitator, Valdoria.policyMaker]
        let accounts = [
            Valdoria.account(Valdoria.administrator, totp: true), Valdoria.account(Valdoria.focalPoint, totp: true),
            Valdoria.account(Valdoria.assessor, lockedUntil: Valdoria.now + 600_000), Valdoria.account(Valdoria.facilitator),
            Valdoria.account(Valdoria.policyMaker, active: false),
        ]
        return .make(
            layout: Valdoria.layout("Accounts", identity: Valdoria.administrator, path: SiteURL.adminUsers.path, tlp: .amberStrict),
            users: accounts, grants: Dictionary(uniqueKeysWithValues: people.map { ($0.userID, $0.grants) }),
            states: [Valdoria.state, Valdoria.arvenna, Valdoria.zahran], now: Valdoria.now)
    }
}
