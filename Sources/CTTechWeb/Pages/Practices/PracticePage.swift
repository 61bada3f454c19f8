import CTTechCore

/// One shared good practice as a state that sees it reads it (issue 13): its text under its marking, whom it reaches,
/// the comments and questions of the states that see it, the form to add one, and for the sharing state the withdrawal.
public struct PracticePage: WebPage {
    public static let template = "practice"

    struct Comment: Sendable, TemplateModel {
        let from: String
        let kind: String
        let question: Bool
        let postedOn: String
        let body: String
        let ours: Bool
    }

    public let layout: LayoutModel
    let backHref: String
    let practice: PracticeRow
    let body: String
    let marking: String
    let audience: String
    let comments: [Comment]
    let commentAction: String?
    let withdrawAction: String?
    let csrf: String
    let errors: FormErrors
    let values: [String: String]
    let kinds: [Choice]
    let kindError: String?
    let bodyError: String?
    let confirmError: String?
    /// The comment form was refused (a refused withdrawal speaks by its own tick).
    let commentFailed: Bool

    static let fields = [
        FormField("kind", "practice.comment.kind-label", id: "c-kind"), FormField("body", "practice.comment.body", id: "c-body"),
        FormField("confirm", "practice.withdraw", id: "w-confirm"),
    ]

    public static func make(
        layout: LayoutModel, stateID: String, practice: SharedPractice, comments: [PracticeComment], partners: [PartnerState], canWithdraw: Bool,
        csrf: String, submitted: [String: String]? = nil, failure: ValidationFailure? = nil
    ) -> PracticePage {
        let t = layout.localizer
        let names = Dictionary(partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let values = submitted ?? ["kind": PracticeComment.Kind.comment.rawValue]
        let errors = FormErrors(t, failure, fields: fields)
        let open = !practice.withdrawn
        return PracticePage(
            layout: layout, backHref: SiteURL.practices(stateID).path, practice: PracticeRow(practice, viewer: stateID, names: names, t),
            body: practice.body, marking: practice.tlp.label, audience: t("tlp.audience." + practice.tlp.cssClass),
            comments: comments.map {
                Comment(
                    from: names[$0.stateID] ?? "—", kind: t("practice.comment.kind." + $0.kind.rawValue), question: $0.kind == .question,
                    postedOn: $0.postedOn.description, body: $0.body, ours: $0.stateID == practice.stateID)
            },
            commentAction: open ? SiteURL.practiceComments(stateID, practice: practice.id).path : nil,
            withdrawAction: open && canWithdraw && practice.stateID == stateID ? SiteURL.practiceWithdraw(stateID, practice: practice.id).path : nil,
            csrf: csrf, errors: errors, values: values,
            kinds: PracticeComment.Kind.allCases.map {
                Choice(value: $0.rawValue, label: t("practice.comment.kind." + $0.rawValue), selected: values["kind"] == $0.rawValue)
            }, kindError: errors.message("kind"), bodyError: errors.message("body"), confirmError: errors.message("confirm"),
            commentFailed: (failure?.issues ?? []).contains { $0.field != "confirm" })
    }
}
