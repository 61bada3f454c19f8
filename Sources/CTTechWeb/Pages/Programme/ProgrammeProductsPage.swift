import CTTechCore

/// The registry of the programme's knowledge products (issue 13): what each is, in which languages, when, for whom, on
/// which technologies and where to read it; for programme officers, the form that adds one.
public struct ProgrammeProductsPage: WebPage {
    public static let template = "programme-products"

    struct Row: Sendable, TemplateModel {
        let href: String
        let title: String
        let kind: String
        let languages: String
        let year: String
        let audience: String?
        /// Not `topics`: a product without topics would let Mustache find the page's topic checkboxes instead.
        let topicNames: String?
        let link: String?
    }

    public let layout: LayoutModel
    let backHref: String
    let rows: [Row]
    let csvHref = SiteURL.programmeRecordsCSV(.products).path
    let canManage: Bool
    let action: String
    let csrf: String
    let errors: FormErrors
    let values: [String: String]
    let kinds: [Choice]
    let languages: [Checkbox]
    let topics: [Checkbox]
    let titleError: String?
    let kindError: String?
    let languagesError: String?
    let yearError: String?
    let topicsError: String?
    let linkError: String?

    static let fields = [
        FormField("title", "programme.product.title-field", id: "k-title"), FormField("kind", "programme.product.kind-label", id: "k-kind"),
        FormField("languages", "programme.product.languages", id: "k-languages"), FormField("year", "programme.product.year", id: "k-year"),
        FormField("audience", "programme.product.audience", id: "k-audience"), FormField("topics", "programme.request.topics", id: "k-topics"),
        FormField("link", "programme.product.link", id: "k-link"), FormField("summary", "programme.product.summary", id: "k-summary"),
    ]

    static func kind(_ kind: KnowledgeProduct.Kind, _ t: Localizer) -> String { t("programme.product.kind." + kind.rawValue) }
    static func languages(_ codes: [String], _ t: Localizer) -> String {
        codes.map { Language(rawValue: $0)?.nativeName ?? $0 }.joined(separator: ", ")
    }

    public static func make(
        layout: LayoutModel, products: [KnowledgeProduct], technologies: [String: String], canManage: Bool, csrf: String,
        submitted: [String: String]? = nil, failure: ValidationFailure? = nil
    ) -> ProgrammeProductsPage {
        let t = layout.localizer
        let values = submitted ?? [:]
        let errors = FormErrors(t, failure, fields: fields)
        return ProgrammeProductsPage(
            layout: layout, backHref: SiteURL.programme().path,
            rows: products.map { product in
                Row(
                    href: SiteURL.programmeProduct(product.id).path, title: product.title, kind: kind(product.kind, t),
                    languages: languages(product.languages, t), year: String(product.year), audience: product.audience.nonEmpty,
                    topicNames: product.topics.map { code in technologies[code].map { code + " " + $0 } ?? code }.joined(separator: "; ").nonEmpty,
                    link: product.link.nonEmpty)
            }, canManage: canManage, action: SiteURL.programmeProducts.path, csrf: csrf, errors: errors, values: values,
            kinds: [Choice(value: "", label: t("policy.choose"), selected: (values["kind"] ?? "").isEmpty)]
                + KnowledgeProduct.Kind.allCases.map { Choice(value: $0.rawValue, label: kind($0, t), selected: values["kind"] == $0.rawValue) },
            languages: KnowledgeProduct.languages.map {
                Checkbox(
                    id: "k-language-" + $0, name: "language." + $0, label: Language(rawValue: $0)?.nativeName ?? $0,
                    checked: values["language." + $0] == "on")
            },
            topics: technologies.keys.sorted().map { code in
                Checkbox(
                    id: "k-topic-" + code, name: "topic." + code, label: code + " " + (technologies[code] ?? ""),
                    checked: values["topic." + code] == "on")
            }, titleError: errors.message("title"), kindError: errors.message("kind"), languagesError: errors.message("languages"),
            yearError: errors.message("year"), topicsError: errors.message("topics"), linkError: errors.message("link"))
    }
}

/// One knowledge product and where it was presented, at the events the reader reaches.
public struct ProgrammeProductPage: WebPage {
    public static let template = "programme-product"

    /// One event where the product was presented, with its sessions that did (an event appears once).
    struct Presentation: Sendable, TemplateModel {
        let event: String
        let city: String
        let href: String
        let sessions: [Session]
    }

    struct Session: Sendable, TemplateModel {
        let day: String
        let title: String
    }

    public let layout: LayoutModel
    let backHref: String
    let title: String
    let kind: String
    let languages: String
    let year: String
    let audience: String?
    let topics: String?
    let link: String?
    let summary: String?
    let presentations: [Presentation]

    public static func make(
        layout: LayoutModel, product: KnowledgeProduct, technologies: [String: String], presentations: [AgendaSession], events: [ProgrammeEvent]
    ) -> ProgrammeProductPage {
        let t = layout.localizer
        let byID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ProgrammeProductPage(
            layout: layout, backHref: SiteURL.programmeProducts.path, title: product.title, kind: ProgrammeProductsPage.kind(product.kind, t),
            languages: ProgrammeProductsPage.languages(product.languages, t), year: String(product.year), audience: product.audience.nonEmpty,
            topics: product.topics.map { code in technologies[code].map { code + " " + $0 } ?? code }.joined(separator: "; ").nonEmpty,
            link: product.link.nonEmpty, summary: product.summary.nonEmpty,
            presentations: grouped(presentations, events: byID))
    }

    /// The sessions by event, events in the order their first session comes.
    static func grouped(_ sessions: [AgendaSession], events: [String: ProgrammeEvent]) -> [Presentation] {
        var order: [String] = []
        var byEvent: [String: [Session]] = [:]
        for session in sessions where events[session.eventID] != nil {
            if byEvent[session.eventID] == nil { order.append(session.eventID) }
            byEvent[session.eventID, default: []].append(Session(day: session.day.description, title: session.title))
        }
        return order.compactMap { id in
            events[id].map {
                Presentation(event: $0.title, city: $0.city, href: SiteURL.programmeEvent($0.id).path + "#agenda", sessions: byEvent[id] ?? [])
            }
        }
    }
}
