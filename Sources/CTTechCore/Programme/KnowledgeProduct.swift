/// One of the programme's knowledge products (issue 13): a handbook, reference guide or training module, in which
/// languages, when it was published, for whom, on which technologies, and where to find it. Products are the
/// programme's public publications: every programme role reads the registry; where each was presented follows the
/// events the reader reaches.
public struct KnowledgeProduct: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case handbook
        case referenceGuide = "reference-guide"
        case trainingModule = "training-module"
        case policyBrief = "policy-brief"
        case other
    }

    /// The six official UN languages a product may be published in.
    public static let languages = ["ar", "en", "es", "fr", "ru", "zh"]

    public var id: String
    public var title: String
    public var kind: Kind
    public var languages: [String]
    public var year: Int
    public var audience: String
    /// Technology codes of the method.
    public var topics: [String]
    /// Where it can be read (http or https), or empty.
    public var link: String
    public var summary: String

    public init(
        id: String, title: String, kind: Kind, languages: [String], year: Int, audience: String, topics: [String], link: String, summary: String
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.languages = languages
        self.year = year
        self.audience = audience
        self.topics = topics
        self.link = link
        self.summary = summary
    }
}

/// One session of an event's agenda: when, what, who presents it, and the knowledge products and method steps it covers.
public struct AgendaSession: Sendable, Hashable, Codable {
    public var id: String
    public var eventID: String
    public var day: CalendarDate
    /// `HH:MM`, or empty.
    public var starts: String
    public var title: String
    public var presenter: String
    public var productIDs: [String]
    /// Steps of the national method (1–8).
    public var steps: [Int]

    public init(
        id: String, eventID: String, day: CalendarDate, starts: String, title: String, presenter: String, productIDs: [String], steps: [Int]
    ) {
        self.id = id
        self.eventID = eventID
        self.day = day
        self.starts = starts
        self.title = title
        self.presenter = presenter
        self.productIDs = productIDs
        self.steps = steps
    }
}

/// What a programme officer submits for a knowledge product: `title`, `kind`, `year`, `audience`, `link`, `summary`,
/// languages as checkboxes `language.<code>` and topics as `topic.<technology code>`.
public struct KnowledgeProductDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(id: String, technologies: Set<String>) throws(ValidationFailure) -> KnowledgeProduct {
        var v = Validator()
        let title = v.text(fields["title"], field: "title", maxLength: 300)
        let kind = KnowledgeProduct.Kind(rawValue: (fields["kind"] ?? "").trimmingWhitespace())
        if kind == nil {
            v.add("kind", "validation.one-of", ["values": KnowledgeProduct.Kind.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        let languages = KnowledgeProduct.languages.filter { !(fields["language." + $0] ?? "").isEmpty }
        if languages.isEmpty { v.add("languages", "validation.programme.languages-needed") }
        let year = Int((fields["year"] ?? "").trimmingWhitespace())
        if year.map({ !(2000...2100).contains($0) }) ?? true { v.add("year", "validation.programme.year") }
        let audience = v.text(fields["audience"], field: "audience", required: false, maxLength: 300) ?? ""
        let topics = fields.keys.filter { $0.hasPrefix("topic.") && !(fields[$0] ?? "").isEmpty }.map { String($0.dropFirst(6)) }.sorted()
        if topics.contains(where: { !technologies.contains($0) }) { v.add("topics", "validation.programme.unknown-topic") }
        let link = v.text(fields["link"], field: "link", required: false, maxLength: 1_000) ?? ""
        if !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.contains(where: \.isWhitespace) {
            v.add("link", "validation.programme.link")
        }
        let summary = v.text(fields["summary"], field: "summary", required: false, maxLength: 2_000) ?? ""
        try v.check()
        guard let title, let kind, let year else { throw ValidationFailure(field: "title", "validation.required") }
        return KnowledgeProduct(
            id: id, title: title, kind: kind, languages: languages, year: year, audience: audience, topics: topics, link: link, summary: summary)
    }
}

/// What a programme officer submits for an agenda session: `day` (a day of the event), `starts` (`HH:MM`, optional),
/// `title`, `presenter`, products as checkboxes `product.<id>` and method steps as `step.<1–8>`.
public struct AgendaSessionDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(id: String, event: ProgrammeEvent, products: Set<String>) throws(ValidationFailure) -> AgendaSession {
        var v = Validator()
        let day = CalendarDate((fields["day"] ?? "").trimmingWhitespace())
        if day.map({ !event.days.contains($0) }) ?? true { v.add("day", "validation.programme.day-of-event") }
        let starts = (fields["starts"] ?? "").trimmingWhitespace()
        if !starts.isEmpty, starts.wholeMatch(of: /([01][0-9]|2[0-3]):[0-5][0-9]/) == nil { v.add("starts", "validation.programme.time") }
        let title = v.text(fields["title"], field: "title", maxLength: 300)
        let presenter = v.text(fields["presenter"], field: "presenter", required: false, maxLength: 300) ?? ""
        let chosen = fields.keys.filter { $0.hasPrefix("product.") && !(fields[$0] ?? "").isEmpty }.map { String($0.dropFirst(8)) }.sorted()
        if chosen.contains(where: { !products.contains($0) }) { v.add("products", "validation.programme.unknown-product") }
        let steps = (1...8).filter { !(fields["step.\($0)"] ?? "").isEmpty }
        try v.check()
        guard let day, let title else { throw ValidationFailure(field: "title", "validation.required") }
        return AgendaSession(
            id: id, eventID: event.id, day: day, starts: starts, title: title, presenter: presenter, productIDs: chosen, steps: steps)
    }
}

/// An event's links to the national work done there (issue 13): an assessment or a capability assessment of one of its
/// states, or a live session run at it, with its role — run at the event, or, for a follow-up visit, the baseline or
/// follow-up whose comparison the visit opens.
public struct EventLink: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case assessment
        case capability
        case liveSession = "live-session"
    }

    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case run
        case baseline
        case followUp = "follow-up"
    }

    public var eventID: String
    public var stateID: String
    public var kind: Kind
    public var targetID: String
    public var role: Role

    public init(eventID: String, stateID: String, kind: Kind, targetID: String, role: Role) {
        self.eventID = eventID
        self.stateID = stateID
        self.kind = kind
        self.targetID = targetID
        self.role = role
    }
}

/// Knowledge products, agendas and the links of events to national work (issue 13). Products are programme-wide; an
/// agenda and an event's links go with the event (read when the scope reaches it, written when it governs it).
public protocol ProgrammeAgendaRepository: Sendable {
    /// Every knowledge product, by title (at most ``ProgrammeLimits/products``).
    func knowledgeProducts(_ scope: ProgrammeScope) async throws -> [KnowledgeProduct]
    func addKnowledgeProduct(_ product: KnowledgeProduct, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// The agenda of an event the scope reaches, by day and time (on each day, sessions without a time after the timed ones).
    func agenda(_ scope: ProgrammeScope, eventID: String) async throws -> [AgendaSession]
    /// Adds a session to an event the scope governs (``StoreConflict/missing`` otherwise).
    func addAgendaSession(_ session: AgendaSession, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// The sessions that presented a product, at events the scope reaches, latest first.
    func presentations(_ scope: ProgrammeScope, productID: String) async throws -> [AgendaSession]
    /// The links of an event the scope reaches, of its states in the scope.
    func eventLinks(_ scope: ProgrammeScope, eventID: String) async throws -> [EventLink]
    /// Links national work to an event the scope governs (the link's state must be one of the event's).
    func addEventLink(_ link: EventLink, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// Removes a session (and which products it presented) of an event the scope governs (``StoreConflict/missing``
    /// when the event or the session is not there).
    func removeAgendaSession(eventID: String, sessionID: String, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// Removes one link (event, kind, target, role) of an event the scope governs (``StoreConflict/missing`` otherwise).
    func removeEventLink(_ link: EventLink, scope: ProgrammeScope, audit: AuditEvent) async throws
}
