import CTTechCore
import Foundation
import SQLKit

/// The programme's events, registry, registrations and attendance (issue 13, ``ProgrammeRepository``; M0014). Every
/// query is bounded by the scope's states: events through `programme_event_states`, persons, registrations and attendance
/// by their `state_id`. The dashboards' counts are aggregated in SQL over the indexes M0014 made for them.
public struct ProgrammeStore: ProgrammeRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    // MARK: Rows

    struct EventRow: Codable {
        var id: String
        var kind: String
        var title: String
        var startDay: String
        var endDay: String
        var year: Int
        var venue: String
        var city: String
        var organisers: String
        var facilitators: String
        var createdBy: String
        var createdAt: Int64
        var version: Int

        init(_ event: ProgrammeEvent, by userID: String) throws {
            id = event.id
            kind = event.kind.rawValue
            title = event.title
            startDay = event.start.description
            endDay = event.end.description
            year = event.start.year
            venue = event.venue
            city = event.city
            organisers = try LiveStore.json(event.organisers)
            facilitators = try LiveStore.json(event.facilitators)
            createdBy = userID
            createdAt = epochMilliseconds()
            version = 1
        }

        func event(states: [String]) throws -> ProgrammeEvent {
            guard let kind = ProgrammeEvent.Kind(rawValue: kind), let start = CalendarDate(startDay), let end = CalendarDate(endDay) else {
                throw StoreError.corrupt("programme event \(id) has an unknown kind or date")
            }
            return ProgrammeEvent(
                id: id, kind: kind, title: title, stateIDs: states.sorted(), start: start, end: end, venue: venue, city: city,
                organisers: try LiveStore.decode([String].self, organisers), facilitators: try LiveStore.decode([String].self, facilitators))
        }
    }

    struct PersonRow: Codable {
        var id: String
        var stateId: String
        var sex: String?
        var ageBand: String?
        var agency: String
        var agencyType: String?
        var role: String
        var consentPurpose: String
        var consentOn: String
        var consentMethod: String
        var retainUntil: String
        var purgedAt: Int64?
        var createdAt: Int64
        var present: Int

        init(_ person: ProgrammePerson, at moment: Int64) {
            id = person.id
            stateId = person.stateID
            sex = person.sex
            ageBand = person.ageBand
            agency = person.agency
            agencyType = person.agencyType
            role = person.role
            consentPurpose = person.consent.purpose
            consentOn = person.consent.givenOn.description
            consentMethod = person.consent.method
            retainUntil = person.retainUntil.description
            purgedAt = nil
            createdAt = moment
            present = 0
        }

        func person() throws -> ProgrammePerson {
            guard let given = CalendarDate(consentOn), let until = CalendarDate(retainUntil) else {
                throw StoreError.corrupt("programme person \(id) has an invalid date")
            }
            return ProgrammePerson(
                id: id, consent: ProgrammePerson.Consent(purpose: consentPurpose, givenOn: given, method: consentMethod), retainUntil: until,
                sex: sex, ageBand: ageBand, stateID: stateId, agency: agency, agencyType: agencyType, role: role)
        }
    }

    struct PersonalRow: Codable {
        var personId: String
        var stateId: String
        var name: String
        var contact: String
        var matchKey: String
    }

    struct RegistrationRow: Codable {
        var eventId: String
        var personId: String
        var stateId: String
        var position: Int
        var registeredAt: Int64
    }

    struct AttendanceRow: Codable {
        var eventId: String
        var personId: String
        var stateId: String
        var day: String
    }

    struct EventStateRow: Codable {
        var eventId: String
        var stateId: String
    }

    struct GroupRow: Codable {
        var grp: String
        var sex: String?
        var n: Int
    }

    // MARK: Scope

    /// `column IN (the scope's states)`, or true for a programme-wide scope.
    static func within(_ column: String, _ scope: ProgrammeScope) -> SQLQueryString {
        guard let ids = scope.stateIDs else { return "1 = 1" }
        return "\(unsafeRaw: column) IN (\(binds: ids.sorted()))"
    }

    /// The event is reached by the scope: one of its states is granted.
    static func reaches(_ eventColumn: String, _ scope: ProgrammeScope) -> SQLQueryString {
        guard scope.stateIDs != nil else { return "1 = 1" }
        return "EXISTS (SELECT 1 FROM programme_event_states es WHERE es.event_id = \(unsafeRaw: eventColumn) AND \(within("es.state_id", scope)))"
    }

    // MARK: Events

    public func programmeEvents(_ scope: ProgrammeScope, year: Int?) async throws -> [ProgrammeEvent] {
        let sql = persistence.sql
        let yearFilter: SQLQueryString = year.map { "e.year = \(bind: $0)" } ?? "1 = 1"
        let rows = try await sql.raw(
            """
            SELECT e.* FROM programme_events e WHERE \(yearFilter) AND \(Self.reaches("e.id", scope))
            ORDER BY e.start_day DESC, e.id LIMIT \(literal: ProgrammeLimits.events)
            """
        ).all(decoding: EventRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try await Self.events(rows, on: sql)
    }

    public func programmeEvent(_ scope: ProgrammeScope, id: String) async throws -> ProgrammeEvent? {
        try await Self.event(id, scope: scope, on: persistence.sql)
    }

    static func event(_ id: String, scope: ProgrammeScope, on sql: any SQLDatabase) async throws -> ProgrammeEvent? {
        let rows = try await sql.raw("SELECT e.* FROM programme_events e WHERE e.id = \(bind: id) AND \(reaches("e.id", scope))")
            .all(decoding: EventRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try await events(rows, on: sql).first
    }

    static func events(_ rows: [EventRow], on sql: any SQLDatabase) async throws -> [ProgrammeEvent] {
        guard !rows.isEmpty else { return [] }
        var states: [String: [String]] = [:]
        for chunk in stride(from: 0, to: rows.count, by: 500).map({ Array(rows[$0..<min($0 + 500, rows.count)]) }) {
            let links = try await sql.raw("SELECT event_id, state_id FROM programme_event_states WHERE event_id IN (\(binds: chunk.map(\.id)))")
                .all(decoding: EventStateRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            for link in links { states[link.eventId, default: []].append(link.stateId) }
        }
        return try rows.map { try $0.event(states: states[$0.id] ?? []) }
    }

    public func addProgrammeEvent(_ event: ProgrammeEvent, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard scope.governs(event) else { throw StoreConflict.missing }
        let kind = persistence.kind
        let row = try EventRow(event, by: scope.userID)
        try await persistence.write { tx in
            try await tx.insert(into: "programme_events").model(row, keyEncodingStrategy: .convertToSnakeCase).run()
            try await tx.insert(into: "programme_event_states")
                .models(event.stateIDs.map { EventStateRow(eventId: event.id, stateId: $0) }, keyEncodingStrategy: .convertToSnakeCase).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    // MARK: Registrations

    public func programmeRegistrations(_ scope: ProgrammeScope, eventID: String) async throws -> [(Registration, ProgrammePerson)] {
        let sql = persistence.sql
        let registrations = try await sql.raw(
            """
            SELECT r.* FROM programme_registrations r WHERE r.event_id = \(bind: eventID) AND \(Self.within("r.state_id", scope))
            ORDER BY r.position LIMIT \(literal: ProgrammeLimits.registrations)
            """
        ).all(decoding: RegistrationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !registrations.isEmpty else { return [] }
        let attendance = try await sql.raw(
            "SELECT a.* FROM programme_attendance a WHERE a.event_id = \(bind: eventID) AND \(Self.within("a.state_id", scope))"
        ).all(decoding: AttendanceRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var days: [String: Set<CalendarDate>] = [:]
        for row in attendance { if let day = CalendarDate(row.day) { days[row.personId, default: []].insert(day) } }
        let people = try await Self.people(registrations.map(\.personId), on: sql)
        return registrations.compactMap { row in
            people[row.personId].map { (Registration(eventID: eventID, personID: row.personId, attended: days[row.personId] ?? []), $0) }
        }
    }

    static func people(_ ids: [String], on sql: any SQLDatabase) async throws -> [String: ProgrammePerson] {
        var found: [String: ProgrammePerson] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for row in try await sql.raw("SELECT * FROM programme_people WHERE id IN (\(binds: chunk))")
                .all(decoding: PersonRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            {
                found[row.id] = try row.person()
            }
        }
        return found
    }

    public func registerParticipants(_ rows: [ParticipantImport.Row], eventID: String, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard rows.allSatisfy({ scope.includes($0.person.stateID) }) else { throw StoreConflict.missing }
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let event = try await Self.event(eventID, scope: scope, on: tx) else { throw StoreConflict.missing }
            let registered = try await tx.raw(
                """
                SELECT d.match_key FROM programme_registrations r JOIN programme_personal_data d ON d.person_id = r.person_id
                WHERE r.event_id = \(bind: eventID)
                """
            ).all(decodingColumn: "match_key", as: String.self)
            try ProgrammeRuleViolation.checkNewRegistrations(rows, registered: Set(registered))
            for row in rows { try ProgrammeRuleViolation.checkDays(row.attended, of: event) }
            let first =
                try await tx.raw("SELECT COALESCE(MAX(position), 0) AS n FROM programme_registrations WHERE event_id = \(bind: eventID)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            let moment = epochMilliseconds()
            for start in stride(from: 0, to: rows.count, by: 200) {
                let chunk = Array(rows[start..<min(start + 200, rows.count)])
                try await tx.insert(into: "programme_people").models(
                    chunk.map { PersonRow($0.person, at: moment) }, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
                ).run()
                try await tx.insert(into: "programme_personal_data").models(
                    chunk.map {
                        PersonalRow(
                            personId: $0.person.id, stateId: $0.person.stateID, name: $0.personal.name, contact: $0.personal.contact,
                            matchKey: ParticipantImport.matchKey(name: $0.personal.name, contact: $0.personal.contact, stateID: $0.person.stateID))
                    }, keyEncodingStrategy: .convertToSnakeCase
                ).run()
                try await tx.insert(into: "programme_registrations").models(
                    chunk.enumerated().map { offset, row in
                        RegistrationRow(
                            eventId: eventID, personId: row.person.id, stateId: row.person.stateID, position: first + start + offset + 1,
                            registeredAt: moment)
                    }, keyEncodingStrategy: .convertToSnakeCase
                ).run()
                let days = chunk.flatMap { row in
                    row.attended.sorted().map {
                        AttendanceRow(eventId: eventID, personId: row.person.id, stateId: row.person.stateID, day: $0.description)
                    }
                }
                for part in stride(from: 0, to: days.count, by: 500) {
                    try await tx.insert(into: "programme_attendance").models(
                        Array(days[part..<min(part + 500, days.count)]), keyEncodingStrategy: .convertToSnakeCase
                    ).run()
                }
            }
            try await Self.refresh(events: [eventID], persons: rows.map(\.person.id), on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func setAttendance(eventID: String, personID: String, days: Set<CalendarDate>, scope: ProgrammeScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let event = try await Self.event(eventID, scope: scope, on: tx) else { throw StoreConflict.missing }
            guard
                let registration = try await tx.raw(
                    """
                    SELECT r.* FROM programme_registrations r WHERE r.event_id = \(bind: eventID) AND r.person_id = \(bind: personID)
                    AND \(Self.within("r.state_id", scope))
                    """
                ).first(decoding: RegistrationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw ProgrammeRuleViolation.notRegistered }
            try ProgrammeRuleViolation.checkDays(days, of: event)
            try await tx.delete(from: "programme_attendance").where("event_id", .equal, SQLBind(eventID)).where(
                "person_id", .equal, SQLBind(personID)
            )
            .run()
            if !days.isEmpty {
                try await tx.insert(into: "programme_attendance").models(
                    days.sorted().map { AttendanceRow(eventId: eventID, personId: personID, stateId: registration.stateId, day: $0.description) },
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
            }
            try await Self.refresh(events: [eventID], persons: [personID], on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    // MARK: Personal data and duplicates

    public func personalData(_ scope: ProgrammeScope, personIDs: [String]) async throws -> [String: PersonalData] {
        guard scope.permission == .readPersonalData else { throw StoreConflict.missing }
        var found: [String: PersonalData] = [:]
        for start in stride(from: 0, to: personIDs.count, by: 500) {
            let chunk = Array(personIDs[start..<min(start + 500, personIDs.count)])
            for row in try await persistence.sql.raw(
                "SELECT d.* FROM programme_personal_data d WHERE d.person_id IN (\(binds: chunk)) AND \(Self.within("d.state_id", scope))"
            ).all(decoding: PersonalRow.self, keyDecodingStrategy: .convertFromSnakeCase) {
                found[row.personId] = PersonalData(personID: row.personId, name: row.name, contact: row.contact)
            }
        }
        return found
    }

    struct KeyRow: Codable {
        var matchKey: String
        var personId: String
    }

    public func duplicateSuggestions(_ scope: ProgrammeScope) async throws -> [DuplicateSuggestion] {
        let sql = persistence.sql
        let rows = try await sql.raw(
            """
            SELECT d.match_key, d.person_id FROM programme_personal_data d JOIN programme_people p ON p.id = d.person_id
            WHERE \(Self.within("d.state_id", scope)) AND d.match_key IN (
              SELECT match_key FROM programme_personal_data WHERE \(Self.within("state_id", scope)) GROUP BY match_key HAVING COUNT(*) > 1)
            ORDER BY d.match_key, p.created_at, d.person_id LIMIT \(literal: ProgrammeLimits.suggestions * 2)
            """
        ).all(decoding: KeyRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let people = try await Self.people(rows.map(\.personId), on: sql)
        var events: [String: [String]] = [:]
        if !rows.isEmpty {
            for link in try await sql.raw(
                "SELECT event_id, person_id FROM programme_registrations WHERE person_id IN (\(binds: rows.map(\.personId))) ORDER BY position"
            ).all(decoding: RegistrationKey.self, keyDecodingStrategy: .convertFromSnakeCase) {
                events[link.personId, default: []].append(link.eventId)
            }
        }
        var suggestions: [DuplicateSuggestion] = []
        var first: [String: ProgrammePerson] = [:]
        for row in rows {
            guard let person = people[row.personId] else { continue }
            if let keep = first[row.matchKey] {
                suggestions.append(
                    DuplicateSuggestion(keep: keep, other: person, keepEvents: events[keep.id] ?? [], otherEvents: events[person.id] ?? []))
            } else {
                first[row.matchKey] = person
            }
        }
        return Array(suggestions.prefix(ProgrammeLimits.suggestions))
    }

    struct RegistrationKey: Codable {
        var eventId: String
        var personId: String
    }

    public func mergePeople(keepID: String, otherID: String, scope: ProgrammeScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            let found = try await Self.people([keepID, otherID], on: tx)
            guard let keep = found[keepID], let other = found[otherID], scope.includes(keep.stateID), scope.includes(other.stateID) else {
                if keepID == otherID { throw ProgrammeRuleViolation.notSamePerson }
                throw StoreConflict.missing
            }
            try ProgrammeRuleViolation.checkMerge(keep, other)
            let touched = try await tx.raw(
                "SELECT DISTINCT event_id FROM programme_registrations WHERE person_id IN (\(bind: keepID), \(bind: otherID))"
            ).all(decodingColumn: "event_id", as: String.self)
            try await tx.raw(
                """
                INSERT INTO programme_registrations (event_id, person_id, state_id, position, registered_at)
                SELECT r.event_id, \(bind: keepID), r.state_id, r.position, r.registered_at FROM programme_registrations r
                WHERE r.person_id = \(bind: otherID) AND NOT EXISTS (
                  SELECT 1 FROM programme_registrations k WHERE k.event_id = r.event_id AND k.person_id = \(bind: keepID))
                """
            ).run()
            try await tx.raw(
                """
                INSERT INTO programme_attendance (event_id, person_id, state_id, day)
                SELECT a.event_id, \(bind: keepID), a.state_id, a.day FROM programme_attendance a
                WHERE a.person_id = \(bind: otherID) AND NOT EXISTS (
                  SELECT 1 FROM programme_attendance k WHERE k.event_id = a.event_id AND k.person_id = \(bind: keepID) AND k.day = a.day)
                """
            ).run()
            for table in ["programme_attendance", "programme_registrations", "programme_personal_data"] {
                try await tx.delete(from: table).where("person_id", .equal, SQLBind(otherID)).run()
            }
            try await tx.delete(from: "programme_people").where("id", .equal, SQLBind(otherID)).run()
            try await Self.refresh(events: touched, persons: [keepID, otherID], on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func purgeExpiredPersonalData(today: CalendarDate, actor: AuditActor) async throws -> Int {
        let kind = persistence.kind
        let cutoff = today.description
        return try await persistence.write { tx in
            let expired =
                try await tx.raw(
                    """
                    SELECT COUNT(*) AS n FROM programme_personal_data d JOIN programme_people p ON p.id = d.person_id
                    WHERE p.retain_until < \(bind: cutoff)
                    """
                ).first(decodingColumn: "n", as: Int.self) ?? 0
            try await tx.raw(
                "DELETE FROM programme_personal_data WHERE person_id IN (SELECT id FROM programme_people WHERE retain_until < \(bind: cutoff))"
            ).run()
            try await tx.raw(
                "UPDATE programme_people SET purged_at = \(bind: epochMilliseconds()) WHERE retain_until < \(bind: cutoff) AND purged_at IS NULL"
            ).run()
            try await AuditLogStore.append(
                AuditEvent(.programmePurge, by: actor, entity: "retention-" + cutoff, state: nil, ["removed": String(expired), "before": cutoff]),
                on: tx, kind: kind)
            return expired
        }
    }

    // MARK: Figures

    public func programmeEventFigures(_ scope: ProgrammeScope, year: Int) async throws -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for row in try await persistence.sql.raw(
            """
            SELECT t.event_id AS grp, t.sex AS sex, SUM(t.present) AS n FROM programme_event_tallies t JOIN programme_events e ON e.id = t.event_id
            WHERE e.year = \(bind: year) AND \(Self.within("t.state_id", scope)) GROUP BY t.event_id, t.sex HAVING SUM(t.present) > 0
            """
        ).all(decoding: GroupRow.self) {
            result[row.grp, default: [:]][ProgrammeFigures.column(row.sex), default: 0] += row.n
        }
        return result
    }

    public func programmeFigures(_ scope: ProgrammeScope, year: Int?, byEvent: Bool) async throws -> ProgrammeFigures {
        let sql = persistence.sql
        let yearJoin: SQLQueryString = year == nil ? "" : "JOIN programme_events e ON e.id = t.event_id"
        let yearFilter: SQLQueryString = year.map { "e.year = \(bind: $0)" } ?? "1 = 1"
        struct Totals: Codable {
            var registered: Int
            var days: Int
        }
        let totals =
            try await sql.raw(
                """
                SELECT COALESCE(SUM(t.registered), 0) AS registered, COALESCE(SUM(t.days), 0) AS days FROM programme_event_tallies t \(yearJoin)
                WHERE \(Self.within("t.state_id", scope)) AND \(yearFilter)
                """
            ).first(decoding: Totals.self) ?? Totals(registered: 0, days: 0)
        let byEventRows =
            !byEvent
            ? []
            : try await sql.raw(
                """
                SELECT t.event_id AS grp, t.sex AS sex, SUM(t.present) AS n FROM programme_event_tallies t \(yearJoin)
                WHERE \(Self.within("t.state_id", scope)) AND \(yearFilter)
                GROUP BY t.event_id, t.sex HAVING SUM(t.present) > 0
                """
            ).all(decoding: GroupRow.self)
        let personYear: SQLQueryString = year.map { "y.year = \(bind: $0)" } ?? "1 = 1"
        let byYearRows = try await sql.raw(
            """
            SELECT CAST(y.year AS TEXT) AS grp, y.sex AS sex, SUM(y.persons) AS n FROM programme_year_tallies y
            WHERE \(Self.within("y.state_id", scope)) AND \(personYear)
            GROUP BY y.year, y.sex HAVING SUM(y.persons) > 0
            """
        ).all(decoding: GroupRow.self)
        let byStateRows: [GroupRow]
        if let year {
            byStateRows = try await sql.raw(
                """
                SELECT y.state_id AS grp, y.sex AS sex, SUM(y.persons) AS n FROM programme_year_tallies y
                WHERE y.year = \(bind: year) AND \(Self.within("y.state_id", scope)) GROUP BY y.state_id, y.sex HAVING SUM(y.persons) > 0
                """
            ).all(decoding: GroupRow.self)
        } else {
            byStateRows = try await sql.raw(
                """
                SELECT p.state_id AS grp, p.sex AS sex, COUNT(*) AS n FROM programme_people p
                WHERE p.present = 1 AND \(Self.within("p.state_id", scope)) GROUP BY p.state_id, p.sex
                """
            ).all(decoding: GroupRow.self)
        }
        func grouped(_ rows: [GroupRow]) -> [String: [String: Int]] {
            var result: [String: [String: Int]] = [:]
            for row in rows { result[row.grp, default: [:]][ProgrammeFigures.column(row.sex), default: 0] += row.n }
            return result
        }
        let byState = grouped(byStateRows)
        return ProgrammeFigures(
            uniquePersons: byState.values.reduce(0) { $0 + $1.values.reduce(0, +) }, registrations: totals.registered, personDays: totals.days,
            byState: byState, byEvent: grouped(byEventRows), byYear: grouped(byYearRows))
    }

    struct KindYearRow: Codable {
        var kind: String
        var year: Int
        var n: Int
    }

    struct RegionRow: Codable {
        var region: String
        var n: Int
    }

    public func programmeEventCounts(_ scope: ProgrammeScope) async throws -> ProgrammeEventCounts {
        let sql = persistence.sql
        var byKindYear: [String: [Int: Int]] = [:]
        for row in try await sql.raw(
            "SELECT e.kind AS kind, e.year AS year, COUNT(*) AS n FROM programme_events e WHERE \(Self.reaches("e.id", scope)) GROUP BY e.kind, e.year"
        ).all(decoding: KindYearRow.self) {
            byKindYear[row.kind, default: [:]][row.year] = row.n
        }
        var byRegion: [String: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT s.region AS region, COUNT(DISTINCT e.id) AS n FROM programme_events e
            JOIN programme_event_states x ON x.event_id = e.id JOIN partner_states s ON s.id = x.state_id
            WHERE \(Self.reaches("e.id", scope)) GROUP BY s.region
            """
        ).all(decoding: RegionRow.self) {
            byRegion[row.region] = row.n
        }
        return ProgrammeEventCounts(byKindYear: byKindYear, byRegion: byRegion)
    }

    // MARK: Aggregates

    /// The PostgreSQL advisory lock key of the programme's aggregates (a fixed number of this application's).
    static let aggregatesLock = 1_313_000_013

    /// Brings the dashboards' aggregates of the given events and persons up to date from registrations and attendance
    /// (M0014: `programme_event_tallies`, `programme_people.present`, `programme_person_years`), in the write's own
    /// transaction, so that a dashboard reads a few thousand rows rather than every attendance row.
    static func refresh(events: [String], persons: [String], on tx: any SQLDatabase) async throws {
        // PostgreSQL runs writes side by side (read committed): two writes recounting the same event or year would both
        // delete and insert its tallies, and the second insert would collide. One transaction-scoped lock serialises the
        // recounting (SQLite has a single writer already).
        if tx.dialect.name == "postgresql" { try await tx.raw("SELECT pg_advisory_xact_lock(\(literal: Self.aggregatesLock))").run() }
        for start in stride(from: 0, to: events.count, by: 500) {
            let chunk = Array(events[start..<min(start + 500, events.count)])
            try await tx.raw("DELETE FROM programme_event_tallies WHERE event_id IN (\(binds: chunk))").run()
            try await tx.raw(
                """
                INSERT INTO programme_event_tallies (event_id, state_id, sex, registered, present, days)
                SELECT r.event_id, r.state_id, COALESCE(p.sex, ''), COUNT(*),
                  SUM(CASE WHEN EXISTS (SELECT 1 FROM programme_attendance a WHERE a.event_id = r.event_id AND a.person_id = r.person_id)
                      THEN 1 ELSE 0 END),
                  SUM((SELECT COUNT(*) FROM programme_attendance a WHERE a.event_id = r.event_id AND a.person_id = r.person_id))
                FROM programme_registrations r JOIN programme_people p ON p.id = r.person_id
                WHERE r.event_id IN (\(binds: chunk)) GROUP BY r.event_id, r.state_id, COALESCE(p.sex, '')
                """
            ).run()
        }
        var years = Set<Int>()
        for start in stride(from: 0, to: persons.count, by: 500) {
            let chunk = Array(persons[start..<min(start + 500, persons.count)])
            years.formUnion(
                try await tx.raw("SELECT DISTINCT year FROM programme_person_years WHERE person_id IN (\(binds: chunk))")
                    .all(decodingColumn: "year", as: Int.self))
            try await tx.raw(
                """
                UPDATE programme_people SET present = CASE WHEN EXISTS (
                  SELECT 1 FROM programme_attendance a WHERE a.person_id = programme_people.id) THEN 1 ELSE 0 END
                WHERE id IN (\(binds: chunk))
                """
            ).run()
            try await tx.raw("DELETE FROM programme_person_years WHERE person_id IN (\(binds: chunk))").run()
            try await tx.raw(
                """
                INSERT INTO programme_person_years (person_id, year, state_id, sex)
                SELECT DISTINCT a.person_id, e.year, p.state_id, COALESCE(p.sex, '') FROM programme_attendance a
                JOIN programme_events e ON e.id = a.event_id JOIN programme_people p ON p.id = a.person_id
                WHERE a.person_id IN (\(binds: chunk))
                """
            ).run()
            years.formUnion(
                try await tx.raw("SELECT DISTINCT year FROM programme_person_years WHERE person_id IN (\(binds: chunk))")
                    .all(decodingColumn: "year", as: Int.self))
        }
        // The years those persons were present in, before or now: their tallies are counted again.
        if !years.isEmpty {
            let list = years.sorted()
            try await tx.raw("DELETE FROM programme_year_tallies WHERE year IN (\(binds: list))").run()
            try await tx.raw(
                """
                INSERT INTO programme_year_tallies (year, state_id, sex, persons)
                SELECT year, state_id, sex, COUNT(*) FROM programme_person_years WHERE year IN (\(binds: list)) GROUP BY year, state_id, sex
                """
            ).run()
        }
    }
}
