/// The rules of a live session, checked inside the transaction that writes (by the SQL store and the in-memory double
/// alike), so two facilitators or a late phone cannot get around them.
public enum LiveRuleViolation: RuleViolation, Hashable {
    /// The anonymity mode, the attributes asked, the smallest group shown and the assessment are fixed once the session
    /// has started: participants joined and declared under them.
    case settingsFixed
    /// The session has not started (nobody may join or answer yet) or has ended.
    case sessionNotRunning(LiveSession.Status)
    /// The move is not the next one for the session (setup → running → ended).
    case sessionTransition(from: LiveSession.Status, to: LiveSession.Status)
    /// The participant is still in the lobby or was turned away.
    case notAdmitted
    /// Answers are taken only while the activity's round is open.
    case roundNotOpen
    /// Round n + 1 opens only after round n is revealed.
    case previousRoundNotRevealed(Int)
    /// One round at a time in a session: another activity's round is open or closed but not revealed.
    case anotherRoundRunning(activity: String)
    /// The activity has run all the rounds it may.
    case noMoreRounds(Int)
    /// Rounds move open → closed → revealed.
    case roundTransition(from: ScoringRound.Status, to: ScoringRound.Status)
    /// The session already has as many participants, activities or ideas as it may.
    case full(String)
    /// Scenario activities need the session to be about an assessment.
    case needsAssessment
    /// The idea cannot be merged into itself or into an idea that is hidden, merged or on another board.
    case invalidMerge
    /// Only a revealed round of a scoring or ranking activity, with at least one answer, becomes workshop input to the
    /// assessment.
    case notAssessmentInput
    /// Once an idea board's votes are revealed its ideas are no longer hidden, shown or merged: the room has seen the
    /// tally, and a merge would move votes after the fact.
    case moderationClosed
    /// The session's scenario activities hold the assessment's scenarios: it cannot change to another assessment.
    case assessmentInUse
    /// An anonymous session's answers do not become workshop input: a stable pseudonym in the assessment would link one
    /// person's scores and rationales together.
    case anonymousInput

    public var explanation: Message {
        switch self {
        case .settingsFixed: Message("errors.rule.live.settings-fixed")
        case .sessionNotRunning(let status): Message("errors.rule.live.session-\(status.rawValue)")
        case .sessionTransition(let from, let to): Message("errors.rule.live.session-transition", ["from": from.rawValue, "to": to.rawValue])
        case .notAdmitted: Message("errors.rule.live.not-admitted")
        case .roundNotOpen: Message("errors.rule.live.round-not-open")
        case .previousRoundNotRevealed(let round): Message("errors.rule.live.previous-round", ["round": String(round)])
        case .anotherRoundRunning(let activity): Message("errors.rule.live.another-round", ["activity": activity])
        case .noMoreRounds(let rounds): Message("errors.rule.live.no-more-rounds", count: rounds)
        case .roundTransition(let from, let to): Message("errors.rule.live.round-transition", ["from": from.rawValue, "to": to.rawValue])
        case .full(let what): Message("errors.rule.live.full-\(what)")
        case .needsAssessment: Message("errors.rule.live.needs-assessment")
        case .invalidMerge: Message("errors.rule.live.invalid-merge")
        case .notAssessmentInput: Message("errors.rule.live.not-assessment-input")
        case .moderationClosed: Message("errors.rule.live.moderation-closed")
        case .assessmentInUse: Message("errors.rule.live.assessment-in-use")
        case .anonymousInput: Message("errors.rule.live.anonymous-input")
        }
    }

    /// Anonymity, attributes, the smallest group and the assessment may change only before the session starts (the title
    /// any time): participants joined under them, and the activities' scenarios are the assessment's.
    public static func checkSettings(_ stored: LiveSession, _ changed: LiveSession) throws(LiveRuleViolation) {
        guard
            stored.status == .setup
                || (stored.anonymity == changed.anonymity && stored.askedAttributes == changed.askedAttributes
                    && stored.minimumGroupSize == changed.minimumGroupSize && stored.assessmentID == changed.assessmentID)
        else {
            throw .settingsFixed
        }
    }

    /// setup → running → ended, nothing else.
    public static func checkSessionMove(_ from: LiveSession.Status, to target: LiveSession.Status) throws(LiveRuleViolation) {
        switch (from, target) {
        case (.setup, .running), (.running, .ended): return
        default: throw .sessionTransition(from: from, to: target)
        }
    }

    /// Whether `activity` may open its next round, given every round of the session. Returns the new round's number.
    public static func checkOpen(
        _ activity: LiveActivity, session: LiveSession, rounds: [LiveRound], activities: [LiveActivity]
    ) throws(LiveRuleViolation)
        -> Int
    {
        guard session.status == .running else { throw .sessionNotRunning(session.status) }
        if let running = rounds.first(where: { $0.status != .revealed && $0.activityID != activity.id }) {
            throw .anotherRoundRunning(activity: activities.first { $0.id == running.activityID }?.title ?? running.activityID)
        }
        let own = rounds.filter { $0.activityID == activity.id }
        guard let last = own.max(by: { $0.number < $1.number }) else { return 1 }
        guard last.status == .revealed else { throw .previousRoundNotRevealed(last.number) }
        guard last.number < activity.kind.maximumRounds else { throw .noMoreRounds(activity.kind.maximumRounds) }
        return last.number + 1
    }

    /// open → closed → revealed.
    public static func checkAdvance(_ round: LiveRound, to target: ScoringRound.Status) throws(LiveRuleViolation) {
        guard ScoringRound(number: round.number, status: round.status).next == target else { throw .roundTransition(from: round.status, to: target) }
    }

    /// A participant answers only while admitted, the session runs and the round is open.
    public static func checkAnswer(session: LiveSession, participant: LiveParticipant, round: LiveRound?) throws(LiveRuleViolation) {
        guard session.status == .running else { throw .sessionNotRunning(session.status) }
        guard participant.status == .admitted else { throw .notAdmitted }
        guard let round, round.status == .open else { throw .roundNotOpen }
    }
}
