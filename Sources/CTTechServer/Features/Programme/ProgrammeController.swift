import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// The programme (issue 13): the calendar of events across the states the viewer is granted, one event with its
/// participants, the participant-list import and attendance, and the dashboards of protected aggregates.
struct ProgrammeController {
    let records: ProgrammeRecords
    let programme: ProgrammeStore
    let followUps: FollowUpStore
    let pages: PageRenderer
    let minimum: Int
    let services: AppServices

    init(_ services: AppServices) {
        self.services = services
        records = services.programmeRecords
        programme = services.programme
        followUps = services.followUps
        pages = services.pages
        minimum = services.configuration.minimumCell
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.programme(), .programme(.viewProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            let identity = try granted.requireIdentity()
            let counts = try await programme.programmeEventCounts(scope)
            let total = counts.byKindYear.values.flatMap(\.values).reduce(0, +)
            // A large programme opens on its latest year: every year at once would be thousands of rows.
            let large = total > ProgrammePage.allYearsUpTo
            let year = Self.year(request) ?? (large ? counts.years.last : nil)
            let page = ProgrammePage.make(
                layout: context.layout(context.localizer("programme.title"), tlp: .amber, path: request.uri.path),
                events: try await programme.programmeEvents(scope, year: year), allYears: counts.years, year: year, offersAllYears: !large,
                states: try await records.states(scope), canManage: Authorizer.allowsProgramme(identity, .manageProgramme),
                canSeeFigures: Authorizer.allowsProgramme(identity, .viewProgrammeAggregates))
            return .html(pages.render(page))
        }
        routes.get(.programmeEventNew, .programme(.manageProgramme)) { request, context, granted in
            try await form(request, context, granted, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.programmeEvents, .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            do {
                let event = try await records.createEvent(ProgrammeEventDraft(fields: context.form.fields), by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.programmeEvent(event.id).path, notice: .programmeEventAdded)
            } catch let failure as ValidationFailure {
                return try await form(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.get(.programmeEvent(.parameter), .programme(.viewProgramme)) { request, context, granted in
            try await eventPage(request, context, granted, importFailure: nil, status: .ok)
        }
        routes.post(.programmeImport(.parameter), .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            let event = try await event(context, scope)
            let fields = context.form.fields
            let bytes = context.form.files["file"].map { Array($0.readableBytesView) } ?? []
            do {
                _ = try await records.importParticipants(
                    bytes, into: event, defaults: try ParticipantImport.Defaults(fields: fields, fileIsEmpty: bytes.isEmpty),
                    by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.programmeEvent(event.id).path + "#registrations", notice: .participantsImported)
            } catch let failure as ValidationFailure {
                return try await eventPage(request, context, granted, importFailure: failure, importFields: fields, status: .badRequest)
            } catch let violation as ProgrammeRuleViolation {
                return try await eventPage(
                    request, context, granted, importFailure: ValidationFailure(field: "0:file", violation.explanation), importFields: fields,
                    status: .conflict)
            }
        }
        routes.post(.programmeAttendance(.parameter, person: .parameter), .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            let event = try await event(context, scope)
            guard let personID = context.parameters.get("personID"), Identifier.isValid(personID) else { throw AppError.notFound }
            do {
                try await records.recordAttendance(
                    fields: context.form.fields, personID: personID, event: event, by: try granted.actor(), scope: scope)
            } catch ProgrammeRuleViolation.notRegistered {
                throw AppError.notFound
            }
            return .seeOther(SiteURL.programmeEvent(event.id).path + "#registrations", notice: .attendanceSaved)
        }
        routes.get(.programmeDuplicates, .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            let identity = try granted.requireIdentity()
            let suggestions = try await programme.duplicateSuggestions(scope)
            var personal: [String: PersonalData]?
            if let reading = try? Authorizer.programme(identity, for: .readPersonalData) {
                personal = try await programme.personalData(reading, personIDs: suggestions.flatMap { [$0.keep.id, $0.other.id] })
            }
            let page = ProgrammeDuplicatesPage.make(
                layout: context.layout(context.localizer("programme.duplicates.title"), tlp: .amber, path: request.uri.path),
                suggestions: suggestions, personal: personal, events: try await programme.programmeEvents(scope, year: nil),
                states: try await records.states(scope), csrf: context.csrfToken ?? "")
            return .html(pages.render(page))
        }
        routes.post(.programmeDuplicates, .programme(.manageProgramme)) { _, context, granted in
            let scope = try granted.requireProgramme()
            guard let keep = context.form["keep"], let other = context.form["other"], Identifier.isValid(keep), Identifier.isValid(other) else {
                throw AppError.badRequest("programme.duplicates.choose")
            }
            try await records.merge(keepID: keep, otherID: other, by: try granted.actor(), scope: scope)
            return .seeOther(SiteURL.programmeDuplicates.path, notice: .personsMerged)
        }
        routes.get(.programmeDashboard(), .programme(.viewProgrammeAggregates)) { request, context, granted in
            let scope = try granted.requireProgramme()
            let identity = try granted.requireIdentity()
            let counts = try await programme.programmeEventCounts(scope)
            var figures = try await programme.programmeFigures(scope, year: nil, byEvent: false)
            let shown = counts.shownYear(asked: Self.year(request), figures: figures)
            let shownEvents = shown == nil ? [] : try await programme.programmeEvents(scope, year: shown)
            if let shown { figures.byEvent = try await programme.programmeEventFigures(scope, year: shown) }
            let page = ProgrammeDashboardPage.make(
                layout: context.layout(context.localizer("programme.dashboard.title"), tlp: .amber, path: request.uri.path),
                figures: figures,
                events: shownEvents, counts: counts,
                states: try await records.states(scope), minimum: minimum, canSeeEvents: Authorizer.allowsProgramme(identity, .viewProgramme),
                requests: try await followUps.assistanceRequests(scope), recommendations: try await followUps.recommendations(scope),
                eventsOf: Self.year(request))
            return .html(pages.render(page))
        }
    }

    /// The exports (issue 13): a breakdown of people exactly as the dashboards publish it (``PublishedTable``: suppressed
    /// cells stay suppressed), and the records of events, requests and action items the scope reaches.
    func addExportRoutes(to routes: RouteTable) {
        routes.get(.programmeFiguresCSV(), .programme(.viewProgrammeAggregates)) { request, _, granted in
            try await figuresCSV(request, scope: try granted.requireProgramme())
        }
        routes.get(.programmeRecordsCSV(), .programme(.viewProgramme)) { request, _, granted in
            try await recordsCSV(request, scope: try granted.requireProgramme())
        }
    }

    /// A breakdown of people as CSV (`?table=`, `?year=` for the events of a year), the web's and the API's download.
    func figuresCSV(_ request: Request, scope: ProgrammeScope) async throws -> Response {
        let table = try Self.choice(request, SiteURL.ProgrammeFiguresExport.self) ?? .participantsByState
        let published: PublishedTable
        switch table {
        case .participantsByState:
            let figures = try await programme.programmeFigures(scope, year: nil, byEvent: false)
            let names = Dictionary(try await records.states(scope).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            published = PublishedTable.byState(figures, names: names, minimum: minimum)
        case .participantsByYear:
            published = PublishedTable.byYear(try await programme.programmeFigures(scope, year: nil, byEvent: false), minimum: minimum)
        case .participantsByEvent:
            // One year's events, as the dashboard shows them (the latest by default).
            let counts = try await programme.programmeEventCounts(scope)
            let year = counts.shownYear(asked: Self.year(request), figures: try await programme.programmeFigures(scope, year: nil, byEvent: false))
            var events: [ProgrammeEvent] = []
            var byEvent: [String: [String: Int]] = [:]
            if let year {
                events = try await programme.programmeEvents(scope, year: year)
                byEvent = try await programme.programmeEventFigures(scope, year: year)
            }
            published = PublishedTable.byEvent(byEvent, events: events.sorted { ($0.start, $0.id) < ($1.start, $1.id) }, minimum: minimum)
        }
        return Self.csv(published.csv(), name: "programme-\(table.rawValue)")
    }

    /// The records of events, requests or action items the scope reaches as CSV (`?table=`).
    func recordsCSV(_ request: Request, scope: ProgrammeScope) async throws -> Response {
        let table = try Self.choice(request, ProgrammeCSV.Records.self) ?? .events
        let names = Dictionary(try await records.states(scope).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let events = try await programme.programmeEvents(scope, year: nil)
        let titles = Dictionary(events.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let today = ProgrammeRecords.today()
        let csv =
            switch table {
            case .events: ProgrammeCSV.events(events, names: names)
            case .requests: ProgrammeCSV.requests(try await followUps.assistanceRequests(scope), names: names, titles: titles, today: today)
            case .actionItems:
                ProgrammeCSV.actionItems(try await followUps.recommendations(scope), names: names, titles: titles, today: today)
            case .products:
                ProgrammeCSV.products(
                    try await services.agenda.knowledgeProducts(scope), presentedAt: try await presentedAt(scope, titles: titles))
            }
        return Self.csv(csv, name: "programme-\(table.rawValue)")
    }

    /// Product id → the titles of the events (in the scope) where it was presented, each once, in order.
    private func presentedAt(_ scope: ProgrammeScope, titles: [String: String]) async throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for product in try await services.agenda.knowledgeProducts(scope) {
            var seen = Set<String>()
            result[product.id] = try await services.agenda.presentations(scope, productID: product.id).compactMap { session in
                seen.insert(session.eventID).inserted ? titles[session.eventID] : nil
            }
        }
        return result
    }

    /// `?table=`: absent (nil), one of `T`, or a 404 (no such export).
    static func choice<T: RawRepresentable<String>>(_ request: Request, _ type: T.Type) throws -> T? {
        guard let text = request.uri.queryParameters.get("table") else { return nil }
        guard let value = T(rawValue: String(text)) else { throw AppError.notFound }
        return value
    }

    /// A CSV download marked TLP:AMBER, the marking of the programme's pages.
    static func csv(_ text: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)-AMBER.csv\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The years a programme page or call may name.
    static let years = 1990...2200

    /// `?year=2023` when it is a plausible year.
    static func year(_ request: Request) -> Int? {
        guard let text = request.uri.queryParameters.get("year"), let year = Int(text), years.contains(year) else { return nil }
        return year
    }

    /// The API's reading of `?year=`: absent, or a plausible year; anything else is refused naming the field (a page
    /// ignores a year it cannot read, a call is told).
    static func checkYear(_ year: Int?) throws {
        guard let year, !years.contains(year) else { return }
        throw ValidationFailure(
            field: "year", "validation.number-from-to", ["min": String(years.lowerBound), "max": String(years.upperBound)])
    }

    static func checkYear(_ request: Request) throws {
        guard let text = request.uri.queryParameters.get("year") else { return }
        guard let year = Int(text) else { throw ValidationFailure(field: "year", "validation.whole-number") }
        try checkYear(year)
    }

    private func event(_ context: AppRequestContext, _ scope: ProgrammeScope) async throws -> ProgrammeEvent {
        guard let id = context.parameters.get("eventID"), Identifier.isValid(id), let event = try await programme.programmeEvent(scope, id: id) else {
            throw AppError.notFound
        }
        return event
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]?, failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let page = ProgrammeEventFormPage.make(
            layout: context.layout(context.localizer("programme.new-event"), tlp: .amber, path: request.uri.path),
            states: try await records.states(try granted.requireProgramme()), csrf: context.csrfToken ?? "", submitted: submitted, failure: failure)
        return .html(pages.render(page), status: status)
    }

    /// The event's page; `agendaFields` and `agendaFailure`: a refused agenda session or link, shown by its form.
    func eventPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, importFailure: ValidationFailure?,
        importFields: [String: String]? = nil, agendaFields: [String: String]? = nil, agendaFailure: ValidationFailure? = nil,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let identity = try granted.requireIdentity()
        // The event is found with the viewer's widest programme right, so an officer's import refusal shows the same page.
        let scope = try granted.requireProgramme()
        let event = try await event(context, scope)
        let view = (try? Authorizer.programme(identity, for: .viewProgramme)) ?? scope
        let manage = try? Authorizer.programme(identity, for: .manageProgramme)
        // Everyone reads the registrations of the states they may view (as aggregates); an officer edits those of the
        // states they manage.
        let registrations = try await programme.programmeRegistrations(view, eventID: event.id)
        var personal: [String: PersonalData]?
        var purged = Set<String>()
        if manage != nil, let reading = try? Authorizer.programme(identity, for: .readPersonalData) {
            let managed = registrations.map(\.1).filter { manage?.includes($0.stateID) ?? false }
            let found = try await programme.personalData(reading, personIDs: managed.map(\.id))
            personal = found
            purged = Set(managed.filter { reading.includes($0.stateID) && found[$0.id] == nil }.map(\.id))
        }
        let states = try await records.states(view)
        let agenda = try await ProgrammeAgendaController(services).model(
            event, identity: identity, view: view, canManage: manage?.governs(event) ?? false,
            names: Dictionary(states.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }), csrf: context.csrfToken ?? "",
            submitted: agendaFields, failure: agendaFailure, context.localizer)
        let page = ProgrammeEventPage.make(
            layout: context.layout(event.title, tlp: .amber, path: request.uri.path), event: event, registrations: registrations,
            personal: personal, purged: purged, states: states, minimum: minimum,
            canManage: manage.map { $0.reaches(event) } ?? false,
            csrf: context.csrfToken ?? "", today: ProgrammeRecords.today(), importFailure: importFailure, importFields: importFields,
            managed: { manage?.includes($0) ?? false }, agenda: agenda)
        return .html(pages.render(page), status: status)
    }
}
