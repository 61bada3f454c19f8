/// A good practice one partner state shares with others (issue 13): a case, a success story, a piece of legislation or
/// a lesson, under a TLP 2.0 marking, with chosen states, a region or all partners. Nobody outside that scope sees it or
/// learns that it exists (``PracticeSharing``); the sharing state may withdraw it.
public struct SharedPractice: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case `case`
        case successStory = "success-story"
        case legislation
        case lesson
    }

    /// Who the practice is shared with, besides the state that shares it.
    public enum Scope: Sendable, Hashable, Codable {
        /// Chosen partner states, by id.
        case states([String])
        /// Every partner state of a region.
        case region(Region)
        /// Every partner state.
        case allPartners
    }

    public var id: String
    /// The state that shares it.
    public var stateID: String
    public var kind: Kind
    public var title: String
    public var body: String
    public var tlp: TLP
    public var scope: Scope
    public var sharedOn: CalendarDate
    /// When the sharing state withdrew it (nil while it is shared).
    public var withdrawnOn: CalendarDate?

    public var withdrawn: Bool { withdrawnOn != nil }

    public init(
        id: String, stateID: String, kind: Kind, title: String, body: String, tlp: TLP, scope: Scope, sharedOn: CalendarDate,
        withdrawnOn: CalendarDate? = nil
    ) {
        self.id = id
        self.stateID = stateID
        self.kind = kind
        self.title = title
        self.body = body
        self.tlp = tlp
        self.scope = scope
        self.sharedOn = sharedOn
        self.withdrawnOn = withdrawnOn
    }
}

/// A comment on a shared practice, or a question to the state that shared it, from a state that sees it. Everyone who
/// sees the practice sees its comments; nobody else.
public struct PracticeComment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case comment
        case question
    }

    public var id: String
    public var practiceID: String
    /// The state of the person who wrote it.
    public var stateID: String
    public var kind: Kind
    public var body: String
    public var postedOn: CalendarDate

    public init(id: String, practiceID: String, stateID: String, kind: Kind, body: String, postedOn: CalendarDate) {
        self.id = id
        self.practiceID = practiceID
        self.stateID = stateID
        self.kind = kind
        self.body = body
        self.postedOn = postedOn
    }
}

/// Who may see a shared practice, and which scopes a marking allows.
public enum PracticeSharing {
    /// Whether someone acting for the partner state `viewer` may see the practice, or learn that it exists. The sharing
    /// state always sees its own (withdrawn too); anyone else only while it is not withdrawn, their state is in its
    /// scope, and the scope is one its marking allows (a RED practice goes to named states only).
    public static func isVisible(_ practice: SharedPractice, to viewer: PartnerState) -> Bool {
        if viewer.id == practice.stateID { return true }
        guard !practice.withdrawn, allows(practice.tlp, practice.scope) else { return false }
        switch practice.scope {
        case .states(let ids): return ids.contains(viewer.id)
        case .region(let region): return viewer.region == region
        case .allPartners: return true
        }
    }

    /// TLP:RED is for named recipients only: it may be shared with chosen states, never a whole region or all partners.
    /// Every other marking may go to any scope (AMBER and AMBER+STRICT limit what the recipients pass on, not who they
    /// are).
    public static func allows(_ tlp: TLP, _ scope: SharedPractice.Scope) -> Bool {
        switch (tlp, scope) {
        case (.red, .region), (.red, .allPartners): false
        default: true
        }
    }

    /// The scope as the sharing state chose it: at least one other state when it names states, and one the marking
    /// allows.
    public static func checkScope(_ scope: SharedPractice.Scope, tlp: TLP, sharingState: String) throws(ValidationFailure) {
        if case .states(let ids) = scope, ids.allSatisfy({ $0 == sharingState }) {
            throw ValidationFailure(field: "scope", "validation.practice-scope-empty")
        }
        guard allows(tlp, scope) else { throw ValidationFailure(field: "scope", "validation.practice-red-named-states") }
    }
}
