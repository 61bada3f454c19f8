/// How many people the programme reached (issue 13), counted three ways that are never added together: **unique
/// persons** (one official at three events is one person), **registrations** (person × event) and **person-days**
/// (person × event × day attended). Only days within the event count; a registration without an attended day is a
/// registration, not a participant.
public struct ParticipationCount: Sendable, Hashable {
    public let uniquePersons: Int
    public let registrations: Int
    public let personDays: Int
    /// Unique persons who declared their sex as female, and who declared it at all (the share of women is taken over
    /// those who declared).
    public let women: Int
    public let declaredSex: Int

    /// `events`: event id → event (for its days); `people`: person id → person (for their sex).
    public init(registrations: [Registration], events: [String: ProgrammeEvent], people: [String: ProgrammePerson]) {
        var pairs = Set<String>()
        var days = Set<String>()
        var attending = Set<String>()
        for registration in registrations {
            pairs.insert(registration.eventID + "|" + registration.personID)
            let held = Set(events[registration.eventID]?.days ?? [])
            for day in registration.attended where held.contains(day) {
                days.insert(registration.eventID + "|" + registration.personID + "|" + day.description)
                attending.insert(registration.personID)
            }
        }
        self.registrations = pairs.count
        personDays = days.count
        uniquePersons = attending.count
        women = attending.filter { people[$0]?.sex == "female" }.count
        declaredSex = attending.filter { people[$0]?.sex != nil }.count
    }

    /// The share of women among the unique persons who declared their sex; nil when nobody did.
    public var womenShare: Double? { declaredSex == 0 ? nil : Double(women) / Double(declaredSex) }
}
