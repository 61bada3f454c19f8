/// The programme's events, person registry, registrations and attendance (issue 13). Every method takes a
/// ``ProgrammeScope`` and reaches only the records of its states: an event when one of its states is granted, a person
/// when their state is. Writes append their audit entry in the same transaction.
public protocol ProgrammeRepository: Sendable {
    /// Events the scope reaches, latest first (at most ``ProgrammeLimits/events``); only those starting in `year` when given.
    func programmeEvents(_ scope: ProgrammeScope, year: Int?) async throws -> [ProgrammeEvent]
    /// One event the scope reaches, or nil.
    func programmeEvent(_ scope: ProgrammeScope, id: String) async throws -> ProgrammeEvent?
    /// Adds an event; every one of its states must be in the scope (``StoreConflict/missing`` otherwise).
    func addProgrammeEvent(_ event: ProgrammeEvent, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// The event's registrations of persons in the scope, with the persons, in order of registration.
    func programmeRegistrations(_ scope: ProgrammeScope, eventID: String) async throws -> [(Registration, ProgrammePerson)]
    /// Adds the imported persons, their personal data and their registrations for the event, all or nothing. A row whose
    /// person (same ``ParticipantImport/matchKey(name:contact:stateID:)``) is already registered for the event is refused
    /// as ``ProgrammeRuleViolation/alreadyRegistered(line:)``.
    func registerParticipants(_ rows: [ParticipantImport.Row], eventID: String, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// Replaces the days a registered person attended (days outside the event are refused:
    /// ``ProgrammeRuleViolation/dayOutsideEvent``).
    func setAttendance(eventID: String, personID: String, days: Set<CalendarDate>, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// Names and contacts of the given persons still held (purged ones are absent). The scope's permission must be
    /// ``Permission/readPersonalData`` (``StoreConflict/missing`` otherwise).
    func personalData(_ scope: ProgrammeScope, personIDs: [String]) async throws -> [String: PersonalData]
    /// Pairs of persons in the scope with the same match key, for the officer to confirm (at most ``ProgrammeLimits/suggestions``).
    func duplicateSuggestions(_ scope: ProgrammeScope) async throws -> [DuplicateSuggestion]
    /// Folds `otherID` into `keepID` (same state, both in the scope): its registrations and days move over (days joined
    /// where both were registered), its records go. ``ProgrammeRuleViolation/notSamePerson`` when states differ.
    func mergePeople(keepID: String, otherID: String, scope: ProgrammeScope, audit: AuditEvent) async throws
    /// Removes the personal data of every person whose retention date is before `today`; the pseudonymous records,
    /// registrations and attendance stay, so every aggregate is unchanged. One audit entry saying how many; returns it.
    func purgeExpiredPersonalData(today: CalendarDate, actor: AuditActor) async throws -> Int
    /// How many events the scope reaches, by kind and year and by region.
    func programmeEventCounts(_ scope: ProgrammeScope) async throws -> ProgrammeEventCounts
    /// The dashboards' counts over the persons in the scope and the events it reaches (events starting in `year` when given).
    /// `byEvent`: false leaves ``ProgrammeFigures/byEvent`` empty (a dashboard reads one year's with
    /// ``programmeEventFigures(_:year:)``).
    func programmeFigures(_ scope: ProgrammeScope, year: Int?, byEvent: Bool) async throws -> ProgrammeFigures
    /// The persons present at each event of `year` by sex (``ProgrammeFigures/byEvent`` for one year's events, which a
    /// dashboard lists a year at a time).
    func programmeEventFigures(_ scope: ProgrammeScope, year: Int) async throws -> [String: [String: Int]]
}

extension ProgrammeRepository {
    /// Every figure, by event too.
    public func programmeFigures(_ scope: ProgrammeScope, year: Int?) async throws -> ProgrammeFigures {
        try await programmeFigures(scope, year: year, byEvent: true)
    }
}
