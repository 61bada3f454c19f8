/// Why the programme's rules refused a change to the registry or attendance (not the input's shape). The store and the
/// in-memory double call these checks inside their transactions.
public enum ProgrammeRuleViolation: RuleViolation, Hashable {
    /// The person of an imported line is already registered for the event.
    case alreadyRegistered(line: Int)
    /// An attended day is not one of the event's days.
    case dayOutsideEvent(CalendarDate)
    /// The person is not registered for the event.
    case notRegistered
    /// Two persons of different states, or the same person twice, cannot be merged.
    case notSamePerson

    public var explanation: Message {
        switch self {
        case .alreadyRegistered(let line): Message("errors.rule.programme.already-registered", ["line": String(line)])
        case .dayOutsideEvent(let day): Message("errors.rule.programme.day-outside-event", ["day": day.description])
        case .notRegistered: Message("errors.rule.programme.not-registered")
        case .notSamePerson: Message("errors.rule.programme.not-same-person")
        }
    }

    /// Every attended day must be one of the event's.
    public static func checkDays(_ days: Set<CalendarDate>, of event: ProgrammeEvent) throws(ProgrammeRuleViolation) {
        let held = Set(event.days)
        if let outside = days.sorted().first(where: { !held.contains($0) }) { throw .dayOutsideEvent(outside) }
    }

    /// No imported row may be a person already registered for the event: `registered` are the match keys of those already
    /// registered.
    public static func checkNewRegistrations(_ rows: [ParticipantImport.Row], registered: Set<String>) throws(ProgrammeRuleViolation) {
        for row in rows
        where registered.contains(ParticipantImport.matchKey(name: row.personal.name, contact: row.personal.contact, stateID: row.person.stateID)) {
            throw .alreadyRegistered(line: row.line)
        }
    }

    /// Two different persons of one state.
    public static func checkMerge(_ keep: ProgrammePerson, _ other: ProgrammePerson) throws(ProgrammeRuleViolation) {
        guard keep.id != other.id, keep.stateID == other.stateID else { throw .notSamePerson }
    }
}
