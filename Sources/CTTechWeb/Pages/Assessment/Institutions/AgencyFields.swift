import CTTechCore
import Foundation

/// The fields of the agency form (adding on the step 1 page, correcting on its own page), refilled after an error.
struct AgencyFields: Sendable, TemplateModel {
    /// The form's fields as its error summary links them.
    static let fields = [
        FormField("name", "institutions.field.name", id: "a-name"), FormField("kind", "institutions.field.kind", id: "a-kind"),
        FormField("mandate", "institutions.field.mandate", id: "a-mandate"),
    ]

    let agencyName: String
    let agencyMandate: String
    let kinds: [Choice]

    init(_ values: [String: String], _ t: Localizer) {
        agencyName = values["name"] ?? ""
        agencyMandate = values["mandate"] ?? ""
        kinds = Agency.Kind.allCases.map {
            Choice(value: $0.rawValue, label: t("institutions.kind.\($0.rawValue)"), selected: $0.rawValue == values["kind"])
        }
    }

    init(_ agency: Agency, _ t: Localizer) {
        self.init(["name": agency.name, "kind": agency.kind.rawValue, "mandate": agency.mandate], t)
    }
}
