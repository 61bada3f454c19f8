import CTTechCore
import Foundation

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
            conflict: conflict,
            errors: FormErrors(
                layout.localizer,
                failure,
                fields: [
                    FormField("code", "Code", id: "code"), FormField("name", "Name", id: "name"), FormField("region", "Region", id: "region"),
                    FormField("defaultTLP", "Default TLP marking", id: "defaultTLP"), FormField("profile", "Profile", id: "profile"),
                ]), codeError: failure?.message(for: "code"),
            nameError: failure?.message(for: "name"), profileError: failure?.message(for: "profile"))
    }
}
