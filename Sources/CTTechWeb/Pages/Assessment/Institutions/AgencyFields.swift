import CTTechCore
import Foundation

/// The fields of the agency form (adding on the step 1 page, correcting on its own page), refilled after an error.
struct AgencyFields: Sendable {
    /// The form's fields as its error summary links them.
    static let fields = [
        FormField("name", "Agency name", id: "a-name"), FormField("kind", "Kind of agency", id: "a-kind"),
        FormField("mandate", "Mandate", id: "a-mandate"),
    ]

    let agencyName: String
    let agencyMandate: String
    let kinds: [Choice]

    init(_ values: [String: String]) {
        agencyName = values["name"] ?? ""
        agencyMandate = values["mandate"] ?? ""
        kinds = Agency.Kind.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values["kind"]) }
    }

    init(_ agency: Agency) {
        self.init(["name": agency.name, "kind": agency.kind.rawValue, "mandate": agency.mandate])
    }
}
