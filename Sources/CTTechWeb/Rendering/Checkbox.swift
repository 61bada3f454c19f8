/// A checkbox of a form: its id (for its label), its field name, what it says and whether it is ticked.
struct Checkbox: Sendable, TemplateModel {
    let id: String
    let name: String
    let label: String
    let checked: Bool
}
