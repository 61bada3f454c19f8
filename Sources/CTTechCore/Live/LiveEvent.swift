/// A change in a live session as the outbox keeps it, for Server-Sent Events with `Last-Event-ID` resume. Events carry
/// no answers and no results: a screen that hears one reloads what its viewer may see, so nothing is revealed early
/// through the stream.
public struct LiveEvent: Sendable, Hashable, Codable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case participantWaiting = "participant.waiting"
        case participantAdmitted = "participant.admitted"
        case participantRefused = "participant.refused"
        case sessionStarted = "session.started"
        case sessionEnded = "session.ended"
        case roundOpened = "round.opened"
        case roundClosed = "round.closed"
        case roundRevealed = "round.revealed"
        /// A participant answered: the facilitator's screens update their counts.
        case submission
        case ideaAdded = "idea.added"
        case ideaModerated = "idea.moderated"
    }

    /// Who hears it.
    public enum Audience: String, Sendable, Hashable, Codable {
        /// The facilitator's and the presenter's screens only.
        case facilitator
        /// Every screen of the session.
        case everyone
        /// One participant (and the facilitator).
        case participant
    }

    /// Increasing over the whole outbox; the SSE event id.
    public var sequence: Int64
    public var sessionID: String
    public var kind: Kind
    public var audience: Audience
    /// The participant a `participant` event is for.
    public var participantID: String?
    public var createdAt: Int64

    public init(sequence: Int64, sessionID: String, kind: Kind, audience: Audience, participantID: String? = nil, createdAt: Int64) {
        self.sequence = sequence
        self.sessionID = sessionID
        self.kind = kind
        self.audience = audience
        self.participantID = participantID
        self.createdAt = createdAt
    }

    /// An event before the outbox numbers it.
    public static func draft(_ kind: Kind, session: String, audience: Audience, participant: String? = nil) -> LiveEvent {
        LiveEvent(sequence: 0, sessionID: session, kind: kind, audience: audience, participantID: participant, createdAt: 0)
    }

    /// Whether a participant's screen hears it.
    public func isHeard(by participantID: String) -> Bool {
        audience == .everyone || (audience == .participant && self.participantID == participantID)
    }
}
