/// Why the method's rules refused a change to an assessment, not the input's shape.
public enum AssessmentRuleViolation: RuleViolation, Hashable {
    /// The round is not open for scoring.
    case roundNotOpen(round: Int)
    /// This assessor already scored this scenario in this round.
    case alreadyScored
    /// The round cannot move to that status from where it is.
    case roundTransition(from: ScoringRound.Status, to: ScoringRound.Status)
    /// The assessment is approved: nothing in it changes until it is reopened.
    case frozen
    /// The assessment cannot move to that status from where it is.
    case statusTransition(from: Assessment.Status, to: Assessment.Status)
    /// The assessment changed while the approval was being prepared; approve again.
    case changedDuringApproval
    /// A scenario with scores cannot be removed: every individual input is kept.
    case scenarioScored

    public var explanation: Message {
        switch self {
        case .roundNotOpen(let round): Message("errors.rule.round-not-open", ["round": String(round)])
        case .alreadyScored: "errors.rule.already-scored"
        case .roundTransition(let from, let to): Message("errors.rule.round-transition.\(from.rawValue).\(to.rawValue)")
        case .frozen: "errors.rule.frozen"
        case .statusTransition(let from, let to): Message("errors.rule.status-transition.\(from.rawValue).\(to.rawValue)")
        case .changedDuringApproval: "errors.rule.changed-during-approval"
        case .scenarioScored: "errors.rule.scenario-scored"
        }
    }

    /// Inside a write: refuses any change to an approved assessment. Every repository calls it in its transaction.
    public static func requireEditable(_ status: Assessment.Status) throws(AssessmentRuleViolation) {
        if status.isFrozen { throw .frozen }
    }

    /// Inside a write: a score may be recorded only in the current round while it is open, once per assessor and scenario.
    public static func checkScore(_ score: ScenarioScore, current: ScoringRound, alreadyScored: Bool) throws(AssessmentRuleViolation) {
        guard current.number == score.round, ScoreVisibility.canScore(current) else { throw .roundNotOpen(round: score.round) }
        if alreadyScored { throw .alreadyScored }
    }

    /// Inside a write: the round a move leads to (open → closed → revealed, a closed round reopened before its reveal, or a
    /// new open round after a reveal).
    public static func nextRound(from current: ScoringRound, to target: ScoringRound.Status) throws(AssessmentRuleViolation) -> ScoringRound {
        if target == .open {
            switch current.status {
            case .closed: return ScoringRound(number: current.number, status: .open)
            case .revealed: return ScoringRound(number: current.number + 1, status: .open)
            case .open: throw .roundTransition(from: .open, to: .open)
            }
        }
        guard current.next == target else { throw .roundTransition(from: current.status, to: target) }
        return ScoringRound(number: current.number, status: target)
    }

    /// Inside a write: a scenario anyone has scored is kept with every score, so it cannot be removed.
    public static func checkScenarioRemoval(scored: Bool) throws(AssessmentRuleViolation) {
        if scored { throw .scenarioScored }
    }

    /// Inside a write: the status an assessment may move to from where it is.
    public static func checkStatus(from current: Assessment.Status, to target: Assessment.Status) throws(AssessmentRuleViolation) {
        guard current.canMove(to: target) else { throw .statusTransition(from: current, to: target) }
    }
}
