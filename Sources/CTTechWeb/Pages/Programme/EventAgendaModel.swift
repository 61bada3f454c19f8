import CTTechCore

extension String {
    /// The text, or nil when it is empty (a Mustache section shows a present string even when it is empty).
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// The agenda of an event and the national work linked to it (issue 13), as its page shows them: the sessions day by
/// day with the knowledge products and method steps each covers; the assessments, capability assessments and live
/// sessions run there or, for a follow-up visit, the baseline and follow-up whose comparison it opens — each only where
/// the reader may open it; and, for the officer, the forms that add a session and a link.
public struct EventAgendaModel: Sendable, TemplateModel {
    struct Product: Sendable, TemplateModel {
        let title: String
        let href: String
    }

    struct Session: Sendable, TemplateModel {
        let starts: String?
        let title: String
        let presenter: String?
        let products: [Product]
        let steps: String?
        /// Where the officer removes it (nil for other readers).
        let removeAction: String?
    }

    struct Day: Sendable, TemplateModel {
        let label: String
        let sessions: [Session]
    }

    struct Work: Sendable, TemplateModel {
        let label: String
        let href: String
        let role: String
        /// The officer's unlink form: where it posts and the link it names (nil for other readers).
        let unlink: Unlink?
    }

    struct Unlink: Sendable, TemplateModel {
        let action: String
        let target: String
        let role: String
    }

    struct Comparison: Sendable, TemplateModel {
        let label: String
        let href: String
    }

    /// National work linked to the event, as the reader may open it: its title and where it is.
    public struct Resolved: Sendable {
        public let link: EventLink
        public let title: String
        public let href: String

        public init(link: EventLink, title: String, href: String) {
            self.link = link
            self.title = title
            self.href = href
        }
    }

    let days: [Day]
    let works: [Work]
    let comparisons: [Comparison]
    let sessionAction: String?
    let linkAction: String?
    let csrf: String
    let errors: FormErrors
    let values: [String: String]
    let dayChoices: [Choice]
    let productBoxes: [Checkbox]
    let stepBoxes: [Checkbox]
    let targets: [Choice]
    let roles: [Choice]
    let dayError: String?
    let startsError: String?
    let titleError: String?
    let productsError: String?
    let targetError: String?
    let roleError: String?
    /// The session form was refused: it opens with its problems.
    let sessionFailed: Bool

    static let fields = [
        FormField("day", "programme.agenda.day", id: "a-day"), FormField("starts", "programme.agenda.starts", id: "a-starts"),
        FormField("title", "programme.agenda.session", id: "a-title"), FormField("presenter", "programme.agenda.presenter", id: "a-presenter"),
        FormField("products", "programme.agenda.products", id: "a-products"), FormField("target", "programme.link.target", id: "l-target"),
        FormField("role", "programme.link.role-label", id: "l-role"),
    ]

    /// `linked`: the event's links the reader may open; `linkable`: what the officer may link (nil: no form); `names`:
    /// state id → name.
    public static func make(
        event: ProgrammeEvent, sessions: [AgendaSession], products: [KnowledgeProduct], linked: [Resolved], linkable: [Resolved]?,
        names: [String: String], canManage: Bool, csrf: String, submitted: [String: String]? = nil, failure: ValidationFailure? = nil,
        _ t: Localizer
    ) -> EventAgendaModel {
        let titles = Dictionary(products.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let days = event.days.compactMap { day -> Day? in
            let here = sessions.filter { $0.day == day }
            return here.isEmpty
                ? nil
                : Day(
                    label: day.description,
                    sessions: here.map { session in
                        Session(
                            starts: session.starts.nonEmpty, title: session.title, presenter: session.presenter.nonEmpty,
                            products: session.productIDs.compactMap { id in
                                titles[id].map { Product(title: $0, href: SiteURL.programmeProduct(id).path) }
                            },
                            steps: session.steps.map { t("programme.agenda.step-\($0)") }.joined(separator: "; ").nonEmpty,
                            removeAction: canManage ? SiteURL.programmeAgendaRemove(event.id, session: session.id).path : nil)
                    })
        }
        func role(_ role: EventLink.Role) -> String { t("programme.link.role." + role.rawValue) }
        func kind(_ kind: EventLink.Kind) -> String { t("programme.link.kind." + kind.rawValue) }
        // A follow-up visit opens the comparison of each baseline with the follow-up of the same state and kind.
        var comparisons: [Comparison] = []
        for followUp in linked where followUp.link.role == .followUp {
            for baseline in linked
            where baseline.link.role == .baseline && baseline.link.kind == followUp.link.kind && baseline.link.stateID == followUp.link.stateID {
                let state = followUp.link.stateID
                let label = t(
                    "programme.link.compare",
                    ["state": names[state] ?? "—", "baseline": baseline.title, "followUp": followUp.title, "kind": kind(followUp.link.kind)])
                switch followUp.link.kind {
                case .capability:
                    comparisons.append(
                        Comparison(
                            label: label,
                            href: SiteURL.capabilityCompare(state, capability: followUp.link.targetID, other: baseline.link.targetID).path
                        ))
                case .assessment:
                    comparisons.append(Comparison(label: label, href: SiteURL.compare(state, followUp.link.targetID).path))
                    comparisons.append(
                        Comparison(label: t("programme.link.compliance", ["state": names[state] ?? "—"]), href: SiteURL.compliance(state).path))
                case .liveSession: break
                }
            }
        }
        let values = submitted ?? ["day": event.start.description]
        let errors = FormErrors(t, failure, fields: fields)
        let open = canManage
        return EventAgendaModel(
            days: days,
            works: linked.map {
                Work(
                    label: (names[$0.link.stateID] ?? "—") + " · " + kind($0.link.kind) + " · " + $0.title, href: $0.href, role: role($0.link.role),
                    unlink: canManage
                        ? Unlink(
                            action: SiteURL.programmeLinksRemove(event.id).path, target: $0.link.kind.rawValue + ":" + $0.link.targetID,
                            role: $0.link.role.rawValue) : nil)
            },
            comparisons: comparisons, sessionAction: open ? SiteURL.programmeAgenda(event.id).path : nil,
            linkAction: open && !(linkable ?? []).isEmpty ? SiteURL.programmeLinks(event.id).path : nil, csrf: csrf, errors: errors, values: values,
            dayChoices: event.days.map { Choice(value: $0.description, label: $0.description, selected: values["day"] == $0.description) },
            productBoxes: products.map {
                Checkbox(id: "a-product-" + $0.id, name: "product." + $0.id, label: $0.title, checked: values["product." + $0.id] == "on")
            },
            stepBoxes: (1...8).map {
                Checkbox(
                    id: "a-step-\($0)", name: "step.\($0)", label: t("programme.agenda.step-\($0)"),
                    checked: values["step.\($0)"] == "on")
            },
            targets: [Choice(value: "", label: t("policy.choose"), selected: (values["target"] ?? "").isEmpty)]
                + (linkable ?? []).map { option in
                    let value = option.link.kind.rawValue + ":" + option.link.targetID
                    return Choice(
                        value: value, label: (names[option.link.stateID] ?? "—") + " · " + kind(option.link.kind) + " · " + option.title,
                        selected: values["target"] == value)
                },
            roles: EventLink.Role.allCases.filter { $0 == .run || event.kind == .followUpVisit }.map {
                Choice(value: $0.rawValue, label: role($0), selected: values["role"] == $0.rawValue)
            }, dayError: errors.message("day"), startsError: errors.message("starts"), titleError: errors.message("title"),
            productsError: errors.message("products"), targetError: errors.message("target"), roleError: errors.message("role"),
            sessionFailed: (failure?.issues ?? []).contains { !["target", "role"].contains($0.field) })
    }
}
