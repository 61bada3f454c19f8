import CTTechCore

/// The words of good-practice exchange shared by its pages (issue 13).
enum PracticeWords {
    static func kind(_ kind: SharedPractice.Kind, _ t: Localizer) -> String { t("practice.kind." + kind.rawValue) }

    /// Whom a practice reaches, as the viewing state may read it: the sharing state reads the whole scope (the states it
    /// chose by name); a recipient learns only how it was reached, never who else was chosen.
    static func reach(_ practice: SharedPractice, viewer: String, names: [String: String], _ t: Localizer) -> String {
        switch practice.scope {
        case .states(let ids) where practice.stateID == viewer:
            t("practice.reach.named", ["states": ids.map { names[$0] ?? $0 }.sorted().joined(separator: ", ")])
        case .states: t("practice.reach.you")
        case .region(let region): t("practice.reach.region", ["region": t("region." + region.rawValue)])
        case .allPartners: t("practice.reach.all")
        }
    }
}

/// One practice in a list.
struct PracticeRow: Sendable, TemplateModel {
    let href: String
    let title: String
    let kind: String
    let from: String
    let marking: String
    let markingClass: String
    let reach: String
    let sharedOn: String
    let withdrawn: String?

    init(_ practice: SharedPractice, viewer: String, names: [String: String], _ t: Localizer) {
        href = SiteURL.practice(viewer, practice: practice.id).path
        title = practice.title
        kind = PracticeWords.kind(practice.kind, t)
        from = names[practice.stateID] ?? "—"
        marking = practice.tlp.label
        markingClass = practice.tlp.cssClass
        reach = PracticeWords.reach(practice, viewer: viewer, names: names, t)
        sharedOn = practice.sharedOn.description
        withdrawn = practice.withdrawnOn.map { t("practice.withdrawn-on", ["date": $0.description]) }
    }
}
