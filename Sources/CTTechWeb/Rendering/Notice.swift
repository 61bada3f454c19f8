/// The one-time confirmation a page shows after a form post redirected to it ("Your score is recorded."). Only the
/// notice's code travels (in a short-lived cookie); the words are fixed here, so nothing a user typed is carried along
/// and nothing can be injected.
public enum Notice: String, Sendable, CaseIterable {
    case assessmentCreated = "assessment-created"
    case statusChanged = "status-changed"
    case roundOpened = "round-opened"
    case roundClosed = "round-closed"
    case roundRevealed = "round-revealed"
    case scenarioAdded = "scenario-added"
    case scenarioRemoved = "scenario-removed"
    case scoreRecorded = "score-recorded"
    case evidenceAdded = "evidence-added"
    case evidenceRemoved = "evidence-removed"
    case agencyAdded = "agency-added"
    case raciSaved = "raci-saved"
    case scanSaved = "scan-saved"
    case otherRiskAdded = "other-risk-added"
    case corrected
    case removed
    case imported
    case stateSaved = "state-saved"
    case accountSaved = "account-saved"
    case tokenRevoked = "token-revoked"
    case responseAdded = "response-added"
    case responseSaved = "response-saved"
    case responseMoved = "response-moved"
    case responseApproved = "response-approved"
    case reviewRecorded = "review-recorded"
    case overrideRecorded = "override-recorded"
    case indicatorAdded = "indicator-added"
    case actualRecorded = "actual-recorded"
    case capabilityOpened = "capability-opened"
    case answersSaved = "answers-saved"
    case targetsSaved = "targets-saved"
    case targetsProposed = "targets-proposed"
    case roadmapItemAdded = "roadmap-item-added"
    case roadmapItemSaved = "roadmap-item-saved"
    case roadmapItemMoved = "roadmap-item-moved"
    case roadmapItemApproved = "roadmap-item-approved"
    case milestonesSaved = "milestones-saved"
    case frameworkPublished = "framework-published"
    case liveCreated = "live-created"
    case liveSaved = "live-saved"
    case liveStarted = "live-started"
    case liveEnded = "live-ended"
    case liveAdmitted = "live-admitted"
    case liveRefused = "live-refused"
    case liveActivityAdded = "live-activity-added"
    case liveRoundOpened = "live-round-opened"
    case liveRoundClosed = "live-round-closed"
    case liveRoundRevealed = "live-round-revealed"
    case liveIdeaModerated = "live-idea-moderated"
    case liveJoined = "live-joined"
    case liveAnswerSent = "live-answer-sent"

    /// The catalog key of its words.
    public var key: String { "notice." + rawValue }
}
