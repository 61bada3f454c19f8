import CTTechCore

/// The form that adds a programme event (issue 13): kind, title, the states it is for (those the officer is granted),
/// dates, venue and city, organisers and facilitators.
public struct ProgrammeEventFormPage: WebPage {
    public static let template = "programme-event-form"

    public let layout: LayoutModel
    let action: String
    let cancelHref: String
    let csrf: String
    let errors: FormErrors
    let values: [String: String]
    let kinds: [Choice]
    let states: [Checkbox]
    let kindError: String?
    let titleError: String?
    let statesError: String?
    let startError: String?
    let endError: String?
    let venueError: String?
    let cityError: String?
    let organisersError: String?
    let facilitatorsError: String?

    static let fields = [
        FormField("kind", "programme.field.kind", id: "e-kind"), FormField("title", "programme.field.title", id: "e-title"),
        FormField("states", "programme.field.states", id: "e-states"), FormField("start", "programme.field.start", id: "e-start"),
        FormField("end", "programme.field.end", id: "e-end"), FormField("venue", "programme.field.venue", id: "e-venue"),
        FormField("city", "programme.field.city", id: "e-city"), FormField("organisers", "programme.field.organisers", id: "e-organisers"),
        FormField("facilitators", "programme.field.facilitators", id: "e-facilitators"),
    ]

    public static func make(
        layout: LayoutModel, states: [PartnerState], csrf: String, submitted: [String: String]? = nil, failure: ValidationFailure? = nil
    ) -> ProgrammeEventFormPage {
        let t = layout.localizer
        let values = submitted ?? ["organisers": "UNOCT/UNCCT, INTERPOL"]
        let errors = FormErrors(t, failure, fields: fields)
        return ProgrammeEventFormPage(
            layout: layout, action: SiteURL.programmeEvents.path, cancelHref: SiteURL.programme().path, csrf: csrf, errors: errors, values: values,
            kinds: [Choice(value: "", label: t("policy.choose"), selected: (values["kind"] ?? "").isEmpty)]
                + ProgrammeEvent.Kind.allCases.map {
                    Choice(value: $0.rawValue, label: ProgrammeWords.kind($0, t), selected: values["kind"] == $0.rawValue)
                },
            states: states.map {
                Checkbox(id: "e-state-" + $0.id, name: "state." + $0.id, label: $0.name, checked: values["state." + $0.id] == "on")
            },
            kindError: errors.message("kind"), titleError: errors.message("title"), statesError: errors.message("states"),
            startError: errors.message("start"), endError: errors.message("end"), venueError: errors.message("venue"),
            cityError: errors.message("city"), organisersError: errors.message("organisers"), facilitatorsError: errors.message("facilitators"))
    }
}
