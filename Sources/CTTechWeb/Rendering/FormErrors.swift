import CTTechCore
import Foundation

/// A field of a form as its error summary names it: the code the validator uses, the label the person reads (a catalog
/// key, or text already in the page's language), and the id of the control the summary links to.
struct FormField: Sendable, TemplateModel {
    let name: String
    let label: String
    let id: String

    init(_ name: String, _ label: String, id: String) {
        self.name = name
        self.label = label
        self.id = id
    }
}

/// What a refused form shows (issue 8, item 4): a summary above the form listing every problem in plain words, each a
/// link to its field (an anchor: no JavaScript needed), and the message for each field to show beside it. Fields the
/// form does not name are labelled from their code ("horizonYears" → "Horizon years") and not linked.
struct FormErrors: Sendable, TemplateModel {
    struct Item: Sendable, TemplateModel {
        let text: String
        let anchor: String?
    }

    let hasErrors: Bool
    let errorList: [Item]
    private let byField: [String: String]

    /// - Parameter pathsAsWritten: name each problem by its path as written (an imported file's `scenarios[0].title`)
    ///   rather than by a label, unless `fields` names it.
    init(_ t: Localizer, _ failure: ValidationFailure?, fields: [FormField] = [], pathsAsWritten: Bool = false) {
        let known = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let issues = failure?.issues ?? []
        errorList = issues.map { issue in
            let field = known[issue.field]
            let name = field.map { t($0.label) } ?? (pathsAsWritten ? issue.field : Self.label(fromCode: issue.field))
            return Item(text: t("form.error-item", ["field": name, "problem": issue.text(t)]), anchor: field.map { "#" + $0.id })
        }
        hasErrors = !issues.isEmpty
        byField = Dictionary(issues.map { ($0.field, $0.text(t)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The message for one field, to show beside it.
    func message(_ field: String) -> String? { byField[field] }

    /// "horizonYears" → "Horizon years", "impact.human-rights" → "Impact human rights".
    static func label(fromCode code: String) -> String {
        var words: [String] = []
        var current = ""
        for character in code {
            if character == "." || character == "-" || character == "_" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase && !current.isEmpty {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        let sentence = words.map { $0.lowercased() }.joined(separator: " ")
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }
}
