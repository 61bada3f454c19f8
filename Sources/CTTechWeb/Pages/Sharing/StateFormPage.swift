import CTTechCore
import Foundation

/// Create or edit a partner state; shown again with messages when input is refused or the version is stale.
public struct StateFormPage: WebPage {
    public static let template = "state-form"
    public let layout: LayoutModel
    /// "New partner state", or "Edit profile of <state>" with the state's name isolated as typed.
    let heading: NamedSentence
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

    /// - Parameters:
    ///   - stateName: the name of the partner state being edited (as saved); nil for a new one.
    ///   - conflict: the stale-version message, in the page's language.
    public static func make(
        layout: LayoutModel, stateName: String?, action: String, cancelHref: String, csrf: String, version: Int?, draft: PartnerStateDraft,
        failure: ValidationFailure? = nil, conflict: String? = nil
    ) -> StateFormPage {
        let t = layout.localizer
        let errors = FormErrors(
            t, failure,
            fields: [
                FormField("code", "state.form.code", id: "code"), FormField("name", "state.form.name", id: "name"),
                FormField("region", "state.form.region", id: "region"), FormField("defaultTLP", "state.form.default-tlp", id: "defaultTLP"),
                FormField("profile", "state.form.profile", id: "profile"),
            ])
        return StateFormPage(
            layout: layout,
            heading: stateName.map { NamedSentence(t, "state.form.edit-heading", name: $0) } ?? NamedSentence(plain: t("state.form.new-title")),
            action: action, cancelHref: cancelHref, csrf: csrf, hasVersion: version != nil, version: version ?? 0,
            code: draft.code ?? "", name: draft.name ?? "", profile: draft.profile ?? "",
            regions: Region.allCases.map { Choice(value: $0.rawValue, label: t("region.\($0.rawValue)"), selected: $0.rawValue == draft.region) },
            tlps: TLP.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == (draft.defaultTLP ?? "AMBER")) },
            conflict: conflict, errors: errors, codeError: errors.message("code"), nameError: errors.message("name"),
            profileError: errors.message("profile"))
    }
}
