import CTTechCore

@testable import CTTechWeb

extension StateFormPage {
    /// The empty form for a new partner state.
    static var mock: Self {
        .make(
            layout: Valdoria.layout("New partner state", identity: Valdoria.administrator, path: SiteURL.adminStateNew.path),
            stateName: nil, action: SiteURL.adminStates.path, cancelHref: SiteURL.adminStates.path, csrf: Valdoria.csrf, version: nil,
            draft: PartnerStateDraft(code: nil, name: nil, region: nil, defaultTLP: nil, profile: nil))
    }

    /// The focal point edits Valdoria's profile: the current values are loaded.
    static var edit: Self {
        let state = Valdoria.state
        return .make(
            layout: Valdoria.layout("Edit \(state.name)", identity: Valdoria.focalPoint, path: SiteURL.stateEdit(state.id).path, state: state),
            stateName: state.name, action: SiteURL.stateEdit(state.id).path, cancelHref: SiteURL.state(state.id).path, csrf: Valdoria.csrf,
            version: state.version,
            draft: PartnerStateDraft(
                code: state.code, name: state.name, region: state.region.rawValue, defaultTLP: state.defaultTLP.rawValue, profile: state.profile))
    }

    /// Refused on code, name and profile: every field, the selects included, keeps what was entered.
    static var refused: Self {
        let draft = PartnerStateDraft(
            code: "V", name: "", region: Region.mena.rawValue, defaultTLP: TLP.red.rawValue,
            profile: String(repeating: "Ва́лдория ", count: 600) + Valdoria.markup)
        return .make(
            layout: Valdoria.layout("New partner state", identity: Valdoria.administrator, path: SiteURL.adminStates.path),
            stateName: nil, action: SiteURL.adminStates.path, cancelHref: SiteURL.adminStates.path, csrf: Valdoria.csrf, version: nil,
            draft: draft, failure: Valdoria.refusal { try draft.validated() })
    }
}
