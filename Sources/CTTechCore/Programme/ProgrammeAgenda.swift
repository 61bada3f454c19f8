/// The programme officer's registry of knowledge products, the agendas of events and their links to national work
/// (issue 13). Every write is audited; a refusal writes nothing.
public struct ProgrammeAgenda: Sendable {
    let agenda: any ProgrammeAgendaRepository
    let programme: any ProgrammeRepository
    let reference: any ReferenceDataRepository

    public init(agenda: any ProgrammeAgendaRepository, programme: any ProgrammeRepository, reference: any ReferenceDataRepository) {
        self.agenda = agenda
        self.programme = programme
        self.reference = reference
    }

    public func addProduct(_ draft: KnowledgeProductDraft, by actor: AuditActor, scope: ProgrammeScope) async throws -> KnowledgeProduct {
        let technologies = Set((try await reference.method())?.items(.technologies).map(\.code) ?? [])
        let product = try draft.validated(id: Identifier.make(), technologies: technologies)
        try await agenda.addKnowledgeProduct(
            product, scope: scope, audit: AuditEvent(.productCreate, by: actor, entity: product.id, state: nil, ["title": product.title]))
        return product
    }

    /// Adds a session to an event the scope governs.
    public func addSession(
        _ draft: AgendaSessionDraft, to event: ProgrammeEvent, by actor: AuditActor, scope: ProgrammeScope
    ) async throws
        -> AgendaSession
    {
        guard scope.governs(event) else { throw StoreConflict.missing }
        let products = Set(try await agenda.knowledgeProducts(scope).map(\.id))
        let session = try draft.validated(id: Identifier.make(), event: event, products: products)
        try await agenda.addAgendaSession(
            session, scope: scope,
            audit: AuditEvent(
                .agendaAdd, by: actor, entity: event.id, state: event.stateIDs.count == 1 ? event.stateIDs.first : nil,
                ["session": session.title, "products": String(session.productIDs.count)]))
        return session
    }

    /// Links national work to an event: `target` (`<kind>:<id>`, one of `linkable`) and `role`. `linkable`: what the
    /// officer may link — the work of the event's states that their own grants let them read (the caller lists it).
    public func link(
        fields: [String: String], to event: ProgrammeEvent, linkable: [EventLink], by actor: AuditActor, scope: ProgrammeScope
    ) async throws -> EventLink {
        guard scope.governs(event) else { throw StoreConflict.missing }
        var v = Validator()
        let target = (fields["target"] ?? "").trimmingWhitespace()
        let chosen = linkable.first { $0.kind.rawValue + ":" + $0.targetID == target && event.stateIDs.contains($0.stateID) }
        if chosen == nil { v.add("target", "validation.programme.link-target") }
        let role = EventLink.Role(rawValue: (fields["role"] ?? "").trimmingWhitespace())
        if role == nil { v.add("role", "validation.one-of", ["values": EventLink.Role.allCases.map(\.rawValue).joined(separator: ", ")]) }
        if let role, role != .run, event.kind != .followUpVisit { v.add("role", "validation.programme.link-role") }
        try v.check()
        guard var link = chosen, let role else { throw ValidationFailure(field: "target", "validation.required") }
        link.eventID = event.id
        link.role = role
        try await agenda.addEventLink(
            link, scope: scope,
            audit: AuditEvent(
                .eventLink, by: actor, entity: event.id, state: link.stateID,
                ["kind": link.kind.rawValue, "target": link.targetID, "role": role.rawValue]))
        return link
    }

    /// Removes a session from the agenda of an event the scope governs (a mistake corrected; the entry keeps its title).
    public func removeSession(_ sessionID: String, from event: ProgrammeEvent, by actor: AuditActor, scope: ProgrammeScope) async throws {
        guard scope.governs(event), let session = try await agenda.agenda(scope, eventID: event.id).first(where: { $0.id == sessionID })
        else { throw StoreConflict.missing }
        try await agenda.removeAgendaSession(
            eventID: event.id, sessionID: session.id, scope: scope,
            audit: AuditEvent(
                .agendaRemove, by: actor, entity: event.id, state: event.stateIDs.count == 1 ? event.stateIDs.first : nil,
                ["session": session.title]))
    }

    /// Unlinks work from an event: `target` (`<kind>:<id>`) and `role` name one of its links, which must be among
    /// `linkable` — an officer unlinks only what their own grants let them read, as they link.
    public func unlink(
        fields: [String: String], from event: ProgrammeEvent, linkable: [EventLink], by actor: AuditActor, scope: ProgrammeScope
    ) async throws {
        guard scope.governs(event) else { throw StoreConflict.missing }
        let target = (fields["target"] ?? "").trimmingWhitespace()
        let role = (fields["role"] ?? "").trimmingWhitespace()
        let readable = Set(linkable.map { $0.kind.rawValue + ":" + $0.targetID })
        guard readable.contains(target),
            let link = try await agenda.eventLinks(scope, eventID: event.id).first(where: {
                $0.kind.rawValue + ":" + $0.targetID == target && $0.role.rawValue == role
            })
        else { throw StoreConflict.missing }
        try await agenda.removeEventLink(
            link, scope: scope,
            audit: AuditEvent(
                .eventUnlink, by: actor, entity: event.id, state: link.stateID,
                ["kind": link.kind.rawValue, "target": link.targetID, "role": link.role.rawValue]))
    }
}
