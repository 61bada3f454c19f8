import CTTechCore

@testable import CTTechWeb

extension HomePage {
    /// A facilitator working with two partner states.
    static var mock: Self {
        .make(
            layout: Valdoria.layout("Partner states", identity: Valdoria.facilitator, path: SiteURL.home.path),
            states: [Valdoria.state, Valdoria.arvenna], identity: Valdoria.facilitator)
    }

    /// Someone without any grant yet: the page says how access is given.
    static var empty: Self {
        let newcomer = Identity(userID: Valdoria.id(199), email: "new.analyst@valdoria.example", displayName: "New Analyst", grants: [])
        return .make(
            layout: Valdoria.layout("Partner states", identity: newcomer, path: SiteURL.home.path, tlp: .clear), states: [], identity: newcomer)
    }

    /// An administrator sees every state, including one named in Arabic, and holds programme-wide roles only.
    static var administrator: Self {
        .make(
            layout: Valdoria.layout("Partner states", identity: Valdoria.administrator, path: SiteURL.home.path, tlp: .amberStrict),
            states: [Valdoria.state, Valdoria.arvenna, Valdoria.zahran], identity: Valdoria.administrator)
    }

    /// A human-rights / gender reviewer: the place where reviews will wait leads the page.
    static var reviewer: Self {
        let reviewer = Identity(
            userID: Valdoria.id(112), email: "reviewer@valdoria.example", displayName: "Rana Reviewer",
            grants: [RoleGrant(id: Valdoria.id(712), userID: Valdoria.id(112), role: .reviewer, stateID: Valdoria.state.id)])
        return .make(
            layout: Valdoria.layout("Partner states", identity: reviewer, path: SiteURL.home.path), states: [Valdoria.state], identity: reviewer)
    }

    /// An Arabic reader: a focal point in a state named in Arabic, a reviewer in one named in Latin letters, and a
    /// programme officer across the programme; the page is right to left, the names keep their own direction.
    static var arabic: Self {
        let reader = Identity(
            userID: Valdoria.id(113), email: "layla.haddad@zahran.example", displayName: "ليلى حداد",
            grants: [
                RoleGrant(id: Valdoria.id(713), userID: Valdoria.id(113), role: .focalPoint, stateID: Valdoria.zahran.id),
                RoleGrant(id: Valdoria.id(714), userID: Valdoria.id(113), role: .reviewer, stateID: Valdoria.state.id),
                RoleGrant(id: Valdoria.id(715), userID: Valdoria.id(113), role: .programmeOfficer, stateID: nil),
            ])
        let t = Localizer(.arabic)
        return .make(
            layout: LayoutModel(
                title: t("home.title"), tlp: .amberStrict, identity: reader, csrf: Valdoria.csrf, path: SiteURL.home.path, language: .arabic),
            states: [Valdoria.zahran, Valdoria.state], identity: reader)
    }
}
