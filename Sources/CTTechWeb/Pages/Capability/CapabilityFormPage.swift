import CTTechCore
import Foundation

/// Step 7: the form that opens a self-assessment (national or of one agency), or — for programme staff — a validated
/// assessment of an existing self-assessment.
public struct CapabilityFormPage: WebPage {
    public static let template = "capability-form"

    public let layout: LayoutModel
    let heading: String
    let intro: String
    let action: String
    let cancelHref: String
    let csrf: String
    let errors: FormErrors
    let values: [String: String]
    let validated: Bool
    let kind: String
    let agencies: [Choice]
    let selfAssessments: [Choice]
    let baselines: [Choice]
    let registers: [Choice]
    let areas: [Checkbox]
    let titleError: String?
    let agencyError: String?
    let conductedError: String?
    let validatesError: String?
    let baselineError: String?
    let registerError: String?
    let areasError: String?

    static let fields = [
        FormField("title", "capability.field.title", id: "c-title"), FormField("agency", "capability.field.agency", id: "c-agency"),
        FormField("conductedOn", "capability.field.conducted", id: "c-conducted"),
        FormField("validates", "capability.field.validates", id: "c-validates"), FormField("baseline", "capability.field.baseline", id: "c-baseline"),
        FormField("registerAssessment", "capability.field.register", id: "c-register"), FormField("areas", "capability.field.areas", id: "c-areas"),
    ]

    public static func make(
        layout: LayoutModel, stateID: String, validated: Bool, framework: CapabilityFramework, agencies: [Agency],
        assessments: [CapabilityAssessment], threatAssessments: [Assessment], today: CalendarDate, csrf: String,
        submitted: [String: String]? = nil, failure: ValidationFailure? = nil, validates: String? = nil
    ) -> CapabilityFormPage {
        let t = layout.localizer
        var values = submitted ?? ["conductedOn": today.description]
        // Opened from a self-assessment's page: that one is chosen (the list holds only the state's own).
        if submitted == nil, validated, let validates { values["validates"] = validates }
        if submitted == nil && !validated { for area in framework.areas { values["area." + area.code] = "on" } }
        if submitted == nil, let latest = threatAssessments.first { values["registerAssessment"] = latest.id }
        let errors = FormErrors(t, failure, fields: fields)
        func choices(_ name: String, none: String?, _ options: [(String, String)]) -> [Choice] {
            let chosen = values[name] ?? ""
            return (none.map { [Choice(value: "", label: $0, selected: chosen.isEmpty)] } ?? [])
                + options.map { Choice(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
        let selfAssessed = assessments.filter { $0.kind == .selfAssessed }
        return CapabilityFormPage(
            layout: layout, heading: t(validated ? "capability.form.validated-title" : "capability.form.self-title"),
            intro: t(validated ? "capability.form.validated-intro" : "capability.form.self-intro"), action: SiteURL.capability(stateID).path,
            cancelHref: SiteURL.capability(stateID).path, csrf: csrf, errors: errors, values: values, validated: validated,
            kind: validated ? CapabilityAssessment.Kind.validated.rawValue : CapabilityAssessment.Kind.selfAssessed.rawValue,
            agencies: choices(
                "agency", none: t(validated ? "capability.form.agency-same" : "capability.national"), agencies.map { ($0.id, $0.name) }),
            selfAssessments: choices(
                "validates", none: t("policy.choose"), selfAssessed.map { ($0.id, $0.title + " (" + $0.conductedOn.description + ")") }),
            baselines: choices(
                "baseline", none: t("capability.form.no-baseline"), assessments.map { ($0.id, $0.title + " (" + $0.conductedOn.description + ")") }),
            registers: choices("registerAssessment", none: t("capability.form.no-register"), threatAssessments.map { ($0.id, $0.title) }),
            areas: framework.areas.map {
                Checkbox(
                    id: "c-area-" + $0.code, name: "area." + $0.code, label: $0.code + " " + $0.name(in: t.language),
                    checked: values["area." + $0.code] == "on")
            }, titleError: errors.message("title"), agencyError: errors.message("agency"), conductedError: errors.message("conductedOn"),
            validatesError: errors.message("validates"), baselineError: errors.message("baseline"),
            registerError: errors.message("registerAssessment"),
            areasError: errors.message("areas"))
    }
}
