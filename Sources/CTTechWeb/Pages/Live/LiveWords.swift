import CTTechCore

/// How live pages name things: a participant by the session's anonymity mode, never by more than it allows.
enum LiveWords {
    /// "Participant 7" (pseudonymous), the name given (named), or "A participant" (anonymous).
    static func participant(_ participant: LiveParticipant, in session: LiveSession, _ t: Localizer) -> String {
        switch session.anonymity {
        case .anonymous: t("live.participant-anonymous")
        case .pseudonymous: t("live.participant-number", ["number": String(participant.number)])
        case .named: participant.name ?? t("live.participant-number", ["number": String(participant.number)])
        }
    }
}
