import CTTechCore

@testable import CTTechWeb

extension AdminStatesPage {
    /// Three partner states, one named in Arabic.
    static var mock: Self {
        .make(
            layout: Valdoria.layout("Partner states", identity: Valdoria.administrator, path: SiteURL.adminStates.path),
            states: [Valdoria.state, Valdoria.arvenna, Valdoria.zahran])
    }

    /// A new installation: no partner state yet.
    static var empty: Self {
        .make(layout: Valdoria.layout("Partner states", identity: Valdoria.administrator, path: SiteURL.adminStates.path), states: [])
    }
}
