/// Someone who joined a live session from a device. Participants have no account: a device token (kept only as its
/// SHA-256) lets them rejoin after a dropped connection; the facilitator admits them from the lobby first.
public struct LiveParticipant: Sendable, Hashable, Codable {
    /// Waiting in the lobby, admitted by the facilitator, or turned away.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case waiting, admitted, refused
    }

    public var id: String
    public var sessionID: String
    /// Order of joining in the session, from 1; pseudonymous sessions call the participant "Participant n".
    public var number: Int
    /// The name given at join (named sessions only).
    public var name: String?
    /// A short code the participant's screen shows and the lobby lists beside them, so the facilitator can ask who is who
    /// before admitting anyone.
    public var checkCode: String
    public var attributes: LiveAttributes
    public var status: Status
    public var joinedAt: Int64
    public var admittedAt: Int64?

    public init(
        id: String, sessionID: String, number: Int, name: String?, checkCode: String, attributes: LiveAttributes, status: Status = .waiting,
        joinedAt: Int64, admittedAt: Int64? = nil
    ) {
        self.id = id
        self.sessionID = sessionID
        self.number = number
        self.name = name
        self.checkCode = checkCode
        self.attributes = attributes
        self.status = status
        self.joinedAt = joinedAt
        self.admittedAt = admittedAt
    }

    /// A three-character check code from the join-code alphabet.
    public static func makeCheckCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<3).map { _ in JoinCode.alphabet[Int.random(in: 0..<JoinCode.alphabet.count, using: &generator)] })
    }
}

/// What a participant's device proves: the session and participant its token belongs to. Only
/// ``LiveParticipation/pass(token:)`` makes one (its initialiser is internal to Core), from a token whose hash the
/// repository holds, so a participant can act on their own session and nothing else.
public struct ParticipantPass: Sendable, Hashable {
    public let sessionID: String
    public let participantID: String
    public let stateID: String

    init(verifiedSession sessionID: String, participant participantID: String, state stateID: String) {
        self.sessionID = sessionID
        self.participantID = participantID
        self.stateID = stateID
    }
}
