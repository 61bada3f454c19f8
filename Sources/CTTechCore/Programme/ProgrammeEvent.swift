/// An event of the programme (issue 13; DOMAIN.md §5): a regional or national workshop, a bilateral meeting, a follow-up
/// visit or a training, with the partner states it is for, its days, where it happens and who organises and facilitates.
public struct ProgrammeEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case regionalWorkshop = "regional-workshop"
        case nationalWorkshop = "national-workshop"
        case bilateralMeeting = "bilateral-meeting"
        case followUpVisit = "follow-up-visit"
        case training
    }

    public var id: String
    public var kind: Kind
    public var title: String
    /// The partner states taking part: one for a national workshop or a visit, several for a regional workshop.
    public var stateIDs: [String]
    public var start: CalendarDate
    /// The last day (the same as `start` for a one-day event).
    public var end: CalendarDate
    public var venue: String
    public var city: String
    /// UNOCT, INTERPOL, partners.
    public var organisers: [String]
    public var facilitators: [String]

    public init(
        id: String, kind: Kind, title: String, stateIDs: [String], start: CalendarDate, end: CalendarDate, venue: String = "", city: String,
        organisers: [String] = [], facilitators: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.stateIDs = stateIDs
        self.start = start
        self.end = end
        self.venue = venue
        self.city = city
        self.organisers = organisers
        self.facilitators = facilitators
    }

    /// Every day of the event, first to last.
    public var days: [CalendarDate] {
        guard end >= start else { return [start] }
        return (start.daysSinceEpoch...end.daysSinceEpoch).map { CalendarDate(epochMilliseconds: Int64($0) * 86_400_000) }
    }
}

/// A person of the programme's pseudonymous registry (issue 13): what reports need — sex, age band, state, agency type,
/// role — with the consent it rests on and the date it may be kept until. Name and contact are a separate record
/// (``PersonalData``) behind a permission of their own.
public struct ProgrammePerson: Sendable, Hashable, Codable {
    /// How consent to keep the record was given, for which purpose and when.
    public struct Consent: Sendable, Hashable, Codable {
        public var purpose: String
        public var givenOn: CalendarDate
        /// "signed form", "online registration", "oral, recorded by the officer"…
        public var method: String

        public init(purpose: String, givenOn: CalendarDate, method: String) {
            self.purpose = purpose
            self.givenOn = givenOn
            self.method = method
        }
    }

    public var id: String
    public var consent: Consent
    /// After this day the personal data goes (`cttech purge-expired`); the aggregates stay.
    public var retainUntil: CalendarDate
    /// ``LiveAttribute/sex`` values, nil when not declared; likewise the age band and the agency type.
    public var sex: String?
    public var ageBand: String?
    public var stateID: String
    public var agency: String
    public var agencyType: String?
    public var role: String

    public init(
        id: String, consent: Consent, retainUntil: CalendarDate, sex: String?, ageBand: String?, stateID: String, agency: String,
        agencyType: String?, role: String
    ) {
        self.id = id
        self.consent = consent
        self.retainUntil = retainUntil
        self.sex = sex
        self.ageBand = ageBand
        self.stateID = stateID
        self.agency = agency
        self.agencyType = agencyType
        self.role = role
    }
}

/// The name and contact of a registry person: read only with the personal-data permission, removed at the retention date.
public struct PersonalData: Sendable, Hashable, Codable {
    public var personID: String
    public var name: String
    public var contact: String

    public init(personID: String, name: String, contact: String) {
        self.personID = personID
        self.name = name
        self.contact = contact
    }
}

/// A person registered for an event, and the days they attended (none if they did not come).
public struct Registration: Sendable, Hashable, Codable {
    public var eventID: String
    public var personID: String
    public var attended: Set<CalendarDate>

    public init(eventID: String, personID: String, attended: Set<CalendarDate>) {
        self.eventID = eventID
        self.personID = personID
        self.attended = attended
    }
}
