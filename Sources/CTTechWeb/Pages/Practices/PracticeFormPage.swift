import CTTechCore

/// The form with which a state shares a good practice (issue 13): what it is, its text, its marking and whom it goes to
/// (chosen states, a region or all partners; TLP:RED to chosen states only).
public struct PracticeFormPage: WebPage {
    public static let template = "practice-form"

    struct Group: Sendable, TemplateModel {
        let region: String
        let states: [Checkbox]
    }

    public let layout: LayoutModel
    let action: String
    let cancelHref: String
    let csrf: String
    let errors: FormErrors
    let values: [String: String]
    let kinds: [Choice]
    let tlps: [Choice]
    let regions: [Choice]
    let scopeStates: Bool
    let scopeRegion: Bool
    let scopeAll: Bool
    let groups: [Group]
    let kindError: String?
    let titleError: String?
    let bodyError: String?
    let tlpError: String?
    let scopeError: String?
    let regionError: String?

    static let fields = [
        FormField("kind", "practice.field.kind", id: "p-kind"), FormField("title", "practice.field.title", id: "p-title"),
        FormField("body", "practice.field.body", id: "p-body"), FormField("tlp", "practice.field.tlp", id: "p-tlp"),
        FormField("scope", "practice.field.scope", id: "p-scope"), FormField("region", "practice.field.region", id: "p-region"),
    ]

    /// `partners`: every partner state; the sharing state is left out of the recipients.
    public static func make(
        layout: LayoutModel, state: PartnerState, partners: [PartnerState], csrf: String, submitted: [String: String]? = nil,
        failure: ValidationFailure? = nil
    ) -> PracticeFormPage {
        let t = layout.localizer
        let others = partners.filter { $0.id != state.id }
        // Only regions with a partner state besides the sharing one are offered, each with its states named: a region
        // choice then says who will see the practice.
        let regions = Region.allCases.filter { region in others.contains { $0.region == region } }
        let values =
            submitted ?? [
                "tlp": state.defaultTLP.rawValue, "scope": "states",
                "region": (regions.contains(state.region) ? state.region : regions.first)?.rawValue ?? "",
            ]
        let errors = FormErrors(t, failure, fields: fields)
        let scope = values["scope"] ?? "states"
        return PracticeFormPage(
            layout: layout, action: SiteURL.practices(state.id).path, cancelHref: SiteURL.practices(state.id).path, csrf: csrf, errors: errors,
            values: values,
            kinds: [Choice(value: "", label: t("policy.choose"), selected: (values["kind"] ?? "").isEmpty)]
                + SharedPractice.Kind.allCases.map {
                    Choice(value: $0.rawValue, label: PracticeWords.kind($0, t), selected: values["kind"] == $0.rawValue)
                },
            tlps: TLP.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: values["tlp"] == $0.rawValue) },
            regions: regions.map { region in
                Choice(
                    value: region.rawValue,
                    label: t(
                        "practice.region-option",
                        [
                            "region": t("region." + region.rawValue),
                            "states": others.filter { $0.region == region }.map(\.name).joined(separator: ", "),
                        ]), selected: values["region"] == region.rawValue)
            },
            scopeStates: scope == "states", scopeRegion: scope == "region", scopeAll: scope == "all",
            groups: Region.allCases.compactMap { region in
                let here = others.filter { $0.region == region }
                return here.isEmpty
                    ? nil
                    : Group(
                        region: t("region." + region.rawValue),
                        states: here.map {
                            Checkbox(id: "p-to-" + $0.id, name: "recipient." + $0.id, label: $0.name, checked: values["recipient." + $0.id] == "on")
                        })
            },
            kindError: errors.message("kind"), titleError: errors.message("title"), bodyError: errors.message("body"),
            tlpError: errors.message("tlp"), scopeError: errors.message("scope"), regionError: errors.message("region"))
    }
}
