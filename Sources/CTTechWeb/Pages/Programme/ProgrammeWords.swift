import CTTechCore

/// The programme's words shared by its pages (issue 13).
enum ProgrammeWords {
    static func kind(_ kind: ProgrammeEvent.Kind, _ t: Localizer) -> String { t("programme.kind." + kind.rawValue) }

    static func dates(_ event: ProgrammeEvent) -> String {
        event.start == event.end ? event.start.description : event.start.description + " – " + event.end.description
    }

    static func sex(_ column: String, _ t: Localizer) -> String { t("programme.sex." + column) }

    /// The short pseudonym a registry person is shown by where names are not allowed.
    static func pseudonym(_ id: String) -> String { "P-" + String(id.suffix(8)).uppercased() }

    /// A protected count as published: the number, or the suppression mark.
    static func count(_ value: Int?, _ t: Localizer) -> String { value.map { t.grouped(Int64($0)) } ?? "◆" }

    /// A count of people (or of their registrations or days) outside a protected table: published when it is zero or at
    /// least the smallest group, else the suppression mark.
    static func small(_ value: Int, minimum: Int, _ t: Localizer) -> String { count(value > 0 && value < minimum ? nil : value, t) }

    /// "Line 3, column sex: …" for an import problem whose field is `"<line>:<column>"`.
    static func importProblem(_ issue: FieldIssue, _ t: Localizer) -> String {
        let parts = issue.field.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let line = Int(parts[0]) else { return issue.text(t) }
        if line == 0 { return t("programme.import.problem-file", ["problem": issue.text(t)]) }
        return t("programme.import.problem", ["line": String(line), "column": parts[1], "problem": issue.text(t)])
    }
}
