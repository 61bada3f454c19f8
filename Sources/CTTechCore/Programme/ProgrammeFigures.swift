/// The counts the programme's dashboards are built from (issue 13), as the store aggregates them: unique persons,
/// registrations and person-days apart (``ParticipationCount``'s rules), and unique persons by state and by event, each
/// split by declared sex (``sexColumns``; `undeclared` when not given). Counts of the persons within the caller's scope.
public struct ProgrammeFigures: Sendable, Hashable {
    public static let sexColumns = ["female", "male", "other", "undeclared"]

    public var uniquePersons: Int
    public var registrations: Int
    public var personDays: Int
    /// State id → sex column → unique persons who attended at least one day.
    public var byState: [String: [String: Int]]
    /// Event id → sex column → unique persons who attended at least one day of it.
    public var byEvent: [String: [String: Int]]
    /// Year (of the events' first day, as text) → sex column → unique persons who attended an event of that year. A person
    /// at events of two years counts in both: the rows add up to person-years, not to ``uniquePersons``.
    public var byYear: [String: [String: Int]]

    public init(
        uniquePersons: Int, registrations: Int, personDays: Int, byState: [String: [String: Int]], byEvent: [String: [String: Int]],
        byYear: [String: [String: Int]] = [:]
    ) {
        self.uniquePersons = uniquePersons
        self.registrations = registrations
        self.personDays = personDays
        self.byState = byState
        self.byEvent = byEvent
        self.byYear = byYear
    }

    /// The figures of plain values (the in-memory double and the property tests compute them this way; the stores in SQL).
    public init(registrations: [Registration], events: [String: ProgrammeEvent], people: [String: ProgrammePerson]) {
        let count = ParticipationCount(registrations: registrations, events: events, people: people)
        var byState: [String: [String: Int]] = [:]
        var byEvent: [String: [String: Int]] = [:]
        var byYear: [String: [String: Int]] = [:]
        var attendedPeople = Set<String>()
        var personYears = Set<String>()
        for registration in registrations {
            guard let event = events[registration.eventID], let person = people[registration.personID] else { continue }
            guard !registration.attended.isDisjoint(with: event.days) else { continue }
            byEvent[event.id, default: [:]][Self.column(person.sex), default: 0] += 1
            if attendedPeople.insert(person.id).inserted { byState[person.stateID, default: [:]][Self.column(person.sex), default: 0] += 1 }
            let year = String(event.start.year)
            if personYears.insert(year + "|" + person.id).inserted { byYear[year, default: [:]][Self.column(person.sex), default: 0] += 1 }
        }
        self.init(
            uniquePersons: count.uniquePersons, registrations: count.registrations, personDays: count.personDays, byState: byState,
            byEvent: byEvent, byYear: byYear)
    }

    public static func column(_ sex: String?) -> String { sex.flatMap { sexColumns.contains($0) ? $0 : nil } ?? "undeclared" }

    /// Unique women and unique persons who declared their sex (the share of women is taken over them).
    public var women: Int { byState.values.reduce(0) { $0 + ($1["female"] ?? 0) } }
    public var declaredSex: Int { byState.values.reduce(0) { $0 + $1.filter { $0.key != "undeclared" }.values.reduce(0, +) } }

    /// The table of `breakdown` (rows in the order given) protected for publication.
    public static func table(_ breakdown: [String: [String: Int]], rows: [String], minimum: Int) -> ProtectedTable {
        ProtectedTable(
            rows: rows, columns: sexColumns, counts: rows.map { row in sexColumns.map { breakdown[row]?[$0] ?? 0 } }, minimum: minimum)
    }
}

/// How many events the scope reaches, by kind and year and by region (an event for states of several regions counts in
/// each): what the dashboards and the calendar's year links need without loading every event.
public struct ProgrammeEventCounts: Sendable, Hashable {
    /// Kind (raw value) → year → events.
    public var byKindYear: [String: [Int: Int]]
    /// Region (raw value) → events.
    public var byRegion: [String: Int]

    public init(byKindYear: [String: [Int: Int]], byRegion: [String: Int]) {
        self.byKindYear = byKindYear
        self.byRegion = byRegion
    }

    /// The counts of plain values (the in-memory double; the stores count in SQL).
    public init(events: [ProgrammeEvent], regions: [String: Region]) {
        var byKindYear: [String: [Int: Int]] = [:]
        var byRegion: [String: Int] = [:]
        for event in events {
            byKindYear[event.kind.rawValue, default: [:]][event.start.year, default: 0] += 1
            for region in Set(event.stateIDs.compactMap { regions[$0] }) { byRegion[region.rawValue, default: 0] += 1 }
        }
        self.init(byKindYear: byKindYear, byRegion: byRegion)
    }

    /// Every year with an event, in order.
    public var years: [Int] { Array(Set(byKindYear.values.flatMap(\.keys))).sorted() }

    /// The year a by-event table opens on: `asked` when it has events, else the latest year in which somebody attended
    /// (`figures.byYear`), else the latest with an event — so a year of events still to come does not open on an empty
    /// table.
    public func shownYear(asked: Int?, figures: ProgrammeFigures) -> Int? {
        if let asked, years.contains(asked) { return asked }
        let attended = Set(figures.byYear.filter { $0.value.values.contains { $0 > 0 } }.keys.compactMap { Int($0) })
        return years.last { attended.contains($0) } ?? years.last
    }
}

/// Two registry persons that look like one (same name, contact and state): the officer confirms before anything merges.
public struct DuplicateSuggestion: Sendable, Hashable {
    public let keep: ProgrammePerson
    public let other: ProgrammePerson
    /// The events each was registered for (ids).
    public let keepEvents: [String]
    public let otherEvents: [String]

    public init(keep: ProgrammePerson, other: ProgrammePerson, keepEvents: [String], otherEvents: [String]) {
        self.keep = keep
        self.other = other
        self.keepEvents = keepEvents
        self.otherEvents = otherEvents
    }
}

/// The limits of the programme's lists.
public enum ProgrammeLimits {
    public static let events = 5_000
    public static let registrations = 5_000
    public static let suggestions = 100
    public static let requests = 1_000
    public static let recommendations = 1_000
    public static let practices = 1_000
    public static let comments = 500
    public static let products = 500
}
