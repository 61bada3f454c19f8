import CTTechCore

/// A live session's settings as form fields (issue 12): opening a session on the sessions page, changing one on its
/// control room. Once the session has started, its anonymity, the attributes asked, the smallest group and the
/// assessment are fixed: they are said, not asked, and sent back as they are so only the title can change.
struct LiveSettingsFields: Sendable, TemplateModel {
    let errors: FormErrors
    let values: [String: String]
    let assessments: [Choice]
    let anonymity: [Choice]
    let attributes: [Checkbox]
    /// Named apart from the activity form's errors on the control room: a missing value climbs the template's context.
    let titleProblem: String?
    let assessmentProblem: String?
    let anonymityProblem: String?
    let minimumProblem: String?
    /// The session has started: anonymity, attributes and the smallest group are fixed.
    let isFixed: Bool
    /// The fixed settings in words, once the session has started.
    let fixedSettings: String?

    static let fields = [
        FormField("title", "live.field.title", id: "l-title"), FormField("assessment", "live.field.assessment", id: "l-assessment"),
        FormField("anonymity", "live.field.anonymity", id: "l-anonymity"), FormField("minimum-group", "live.field.minimum-group", id: "l-minimum"),
    ]

    /// A session's stored settings as the form's values.
    static func values(of session: LiveSession) -> [String: String] {
        var values = [
            "title": session.title, "assessment": session.assessmentID ?? "", "anonymity": session.anonymity.rawValue,
            "minimum-group": String(session.minimumGroupSize),
        ]
        for attribute in session.askedAttributes { values["attribute." + attribute.rawValue] = "on" }
        return values
    }

    /// `fixed`: the session has started (anonymity, attributes and the smallest group can no longer change).
    static func make(values: [String: String], assessments: [Assessment], failure: ValidationFailure?, fixed: Bool, _ t: Localizer) -> Self {
        let errors = FormErrors(t, failure, fields: fields)
        let chosenAssessment = values["assessment"] ?? ""
        let asked = LiveAttribute.allCases.filter { values["attribute." + $0.rawValue] == "on" }
        return LiveSettingsFields(
            errors: errors, values: values,
            assessments: [Choice(value: "", label: t("live.form.no-assessment"), selected: chosenAssessment.isEmpty)]
                + assessments.map { Choice(value: $0.id, label: $0.title, selected: $0.id == chosenAssessment) },
            anonymity: LiveAnonymity.allCases.map {
                Choice(
                    value: $0.rawValue, label: t("live.anonymity." + $0.rawValue) + " — " + t("live.anonymity-hint." + $0.rawValue),
                    selected: values["anonymity"] == $0.rawValue)
            },
            attributes: LiveAttribute.allCases.map {
                Checkbox(
                    id: "l-attribute-" + $0.rawValue, name: "attribute." + $0.rawValue, label: t("live.attribute." + $0.rawValue),
                    checked: values["attribute." + $0.rawValue] == "on")
            }, titleProblem: errors.message("title"), assessmentProblem: errors.message("assessment"), anonymityProblem: errors.message("anonymity"),
            minimumProblem: errors.message("minimum-group"), isFixed: fixed,
            fixedSettings: fixed
                ? t(
                    "live.settings.fixed",
                    [
                        "anonymity": LiveAnonymity(rawValue: values["anonymity"] ?? "").map { t("live.anonymity." + $0.rawValue) } ?? "",
                        "attributes": asked.isEmpty
                            ? t("live.attributes-none") : asked.map { t("live.attribute." + $0.rawValue) }.joined(separator: ", "),
                        "minimum": values["minimum-group"] ?? "",
                        "assessment": assessments.first { $0.id == chosenAssessment }?.title ?? t("live.form.no-assessment"),
                    ]) : nil)
    }
}
