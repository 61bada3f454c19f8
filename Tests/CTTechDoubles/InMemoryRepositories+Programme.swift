import CTTechCore

extension InMemoryRepositories: ProgrammeRepository {
    public func programmeEvents(_ scope: ProgrammeScope, year: Int?) async throws -> [ProgrammeEvent] {
        read { state in
            Array(
                state.programmeEvents.values.filter { scope.reaches($0) && (year == nil || $0.start.year == year) }
                    .sorted { ($0.start, $0.id) > ($1.start, $1.id) }.prefix(ProgrammeLimits.events))
        }
    }

    public func programmeEvent(_ scope: ProgrammeScope, id: String) async throws -> ProgrammeEvent? {
        read { $0.programmeEvents[id].flatMap { scope.reaches($0) ? $0 : nil } }
    }

    public func addProgrammeEvent(_ event: ProgrammeEvent, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard scope.governs(event) else { throw StoreConflict.missing }
        try transaction { state in
            state.programmeEvents[event.id] = event
            state.audit.append(audit)
        }
    }

    public func programmeRegistrations(_ scope: ProgrammeScope, eventID: String) async throws -> [(Registration, ProgrammePerson)] {
        read { state in
            state.registrations.filter { $0.eventID == eventID }.compactMap { registration in
                state.programmePeople[registration.personID].flatMap { scope.includes($0.stateID) ? (registration, $0) : nil }
            }
        }
    }

    public func registerParticipants(_ rows: [ParticipantImport.Row], eventID: String, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard rows.allSatisfy({ scope.includes($0.person.stateID) }) else { throw StoreConflict.missing }
        try transaction { state in
            guard let event = state.programmeEvents[eventID], scope.reaches(event) else { throw StoreConflict.missing }
            let registered = Set(
                state.registrations.filter { $0.eventID == eventID }.compactMap { registration in
                    state.personalData[registration.personID].flatMap { data in
                        state.programmePeople[registration.personID].map {
                            ParticipantImport.matchKey(name: data.name, contact: data.contact, stateID: $0.stateID)
                        }
                    }
                })
            try ProgrammeRuleViolation.checkNewRegistrations(rows, registered: registered)
            for row in rows { try ProgrammeRuleViolation.checkDays(row.attended, of: event) }
            for row in rows {
                state.programmePeople[row.person.id] = row.person
                state.personalData[row.person.id] = row.personal
                state.registrations.append(Registration(eventID: eventID, personID: row.person.id, attended: row.attended))
            }
            state.audit.append(audit)
        }
    }

    public func setAttendance(eventID: String, personID: String, days: Set<CalendarDate>, scope: ProgrammeScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let event = state.programmeEvents[eventID], scope.reaches(event) else { throw StoreConflict.missing }
            guard let index = state.registrations.firstIndex(where: { $0.eventID == eventID && $0.personID == personID }),
                let person = state.programmePeople[personID], scope.includes(person.stateID)
            else { throw ProgrammeRuleViolation.notRegistered }
            try ProgrammeRuleViolation.checkDays(days, of: event)
            state.registrations[index].attended = days
            state.audit.append(audit)
        }
    }

    public func personalData(_ scope: ProgrammeScope, personIDs: [String]) async throws -> [String: PersonalData] {
        guard scope.permission == .readPersonalData else { throw StoreConflict.missing }
        return read { state in
            var found: [String: PersonalData] = [:]
            for id in personIDs {
                if let person = state.programmePeople[id], scope.includes(person.stateID), let data = state.personalData[id] { found[id] = data }
            }
            return found
        }
    }

    public func duplicateSuggestions(_ scope: ProgrammeScope) async throws -> [DuplicateSuggestion] {
        read { state in
            var first: [String: ProgrammePerson] = [:]
            var suggestions: [DuplicateSuggestion] = []
            func events(_ id: String) -> [String] { state.registrations.filter { $0.personID == id }.map(\.eventID) }
            // Registry order: the order persons were registered in.
            var seen = Set<String>()
            for registration in state.registrations where seen.insert(registration.personID).inserted {
                guard let person = state.programmePeople[registration.personID], scope.includes(person.stateID),
                    let data = state.personalData[person.id]
                else { continue }
                let key = ParticipantImport.matchKey(name: data.name, contact: data.contact, stateID: person.stateID)
                if let keep = first[key] {
                    suggestions.append(DuplicateSuggestion(keep: keep, other: person, keepEvents: events(keep.id), otherEvents: events(person.id)))
                } else {
                    first[key] = person
                }
            }
            return Array(suggestions.prefix(ProgrammeLimits.suggestions))
        }
    }

    public func mergePeople(keepID: String, otherID: String, scope: ProgrammeScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let keep = state.programmePeople[keepID], let other = state.programmePeople[otherID], scope.includes(keep.stateID),
                scope.includes(other.stateID)
            else {
                if keepID == otherID { throw ProgrammeRuleViolation.notSamePerson }
                throw StoreConflict.missing
            }
            try ProgrammeRuleViolation.checkMerge(keep, other)
            for registration in state.registrations where registration.personID == otherID {
                if let index = state.registrations.firstIndex(where: { $0.personID == keepID && $0.eventID == registration.eventID }) {
                    state.registrations[index].attended.formUnion(registration.attended)
                } else {
                    state.registrations.append(Registration(eventID: registration.eventID, personID: keepID, attended: registration.attended))
                }
            }
            state.registrations.removeAll { $0.personID == otherID }
            state.programmePeople[otherID] = nil
            state.personalData[otherID] = nil
            state.audit.append(audit)
        }
    }

    public func purgeExpiredPersonalData(today: CalendarDate, actor: AuditActor) async throws -> Int {
        try transaction { state in
            let expired = state.personalData.keys.filter { id in state.programmePeople[id].map { $0.retainUntil < today } ?? false }
            for id in expired { state.personalData[id] = nil }
            state.audit.append(
                AuditEvent(
                    .programmePurge, by: actor, entity: "retention-" + today.description, state: nil,
                    ["removed": String(expired.count), "before": today.description]))
            return expired.count
        }
    }

    public func programmeEventCounts(_ scope: ProgrammeScope) async throws -> ProgrammeEventCounts {
        read { state in
            ProgrammeEventCounts(
                events: state.programmeEvents.values.filter { scope.reaches($0) }, regions: state.states.mapValues(\.region))
        }
    }

    public func programmeEventFigures(_ scope: ProgrammeScope, year: Int) async throws -> [String: [String: Int]] {
        try await programmeFigures(scope, year: year).byEvent
    }

    public func programmeFigures(_ scope: ProgrammeScope, year: Int?, byEvent: Bool) async throws -> ProgrammeFigures {
        read { state in
            let events = state.programmeEvents.filter { year == nil || $0.value.start.year == year }
            let people = state.programmePeople.filter { scope.includes($0.value.stateID) }
            let registrations = state.registrations.filter { events[$0.eventID] != nil && people[$0.personID] != nil }
            var figures = ProgrammeFigures(registrations: registrations, events: events, people: people)
            if !byEvent { figures.byEvent = [:] }
            return figures
        }
    }
}
