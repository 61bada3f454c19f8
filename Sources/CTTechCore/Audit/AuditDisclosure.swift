/// What of an audit entry a viewer may read. The action, time, actor and ids are shown to everyone who may read the
/// log, except the actor of a score; the details of a change to a state's assessment data (a scenario's title, an agency's name, a scan stage) are
/// assessment content, shown only to viewers who may see that state's assessments. An administrator without a grant
/// for the state sees that something happened, not what.
public enum AuditDisclosure {
    /// The kinds of record whose details are assessment content.
    static let assessmentEntities: Set<String> = {
        let actions: [AuditAction] = [
            .assessmentCreate, .scenarioCreate, .agencyCreate, .evidenceCreate, .otherRiskCreate, .raciSet, .scanSet, .scoreSubmit,
            .responseCreate, .indicatorCreate, .capabilityCreate, .roadmapCreate, .liveCreate,
        ]
        return Set(actions.map(\.entityType))
    }()

    /// What replaces withheld details.
    public static let withheld = #"{"details":"withheld: assessment content of a partner state you have no grant for"}"#

    /// Who submitted a score is never shown to anyone else (issue 8, item 15): during a private round it would say who
    /// has scored what, and after the reveal it would undo the anonymity of "Assessor n". The log keeps the actor, so
    /// `cttech audit verify` still checks the chain.
    public static let anonymousAssessor = "an assessor (scoring is anonymous)"

    /// Who answered in a live session or wrote an idea is shown to nobody (issue 12): during an open round it would say who
    /// has answered, and in a named session it would tie answers to names.
    public static let anonymousParticipant = "a workshop participant (answers are anonymous)"

    /// The entry as `identity` may read it.
    public static func shown(_ entry: AuditEntry, to identity: Identity) -> AuditEntry {
        var shown = entry
        if entry.action == AuditAction.scoreSubmit.rawValue && entry.actorID != identity.userID {
            shown.actorID = ""
            shown.actorLabel = anonymousAssessor
        }
        if entry.action == AuditAction.liveSubmit.rawValue || entry.action == AuditAction.liveIdea.rawValue {
            shown.actorID = ""
            shown.actorLabel = anonymousParticipant
        }
        if let stateID = entry.stateID, assessmentEntities.contains(entry.entityType),
            !Authorizer.allows(identity, state: stateID, .viewAssessment) || !Authorizer.allows(identity, state: stateID, .viewCapability)
        {
            shown.details = withheld
        }
        return shown
    }
}
