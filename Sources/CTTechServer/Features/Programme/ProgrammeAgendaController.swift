import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Knowledge products, event agendas, the links of events to national work and a state's programme timeline (issue 13).
struct ProgrammeAgendaController {
    let services: AppServices
    let agenda: ProgrammeAgendaStore
    let programme: ProgrammeStore
    let records: ProgrammeRecords
    let reference: ReferenceDataStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        self.services = services
        agenda = services.agenda
        programme = services.programme
        records = services.programmeRecords
        reference = services.reference
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable, events: ProgrammeController) {
        routes.get(.programmeProducts, .programme(.viewProgramme)) { request, context, granted in
            try await productsPage(request, context, granted, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.programmeProducts, .programme(.manageProgramme)) { request, context, granted in
            do {
                let product = try await services.programmeAgenda.addProduct(
                    KnowledgeProductDraft(fields: context.form.fields), by: try granted.actor(), scope: try granted.requireProgramme())
                return .seeOther(SiteURL.programmeProduct(product.id).path, notice: .productAdded)
            } catch let failure as ValidationFailure {
                return try await productsPage(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.get(.programmeProduct(.parameter), .programme(.viewProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            guard let id = context.parameters.get("productID"), Identifier.isValid(id),
                let product = try await agenda.knowledgeProducts(scope).first(where: { $0.id == id })
            else { throw AppError.notFound }
            let presentations = try await agenda.presentations(scope, productID: id)
            var events: [ProgrammeEvent] = []
            for eventID in Set(presentations.map(\.eventID)) {
                if let event = try await programme.programmeEvent(scope, id: eventID) { events.append(event) }
            }
            let page = ProgrammeProductPage.make(
                layout: context.layout(product.title, tlp: .amber, path: request.uri.path), product: product,
                technologies: try await technologies(context), presentations: presentations, events: events)
            return .html(pages.render(page))
        }
        routes.post(.programmeAgenda(.parameter), .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            let event = try await event(context, scope)
            do {
                _ = try await services.programmeAgenda.addSession(
                    AgendaSessionDraft(fields: context.form.fields), to: event, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.programmeEvent(event.id).path + "#agenda", notice: .agendaAdded)
            } catch let failure as ValidationFailure {
                return try await events.eventPage(
                    request, context, granted, importFailure: nil, agendaFields: context.form.fields, agendaFailure: failure, status: .badRequest)
            }
        }
        routes.post(.programmeLinks(.parameter), .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            let event = try await event(context, scope)
            do {
                _ = try await services.programmeAgenda.link(
                    fields: context.form.fields, to: event, linkable: try await linkable(event, try granted.requireIdentity()).map(\.link),
                    by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.programmeEvent(event.id).path + "#work", notice: .workLinked)
            } catch let failure as ValidationFailure {
                return try await events.eventPage(
                    request, context, granted, importFailure: nil, agendaFields: context.form.fields, agendaFailure: failure, status: .badRequest)
            } catch StoreConflict.duplicate {
                return try await events.eventPage(
                    request, context, granted, importFailure: nil, agendaFields: context.form.fields,
                    agendaFailure: ValidationFailure(field: "target", "validation.programme.link-twice"), status: .conflict)
            }
        }
        routes.post(.programmeAgendaRemove(.parameter, session: .parameter), .programme(.manageProgramme)) { _, context, granted in
            let scope = try granted.requireProgramme()
            let event = try await event(context, scope)
            guard let id = context.parameters.get("agendaID"), Identifier.isValid(id) else { throw AppError.notFound }
            try await services.programmeAgenda.removeSession(id, from: event, by: try granted.actor(), scope: scope)
            return .seeOther(SiteURL.programmeEvent(event.id).path + "#agenda", notice: .agendaRemoved)
        }
        routes.post(.programmeLinksRemove(.parameter), .programme(.manageProgramme)) { _, context, granted in
            let scope = try granted.requireProgramme()
            let event = try await event(context, scope)
            try await services.programmeAgenda.unlink(
                fields: context.form.fields, from: event, linkable: try await linkable(event, try granted.requireIdentity()).map(\.link),
                by: try granted.actor(), scope: scope)
            return .seeOther(SiteURL.programmeEvent(event.id).path + "#work", notice: .workUnlinked)
        }
        routes.get(.programmeTimeline(.parameter), .programme(.viewProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            guard let id = context.parameters.get("stateID"), Identifier.isValid(id), scope.includes(id),
                let state = try await records.states(scope).first(where: { $0.id == id })
            else { throw AppError.notFound }
            let page = ProgrammeTimelinePage.make(
                layout: context.layout(context.localizer("programme.timeline.title") + ": " + state.name, tlp: .amber, path: request.uri.path),
                state: state, events: try await programme.programmeEvents(scope, year: nil),
                requests: try await services.followUps.assistanceRequests(scope),
                recommendations: try await services.followUps.recommendations(scope),
                today: ProgrammeRecords.today())
            return .html(pages.render(page))
        }
    }

    private func event(_ context: AppRequestContext, _ scope: ProgrammeScope) async throws -> ProgrammeEvent {
        guard let id = context.parameters.get("eventID"), Identifier.isValid(id), let event = try await programme.programmeEvent(scope, id: id) else {
            throw AppError.notFound
        }
        return event
    }

    private func technologies(_ context: AppRequestContext) async throws -> [String: String] {
        try await reference.method()?.names(.technologies, in: context.localizer.language) ?? [:]
    }

    private func productsPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]?, failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireProgramme()
        let page = ProgrammeProductsPage.make(
            layout: context.layout(context.localizer("programme.product.title"), tlp: .amber, path: request.uri.path),
            products: try await agenda.knowledgeProducts(scope), technologies: try await technologies(context),
            canManage: Authorizer.allowsProgramme(try granted.requireIdentity(), .manageProgramme), csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure)
        return .html(pages.render(page), status: status)
    }

    // MARK: National work

    /// Every piece of national work of the event's states that the identity's own grants let it read: what an officer may
    /// link (a programme-wide grant opens no state's work, so an officer links only where they hold a grant).
    func linkable(_ event: ProgrammeEvent, _ identity: Identity) async throws -> [EventAgendaModel.Resolved] {
        var found: [EventAgendaModel.Resolved] = []
        for state in event.stateIDs.sorted() {
            for kind in EventLink.Kind.allCases {
                found += try await work(of: state, kind, identity)
            }
        }
        return found
    }

    /// The work of one kind in one state that the identity may read (none without the grant).
    private func work(of state: String, _ kind: EventLink.Kind, _ identity: Identity) async throws -> [EventAgendaModel.Resolved] {
        func link(_ id: String) -> EventLink { EventLink(eventID: "", stateID: state, kind: kind, targetID: id, role: .run) }
        switch kind {
        case .assessment:
            guard let scope = try? Authorizer.scope(identity, state: state, for: .viewAssessment) else { return [] }
            return try await services.assessments.records.list(scope).map {
                EventAgendaModel.Resolved(link: link($0.id), title: $0.title, href: SiteURL.assessment(state, $0.id).path)
            }
        case .capability:
            guard let scope = try? Authorizer.scope(identity, state: state, for: .viewCapability) else { return [] }
            return try await services.capability.capabilityAssessments(scope).map {
                EventAgendaModel.Resolved(link: link($0.id), title: $0.title, href: SiteURL.capabilityAssessment(state, capability: $0.id).path)
            }
        case .liveSession:
            guard let scope = try? Authorizer.scope(identity, state: state, for: .viewLiveSession) else { return [] }
            return try await services.live.liveSessions(scope).map {
                EventAgendaModel.Resolved(link: link($0.id), title: $0.title, href: SiteURL.liveSession(state, session: $0.id).path)
            }
        }
    }

    /// The event's agenda and linked work as the identity may see them, with the officer's forms.
    func model(
        _ event: ProgrammeEvent, identity: Identity, view: ProgrammeScope, canManage: Bool, names: [String: String], csrf: String,
        submitted: [String: String]?, failure: ValidationFailure?, _ t: Localizer
    ) async throws -> EventAgendaModel {
        let links = try await agenda.eventLinks(view, eventID: event.id)
        var resolved: [EventAgendaModel.Resolved] = []
        var cache: [String: [EventAgendaModel.Resolved]] = [:]
        for link in links {
            let key = link.stateID + "/" + link.kind.rawValue
            if cache[key] == nil { cache[key] = try await work(of: link.stateID, link.kind, identity) }
            // Shown only where the reader may open it: another state's work stays out of sight.
            if let found = cache[key]?.first(where: { $0.link.targetID == link.targetID }) {
                resolved.append(EventAgendaModel.Resolved(link: link, title: found.title, href: found.href))
            }
        }
        return EventAgendaModel.make(
            event: event, sessions: try await agenda.agenda(view, eventID: event.id), products: try await agenda.knowledgeProducts(view),
            linked: resolved, linkable: canManage ? try await linkable(event, identity) : nil, names: names, canManage: canManage, csrf: csrf,
            submitted: submitted, failure: failure, t)
    }
}
