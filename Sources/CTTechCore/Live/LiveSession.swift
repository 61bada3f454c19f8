/// A live workshop session (issue 12): participants join from their phones with a short code, are admitted from a lobby
/// and answer activities in rounds whose results stay hidden until the facilitator reveals them.
///
/// A session belongs to one partner state and, optionally, one of its threat assessments (scenario activities need one).
/// Its anonymity mode and the attributes asked at join are fixed once it starts (``LiveRuleViolation/settingsFixed``).
public struct LiveSession: Sendable, Hashable, Codable {
    /// Where the session stands: set up (settings may change, nobody can join), running (joining, rounds), ended.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case setup, running, ended
    }

    public var id: String
    public var stateID: String
    /// The threat assessment the session's scenario activities read and feed, if any.
    public var assessmentID: String?
    public var title: String
    /// The join code participants type (``JoinCode``); unique among sessions that have not ended.
    public var code: String
    public var anonymity: LiveAnonymity
    /// The attributes asked at join, in the order asked.
    public var askedAttributes: [LiveAttribute]
    /// Smallest group a breakdown by attribute may show (DOMAIN.md: min-n, 5 by default).
    public var minimumGroupSize: Int
    public var status: Status
    public var createdBy: String
    public var createdAt: Int64
    public var startedAt: Int64?
    public var endedAt: Int64?
    /// Rises with every change of the session's own settings or status.
    public var version: Int

    public init(
        id: String, stateID: String, assessmentID: String?, title: String, code: String, anonymity: LiveAnonymity, askedAttributes: [LiveAttribute],
        minimumGroupSize: Int = LiveSession.defaultMinimumGroupSize, status: Status = .setup, createdBy: String, createdAt: Int64,
        startedAt: Int64? = nil, endedAt: Int64? = nil, version: Int = 1
    ) {
        self.id = id
        self.stateID = stateID
        self.assessmentID = assessmentID
        self.title = title
        self.code = code
        self.anonymity = anonymity
        self.askedAttributes = askedAttributes
        self.minimumGroupSize = minimumGroupSize
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.version = version
    }

    /// The default smallest group shown in a breakdown by attribute.
    public static let defaultMinimumGroupSize = 5
}

/// How participants are named to the facilitator and in the results, shown to them when they join.
public enum LiveAnonymity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nobody is named anywhere: answers carry no label, exports no participant column.
    case anonymous
    /// Each participant is "Participant n" (their order of joining), the same in every round.
    case pseudonymous
    /// Participants give their name at join; the facilitator and the results show it.
    case named
}

/// Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), typed in any case.
public enum JoinCode {
    public static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")
    public static let length = 6

    /// A new random code.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The code as stored (upper case, spaces and dashes removed), or nil when it cannot be one.
    public static func normalised(_ text: String) -> String? {
        let kept = text.uppercased().filter { $0 != " " && $0 != "-" }
        guard kept.count == length, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return kept
    }
}
