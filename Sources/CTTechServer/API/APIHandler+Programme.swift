import CTTechAPI
import CTTechCore
import CTTechStore
import Foundation
import OpenAPIRuntime

/// Issue 13 through the JSON API: the programme's events, published figures, requests, recommendations and knowledge
/// products under a ``ProgrammeScope`` (the web's permissions: a donor reads the figures only), and the good practices
/// partner states share, under the viewing state's ``TenantScope`` (a practice outside its reach answers 404).
extension APIHandler {
    // MARK: Access

    private func programmeScope(_ permission: Permission) throws -> ProgrammeScope {
        try Authorizer.programme(try identity(), for: permission)
    }

    private func practiceScope(_ stateID: String, _ permission: Permission) throws -> TenantScope {
        guard Identifier.isValid(stateID) else { throw AppError.notFound }
        return try Authorizer.scope(try identity(), state: stateID, for: permission)
    }

    private func practice(_ scope: TenantScope, _ id: String) async throws -> SharedPractice {
        guard Identifier.isValid(id), let practice = try await services.practices.practice(scope, id: id) else { throw AppError.notFound }
        return practice
    }

    // MARK: Events and figures

    func listProgrammeEvents(_ input: Operations.ListProgrammeEvents.Input) async throws -> Operations.ListProgrammeEvents.Output {
        let scope = try programmeScope(.viewProgramme)
        try ProgrammeController.checkYear(input.query.year)
        return .ok(.init(body: .json(try await services.programme.programmeEvents(scope, year: input.query.year).map(Self.eventSchema))))
    }

    func getProgrammeEvent(_ input: Operations.GetProgrammeEvent.Input) async throws -> Operations.GetProgrammeEvent.Output {
        let scope = try programmeScope(.viewProgramme)
        guard Identifier.isValid(input.path.eventId), let event = try await services.programme.programmeEvent(scope, id: input.path.eventId) else {
            throw AppError.notFound
        }
        // Who attended, by state and sex, protected as the event page publishes it: aggregates only.
        let registrations = try await services.programme.programmeRegistrations(scope, eventID: event.id)
        let figures = ProgrammeFigures(
            registrations: registrations.map(\.0), events: [event.id: event],
            people: Dictionary(registrations.map { ($0.1.id, $0.1) }, uniquingKeysWith: { first, _ in first }))
        let names = Dictionary(
            try await services.programmeRecords.states(scope).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let table = PublishedTable.byState(figures, names: names, minimum: services.configuration.minimumCell)
        return .ok(
            .init(
                body: .json(
                    .init(
                        event: Self.eventSchema(event),
                        agenda: try await services.agenda.agenda(scope, eventID: event.id).map {
                            .init(
                                id: $0.id, day: $0.day.description, starts: $0.starts, title: $0.title, presenter: $0.presenter,
                                productIds: $0.productIDs,
                                steps: $0.steps)
                        }, participants: Self.tableSchema(table)))))
    }

    func createProgrammeEvent(_ input: Operations.CreateProgrammeEvent.Input) async throws -> Operations.CreateProgrammeEvent.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        var fields = [
            "kind": body.kind.rawValue, "title": body.title, "start": body.start, "end": body.end ?? "", "venue": body.venue ?? "", "city": body.city,
            "organisers": (body.organisers ?? []).joined(separator: "\n"), "facilitators": (body.facilitators ?? []).joined(separator: "\n"),
        ]
        for state in body.stateIds { fields["state." + state] = "on" }
        let event = try await Self.inProgrammeTerms {
            try await services.programmeRecords.createEvent(ProgrammeEventDraft(fields: fields), by: try identity().actor, scope: scope)
        }
        return .created(.init(body: .json(Self.eventSchema(event))))
    }

    func addAgendaSession(_ input: Operations.AddAgendaSession.Input) async throws -> Operations.AddAgendaSession.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        guard Identifier.isValid(input.path.eventId), let event = try await services.programme.programmeEvent(scope, id: input.path.eventId) else {
            throw AppError.notFound
        }
        var fields = ["day": body.day, "starts": body.starts ?? "", "title": body.title, "presenter": body.presenter ?? ""]
        for product in body.productIds ?? [] { fields["product." + product] = "on" }
        for step in body.steps ?? [] { fields["step.\(step)"] = "on" }
        let session = try await Self.inProgrammeTerms {
            try await services.programmeAgenda.addSession(AgendaSessionDraft(fields: fields), to: event, by: try identity().actor, scope: scope)
        }
        return .created(
            .init(
                body: .json(
                    .init(
                        id: session.id, day: session.day.description, starts: session.starts, title: session.title, presenter: session.presenter,
                        productIds: session.productIDs, steps: session.steps))))
    }

    // MARK: Participants, attendance, duplicates, linked work

    private func managedEvent(_ id: String, _ scope: ProgrammeScope) async throws -> ProgrammeEvent {
        guard Identifier.isValid(id), let event = try await services.programme.programmeEvent(scope, id: id) else { throw AppError.notFound }
        return event
    }

    /// Name and contact of the given persons where the caller may read personal data (none otherwise, and none once purged).
    private func personal(_ people: [ProgrammePerson]) async throws -> [String: PersonalData] {
        guard let reading = try? Authorizer.programme(try identity(), for: .readPersonalData) else { return [:] }
        return try await services.programme.personalData(reading, personIDs: people.filter { reading.includes($0.stateID) }.map(\.id))
    }

    func listParticipants(_ input: Operations.ListParticipants.Input) async throws -> Operations.ListParticipants.Output {
        let scope = try programmeScope(.manageProgramme)
        let event = try await managedEvent(input.path.eventId, scope)
        let registrations = try await services.programme.programmeRegistrations(scope, eventID: event.id)
        let personal = try await personal(registrations.map(\.1))
        return .ok(
            .init(body: .json(registrations.map { Self.participantSchema($0.1, attended: $0.0.attended, personal: personal[$0.1.id]) })))
    }

    func importParticipants(_ input: Operations.ImportParticipants.Input) async throws -> Operations.ImportParticipants.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        let event = try await managedEvent(input.path.eventId, scope)
        let bytes = Array(body.csv.utf8)
        // Field names as the body spells them: `csv` for the file, `<line>:<column>` for a cell.
        let count = try await Self.inProgrammeTerms {
            try await services.programmeRecords.importParticipants(
                bytes, into: event,
                defaults: try ParticipantImport.Defaults(
                    fields: [
                        "consentPurpose": body.consentPurpose, "consentMethod": body.consentMethod, "consentDate": body.consentDate,
                        "retainUntil": body.retainUntil,
                    ], fileIsEmpty: bytes.isEmpty),
                by: try identity().actor, scope: scope)
        }
        return .created(.init(body: .json(.init(imported: count))))
    }

    func recordAttendance(_ input: Operations.RecordAttendance.Input) async throws -> Operations.RecordAttendance.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        let event = try await managedEvent(input.path.eventId, scope)
        guard Identifier.isValid(input.path.personId) else { throw AppError.notFound }
        var fields: [String: String] = [:]
        for day in body.days { fields["day." + day] = "on" }
        do {
            try await services.programmeRecords.recordAttendance(
                fields: fields, personID: input.path.personId, event: event, by: try identity().actor, scope: scope)
        } catch ProgrammeRuleViolation.notRegistered {
            throw AppError.notFound
        }
        return .ok(.init(body: .json(.init(days: Set(body.days.compactMap(CalendarDate.init)).sorted().map(\.description)))))
    }

    func removeAgendaSession(_ input: Operations.RemoveAgendaSession.Input) async throws -> Operations.RemoveAgendaSession.Output {
        let scope = try programmeScope(.manageProgramme)
        let event = try await managedEvent(input.path.eventId, scope)
        guard Identifier.isValid(input.path.agendaSessionId) else { throw AppError.notFound }
        try await services.programmeAgenda.removeSession(input.path.agendaSessionId, from: event, by: try identity().actor, scope: scope)
        return .noContent(.init())
    }

    func unlinkEventWork(_ input: Operations.UnlinkEventWork.Input) async throws -> Operations.UnlinkEventWork.Output {
        let scope = try programmeScope(.manageProgramme)
        let event = try await managedEvent(input.path.eventId, scope)
        let linkable = try await ProgrammeAgendaController(services).linkable(event, try identity()).map(\.link)
        try await services.programmeAgenda.unlink(
            fields: [
                "target": input.path.workKind.rawValue + ":" + input.path.targetId, "role": input.query.role?.rawValue ?? EventLink.Role.run.rawValue,
            ], from: event, linkable: linkable, by: try identity().actor, scope: scope)
        return .noContent(.init())
    }

    func listDuplicateSuggestions(
        _ input: Operations.ListDuplicateSuggestions.Input
    ) async throws
        -> Operations.ListDuplicateSuggestions.Output
    {
        let suggestions = try await services.programme.duplicateSuggestions(try programmeScope(.manageProgramme))
        let personal = try await personal(suggestions.flatMap { [$0.keep, $0.other] })
        return .ok(
            .init(
                body: .json(
                    suggestions.map {
                        .init(
                            keep: Self.participantSchema($0.keep, attended: nil, personal: personal[$0.keep.id]),
                            other: Self.participantSchema($0.other, attended: nil, personal: personal[$0.other.id]), keepEvents: $0.keepEvents,
                            otherEvents: $0.otherEvents)
                    })))
    }

    func mergeDuplicate(_ input: Operations.MergeDuplicate.Input) async throws -> Operations.MergeDuplicate.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        guard Identifier.isValid(body.keepId), Identifier.isValid(body.otherId) else { throw AppError.notFound }
        try await services.programmeRecords.merge(keepID: body.keepId, otherID: body.otherId, by: try identity().actor, scope: scope)
        return .noContent(.init())
    }

    func listEventLinks(_ input: Operations.ListEventLinks.Input) async throws -> Operations.ListEventLinks.Output {
        let scope = try programmeScope(.viewProgramme)
        let event = try await managedEvent(input.path.eventId, scope)
        // Only the work the caller's own grants let them read: a link does not open another state's assessment.
        let readable = Set(
            try await ProgrammeAgendaController(services).linkable(event, try identity()).map { $0.link.kind.rawValue + ":" + $0.link.targetID })
        let links = try await services.agenda.eventLinks(scope, eventID: event.id).filter { readable.contains($0.kind.rawValue + ":" + $0.targetID) }
        return .ok(.init(body: .json(links.map(Self.linkSchema))))
    }

    func linkEventWork(_ input: Operations.LinkEventWork.Input) async throws -> Operations.LinkEventWork.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        let event = try await managedEvent(input.path.eventId, scope)
        let linkable = try await ProgrammeAgendaController(services).linkable(event, try identity()).map(\.link)
        let link = try await Self.inProgrammeTerms {
            try await services.programmeAgenda.link(
                fields: ["target": body.kind.rawValue + ":" + body.targetId, "role": body.role?.rawValue ?? EventLink.Role.run.rawValue], to: event,
                linkable: linkable, by: try identity().actor, scope: scope)
        }
        return .created(.init(body: .json(Self.linkSchema(link))))
    }

    func createKnowledgeProduct(_ input: Operations.CreateKnowledgeProduct.Input) async throws -> Operations.CreateKnowledgeProduct.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        var fields = [
            "title": body.title, "kind": body.kind.rawValue, "year": String(body.year), "audience": body.audience ?? "", "link": body.link ?? "",
            "summary": body.summary ?? "",
        ]
        for language in body.languages { fields["language." + language] = "on" }
        for topic in body.topics ?? [] { fields["topic." + topic] = "on" }
        let product = try await services.programmeAgenda.addProduct(KnowledgeProductDraft(fields: fields), by: try identity().actor, scope: scope)
        return .created(.init(body: .json(Self.productSchema(product))))
    }

    func createRecommendation(_ input: Operations.CreateRecommendation.Input) async throws -> Operations.CreateRecommendation.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        guard body.items.count <= RecommendationDraft.itemRows else {
            throw ValidationFailure(field: "items", "validation.programme.too-many-items", ["max": String(RecommendationDraft.itemRows)])
        }
        var fields = ["state": body.stateId, "event": body.eventId, "text": body.text, "madeOn": body.madeOn]
        for (index, item) in body.items.enumerated() {
            fields["item.\(index + 1).action"] = item.action
            fields["item.\(index + 1).owner"] = item.ownerAgency
            fields["item.\(index + 1).due"] = item.due
        }
        let recommendation = try await Self.inProgrammeTerms {
            try await services.programmeFollowUp.addRecommendation(
                RecommendationDraft(fields: fields), states: Set(try await services.programmeRecords.states(scope).map(\.id)),
                by: try identity().actor,
                scope: scope)
        }
        return .created(.init(body: .json(Self.recommendationSchema(recommendation))))
    }

    func recordActionItem(_ input: Operations.RecordActionItem.Input) async throws -> Operations.RecordActionItem.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        let id = input.path.actionId
        guard Identifier.isValid(id),
            let recommendation = try await services.followUps.recommendations(scope).first(where: { $0.items.contains { $0.id == id } }),
            let item = recommendation.items.first(where: { $0.id == id })
        else { throw AppError.notFound }
        let recorded = try await services.programmeFollowUp.recordItem(
            item, stateID: recommendation.stateID, fields: ["status": body.status.rawValue, "evidence": body.evidence ?? ""],
            by: try identity().actor,
            scope: scope)
        return .ok(.init(body: .json(Self.itemSchema(recorded))))
    }

    /// The web forms name a few fields as their controls (`state`, `event`, `item.1.action`…); the API names them as its
    /// bodies spell them.
    static func inProgrammeTerms<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let failure as ValidationFailure {
            throw ValidationFailure(
                failure.issues.map { issue in
                    var field = programmeFieldNames[issue.field] ?? issue.field
                    if field.hasPrefix("item."), let number = Int(field.split(separator: ".")[1]) {
                        let part = field.split(separator: ".").last.map(String.init) ?? ""
                        field = "items[\(number - 1)].\(part == "owner" ? "ownerAgency" : part)"
                    }
                    return FieldIssue(field: field, issue.problem)
                })
        }
    }

    static let programmeFieldNames = [
        "state": "stateId", "event": "eventId", "states": "stateIds", "products": "productIds", "topics": "topics", "target": "targetId",
        "0:file": "csv", "0:consentPurpose": "consentPurpose", "0:consentMethod": "consentMethod", "0:consentDate": "consentDate",
        "0:retainUntil": "retainUntil",
    ]

    func getProgrammeFigures(_ input: Operations.GetProgrammeFigures.Input) async throws -> Operations.GetProgrammeFigures.Output {
        let scope = try programmeScope(.viewProgrammeAggregates)
        try ProgrammeController.checkYear(input.query.year)
        let programme = services.programme
        let minimum = services.configuration.minimumCell
        let table: PublishedTable
        switch input.query.table ?? .participantsByState {
        case .participantsByState:
            let names = Dictionary(
                try await services.programmeRecords.states(scope).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            table = PublishedTable.byState(try await programme.programmeFigures(scope, year: nil, byEvent: false), names: names, minimum: minimum)
        case .participantsByYear:
            table = PublishedTable.byYear(try await programme.programmeFigures(scope, year: nil, byEvent: false), minimum: minimum)
        case .participantsByEvent:
            let counts = try await programme.programmeEventCounts(scope)
            var events: [ProgrammeEvent] = []
            var byEvent: [String: [String: Int]] = [:]
            let figures = try await programme.programmeFigures(scope, year: nil, byEvent: false)
            if let year = counts.shownYear(asked: input.query.year, figures: figures) {
                events = try await programme.programmeEvents(scope, year: year)
                byEvent = try await programme.programmeEventFigures(scope, year: year)
            }
            table = PublishedTable.byEvent(byEvent, events: events.sorted { ($0.start, $0.id) < ($1.start, $1.id) }, minimum: minimum)
        }
        return .ok(.init(body: .json(Self.tableSchema(table))))
    }

    // MARK: Requests, recommendations, products

    func listAssistanceRequests(_ input: Operations.ListAssistanceRequests.Input) async throws -> Operations.ListAssistanceRequests.Output {
        .ok(.init(body: .json(try await services.followUps.assistanceRequests(try programmeScope(.viewProgramme)).map(Self.requestSchema))))
    }

    func createAssistanceRequest(_ input: Operations.CreateAssistanceRequest.Input) async throws -> Operations.CreateAssistanceRequest.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        var fields = [
            "state": body.stateId, "askedBy": body.askedBy, "event": body.eventId ?? "", "summary": body.summary, "receivedOn": body.receivedOn,
        ]
        for topic in body.topics { fields["topic." + topic] = "on" }
        let request = try await Self.inProgrammeTerms {
            try await services.programmeFollowUp.addRequest(
                AssistanceRequestDraft(fields: fields), states: Set(try await services.programmeRecords.states(scope).map(\.id)),
                by: try identity().actor, scope: scope)
        }
        return .created(.init(body: .json(Self.requestSchema(request))))
    }

    func moveAssistanceRequest(_ input: Operations.MoveAssistanceRequest.Input) async throws -> Operations.MoveAssistanceRequest.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try programmeScope(.manageProgramme)
        guard Identifier.isValid(input.path.requestId),
            let stored = try await services.followUps.assistanceRequests(scope).first(where: { $0.id == input.path.requestId })
        else { throw AppError.notFound }
        let moved = try await services.programmeFollowUp.moveRequest(
            stored, fields: ["to": body.to.rawValue, "reason": body.reason ?? "", "answeredBy": body.answeredBy ?? ""],
            today: ProgrammeRecords.today(),
            by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(Self.requestSchema(moved))))
    }

    func listRecommendations(_ input: Operations.ListRecommendations.Input) async throws -> Operations.ListRecommendations.Output {
        .ok(
            .init(
                body: .json(
                    try await services.followUps.recommendations(try programmeScope(.viewProgramme)).map(Self.recommendationSchema))))
    }

    func listKnowledgeProducts(_ input: Operations.ListKnowledgeProducts.Input) async throws -> Operations.ListKnowledgeProducts.Output {
        .ok(
            .init(
                body: .json(
                    try await services.agenda.knowledgeProducts(try programmeScope(.viewProgramme)).map(Self.productSchema))))
    }

    // MARK: Good practices

    func listPractices(_ input: Operations.ListPractices.Input) async throws -> Operations.ListPractices.Output {
        let scope = try practiceScope(input.path.stateId, .viewPractices)
        return .ok(.init(body: .json(try await services.practices.practices(scope).map { Self.practiceSchema($0, viewer: scope.stateID) })))
    }

    func getPractice(_ input: Operations.GetPractice.Input) async throws -> Operations.GetPractice.Output {
        let scope = try practiceScope(input.path.stateId, .viewPractices)
        let found = try await practice(scope, input.path.practiceId)
        return .ok(
            .init(
                body: .json(
                    .init(
                        practice: Self.practiceSchema(found, viewer: scope.stateID),
                        comments: try await services.practices.practiceComments(scope, practiceID: found.id).map(Self.commentSchema)))))
    }

    func sharePractice(_ input: Operations.SharePractice.Input) async throws -> Operations.SharePractice.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try practiceScope(input.path.stateId, .sharePractice)
        var fields = [
            "kind": body.kind.rawValue, "title": body.title, "body": body.body, "tlp": body.tlp.rawValue, "scope": body.scope.rawValue,
            "region": body.region ?? "",
        ]
        for recipient in body.recipients ?? [] { fields["recipient." + recipient] = "on" }
        let shared = try await services.practiceExchange.share(
            SharedPracticeDraft(fields: fields), today: ProgrammeRecords.today(), by: try identity().actor, scope: scope)
        return .created(.init(body: .json(Self.practiceSchema(shared, viewer: scope.stateID))))
    }

    func commentOnPractice(_ input: Operations.CommentOnPractice.Input) async throws -> Operations.CommentOnPractice.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try practiceScope(input.path.stateId, .viewPractices)
        let found = try await practice(scope, input.path.practiceId)
        // A withdrawn practice takes no more comments: a state of the record, not a problem of the body.
        if found.withdrawn { throw AppError.conflict(Message("validation.practice-withdrawn")) }
        let comment = try await services.practiceExchange.comment(
            on: found, fields: ["kind": body.kind.rawValue, "body": body.body], today: ProgrammeRecords.today(), by: try identity().actor,
            scope: scope)
        return .created(.init(body: .json(Self.commentSchema(comment))))
    }

    func withdrawPractice(_ input: Operations.WithdrawPractice.Input) async throws -> Operations.WithdrawPractice.Output {
        let scope = try practiceScope(input.path.stateId, .sharePractice)
        let found = try await practice(scope, input.path.practiceId)
        // Another state's practice is not this state's to withdraw: as absent as a missing one. The call is the
        // confirmation (the web form asks for a tick).
        guard found.stateID == scope.stateID else { throw AppError.notFound }
        // Withdrawing twice is a state of the record, not a problem of the (empty) body.
        if found.withdrawn { throw AppError.conflict(Message("validation.practice-withdrawn")) }
        let withdrawn = try await services.practiceExchange.withdraw(
            found, confirmed: true, today: ProgrammeRecords.today(), by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(Self.practiceSchema(withdrawn, viewer: scope.stateID))))
    }

    // MARK: Schemas

    static func eventSchema(_ event: ProgrammeEvent) -> Components.Schemas.ProgrammeEvent {
        .init(
            id: event.id, kind: .init(rawValue: event.kind.rawValue) ?? .training, title: event.title, stateIds: event.stateIDs,
            start: event.start.description, end: event.end.description, venue: event.venue, city: event.city, organisers: event.organisers,
            facilitators: event.facilitators)
    }

    static func participantSchema(
        _ person: ProgrammePerson, attended: Set<CalendarDate>?, personal: PersonalData?
    )
        -> Components.Schemas.Participant
    {
        .init(
            personId: person.id, stateId: person.stateID, sex: person.sex, ageBand: person.ageBand, agency: person.agency,
            agencyType: person.agencyType, role: person.role,
            consent: .init(purpose: person.consent.purpose, givenOn: person.consent.givenOn.description, method: person.consent.method),
            retainUntil: person.retainUntil.description, attended: attended.map { $0.sorted().map(\.description) },
            personal: personal.map { .init(name: $0.name, contact: $0.contact) })
    }

    static func linkSchema(_ link: EventLink) -> Components.Schemas.EventLink {
        .init(
            kind: .init(rawValue: link.kind.rawValue) ?? .assessment, targetId: link.targetID, stateId: link.stateID,
            role: .init(rawValue: link.role.rawValue))
    }

    static func productSchema(_ p: KnowledgeProduct) -> Components.Schemas.KnowledgeProduct {
        .init(
            id: p.id, title: p.title, kind: .init(rawValue: p.kind.rawValue) ?? .other, languages: p.languages, year: p.year, audience: p.audience,
            topics: p.topics, link: p.link, summary: p.summary)
    }

    static func itemSchema(_ item: ActionItem) -> Components.Schemas.ActionItem {
        .init(
            id: item.id, action: item.action, ownerAgency: item.ownerAgency, due: item.due.description,
            status: .init(rawValue: item.status.rawValue) ?? .open, evidence: item.evidence)
    }

    static func recommendationSchema(_ r: Recommendation) -> Components.Schemas.Recommendation {
        .init(id: r.id, stateId: r.stateID, eventId: r.eventID, text: r.text, madeOn: r.madeOn.description, items: r.items.map(itemSchema))
    }

    static func tableSchema(_ table: PublishedTable) -> Components.Schemas.PublishedTable {
        .init(
            columns: table.columns,
            rows: table.rows.map { .init(key: $0.key, label: $0.label, cells: $0.cells, total: $0.total) }, columnTotals: table.columnTotals,
            total: table.total, suppressed: table.suppressedCount)
    }

    static func requestSchema(_ request: AssistanceRequest) -> Components.Schemas.AssistanceRequest {
        .init(
            id: request.id, stateId: request.stateID, askedBy: request.askedBy, eventId: request.eventID, topics: request.topics,
            summary: request.summary, status: .init(rawValue: request.status.rawValue) ?? .received, receivedOn: request.receivedOn.description,
            changedOn: request.changedOn.description, declineReason: request.declineReason, answeredBy: request.answeredBy)
    }

    /// A practice as `viewer` may read it: the recipients it names only for the state that shares it.
    static func practiceSchema(_ practice: SharedPractice, viewer: String) -> Components.Schemas.Practice {
        var region: String?
        var recipients: [String]?
        switch practice.scope {
        case .region(let r): region = r.rawValue
        case .states(let ids): recipients = practice.stateID == viewer ? ids : nil
        case .allPartners: break
        }
        return .init(
            id: practice.id, stateId: practice.stateID, kind: .init(rawValue: practice.kind.rawValue) ?? ._case, title: practice.title,
            body: practice.body, tlp: .init(rawValue: practice.tlp.rawValue) ?? .red, scope: .init(rawValue: practice.scope.kind) ?? .states,
            region: region, recipients: recipients, sharedOn: practice.sharedOn.description, withdrawnOn: practice.withdrawnOn?.description)
    }

    static func commentSchema(_ comment: PracticeComment) -> Components.Schemas.PracticeComment {
        .init(
            id: comment.id, stateId: comment.stateID, kind: .init(rawValue: comment.kind.rawValue) ?? .comment, body: comment.body,
            postedOn: comment.postedOn.description)
    }
}
