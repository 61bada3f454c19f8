import CTTechCore

extension InMemoryRepositories: ProgrammeAgendaRepository {
    public func knowledgeProducts(_ scope: ProgrammeScope) async throws -> [KnowledgeProduct] {
        read { Array($0.products.values.sorted { ($0.title, $0.id) < ($1.title, $1.id) }.prefix(ProgrammeLimits.products)) }
    }

    public func addKnowledgeProduct(_ product: KnowledgeProduct, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard scope.permission == .manageProgramme else { throw StoreConflict.missing }
        try transaction { state in
            state.products[product.id] = product
            state.audit.append(audit)
        }
    }

    public func agenda(_ scope: ProgrammeScope, eventID: String) async throws -> [AgendaSession] {
        read { state in
            guard let event = state.programmeEvents[eventID], scope.reaches(event) else { return [] }
            return state.agendaSessions.filter { $0.eventID == eventID }.sorted {
                ($0.day, $0.starts.isEmpty ? 1 : 0, $0.starts) < ($1.day, $1.starts.isEmpty ? 1 : 0, $1.starts)
            }
        }
    }

    public func addAgendaSession(_ session: AgendaSession, scope: ProgrammeScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let event = state.programmeEvents[session.eventID], scope.governs(event) else { throw StoreConflict.missing }
            state.agendaSessions.append(session)
            state.audit.append(audit)
        }
    }

    public func presentations(_ scope: ProgrammeScope, productID: String) async throws -> [AgendaSession] {
        read { state in
            state.agendaSessions.filter { session in
                session.productIDs.contains(productID) && state.programmeEvents[session.eventID].map(scope.reaches) == true
            }.sorted { $0.day > $1.day }
        }
    }

    public func eventLinks(_ scope: ProgrammeScope, eventID: String) async throws -> [EventLink] {
        read { state in state.eventLinks.filter { $0.eventID == eventID && scope.includes($0.stateID) } }
    }

    public func addEventLink(_ link: EventLink, scope: ProgrammeScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let event = state.programmeEvents[link.eventID], scope.governs(event), event.stateIDs.contains(link.stateID) else {
                throw StoreConflict.missing
            }
            if state.eventLinks.contains(where: { ($0.eventID, $0.kind, $0.targetID, $0.role) == (link.eventID, link.kind, link.targetID, link.role) }
            ) {
                throw StoreConflict.duplicate(field: "target")
            }
            state.eventLinks.append(link)
            state.audit.append(audit)
        }
    }

    public func removeAgendaSession(eventID: String, sessionID: String, scope: ProgrammeScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let event = state.programmeEvents[eventID], scope.governs(event),
                let index = state.agendaSessions.firstIndex(where: { $0.id == sessionID && $0.eventID == eventID })
            else { throw StoreConflict.missing }
            state.agendaSessions.remove(at: index)
            state.audit.append(audit)
        }
    }

    public func removeEventLink(_ link: EventLink, scope: ProgrammeScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let event = state.programmeEvents[link.eventID], scope.governs(event),
                let index = state.eventLinks.firstIndex(where: {
                    ($0.eventID, $0.kind, $0.targetID, $0.role) == (link.eventID, link.kind, link.targetID, link.role)
                })
            else { throw StoreConflict.missing }
            state.eventLinks.remove(at: index)
            state.audit.append(audit)
        }
    }
}
