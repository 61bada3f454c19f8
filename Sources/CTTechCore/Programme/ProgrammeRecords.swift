import Foundation

/// The programme officer's records (issue 13): events, the participant lists imported for them, attendance, duplicate
/// persons confirmed by the officer, and the retention purge. Focal points, facilitators and donors read through the same
/// use case with narrower scopes.
public struct ProgrammeRecords: Sendable {
    let programme: any ProgrammeRepository
    let states: any PartnerStateRepository

    public init(programme: any ProgrammeRepository, states: any PartnerStateRepository) {
        self.programme = programme
        self.states = states
    }

    /// The partner states the scope reaches, by name.
    public func states(_ scope: ProgrammeScope) async throws -> [PartnerState] {
        try await states.list(visible: scope.states)
    }

    /// Adds an event for states the officer is granted.
    public func createEvent(_ draft: ProgrammeEventDraft, by actor: AuditActor, scope: ProgrammeScope) async throws -> ProgrammeEvent {
        let known = Set(try await states(scope).map(\.id))
        let event = try draft.validated(id: Identifier.make(), known: known)
        try await programme.addProgrammeEvent(
            event, scope: scope,
            audit: AuditEvent(
                .programmeEventCreate, by: actor, entity: event.id, state: event.stateIDs.count == 1 ? event.stateIDs.first : nil,
                ["kind": event.kind.rawValue, "title": event.title, "states": String(event.stateIDs.count)]))
        return event
    }

    /// Reads a participant list (``ParticipantImport``) and registers every row, or nothing. Returns how many.
    public func importParticipants(
        _ bytes: [UInt8], into event: ProgrammeEvent, defaults: ParticipantImport.Defaults, by actor: AuditActor, scope: ProgrammeScope
    ) async throws -> Int {
        let all = try await states.list(visible: SystemAuthority.allStates)
        let codes = Dictionary(all.map { ($0.code.uppercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        let parsed = try ParticipantImport(bytes: bytes, event: event, stateCodes: codes, defaults: defaults)
        // A state of the event the officer is not granted: its people are not theirs to register.
        if let line = parsed.rows.first(where: { !scope.includes($0.person.stateID) })?.line {
            throw ValidationFailure(field: "\(line):state", "validation.programme.state-not-granted")
        }
        try await programme.registerParticipants(
            parsed.rows, eventID: event.id, scope: scope,
            audit: AuditEvent(
                .programmeImport, by: actor, entity: event.id, state: event.stateIDs.count == 1 ? event.stateIDs.first : nil,
                ["rows": String(parsed.rows.count)]))
        return parsed.rows.count
    }

    /// Records the days one registered person attended: checkboxes `day.<yyyy-MM-dd>`.
    public func recordAttendance(
        fields: [String: String], personID: String, event: ProgrammeEvent, by actor: AuditActor, scope: ProgrammeScope
    ) async throws {
        var days = Set<CalendarDate>()
        for (key, value) in fields where key.hasPrefix("day.") && !value.isEmpty {
            guard let day = CalendarDate(String(key.dropFirst(4))) else { throw ValidationFailure(field: "days", "validation.date") }
            days.insert(day)
        }
        try await programme.setAttendance(
            eventID: event.id, personID: personID, days: days, scope: scope,
            audit: AuditEvent(
                .programmeAttendance, by: actor, entity: event.id, state: event.stateIDs.count == 1 ? event.stateIDs.first : nil,
                ["person": personID, "days": String(days.count)]))
    }

    /// Merges a confirmed duplicate. Only a pair the registry suggests is merged (``StoreConflict/missing`` otherwise): a
    /// form or a call cannot fold two unrelated persons together.
    public func merge(keepID: String, otherID: String, by actor: AuditActor, scope: ProgrammeScope) async throws {
        let suggested = try await programme.duplicateSuggestions(scope).contains { $0.keep.id == keepID && $0.other.id == otherID }
        guard suggested else { throw StoreConflict.missing }
        try await programme.mergePeople(
            keepID: keepID, otherID: otherID, scope: scope,
            audit: AuditEvent(.programmeMerge, by: actor, entity: keepID, state: nil, ["merged": otherID]))
    }

    /// Removes personal data past its retention date (`cttech purge-expired`); returns how many persons lost it.
    public func purgeExpired(today: CalendarDate, by actor: AuditActor) async throws -> Int {
        try await programme.purgeExpiredPersonalData(today: today, actor: actor)
    }

    /// Today's date (UTC).
    public static func today() -> CalendarDate { CalendarDate(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000)) }
}
