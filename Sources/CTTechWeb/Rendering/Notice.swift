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

    public var message: String {
        switch self {
        case .assessmentCreated: "Assessment created. Start with step 1: the agencies involved and who does what."
        case .statusChanged: "Status changed."
        case .roundOpened: "The round is open: assessors can score privately."
        case .roundClosed: "The round is closed. Reveal it to show the spread, or reopen it if assessors still need to score."
        case .roundRevealed: "The round is revealed: everyone sees the spread and the anonymised rationales, and the register is updated."
        case .scenarioAdded: "Scenario added. Add evidence below, or go back to add the next scenario."
        case .scenarioRemoved: "Scenario removed."
        case .scoreRecorded: "Your score is recorded. It stays hidden from others until the round is revealed."
        case .evidenceAdded: "Evidence added."
        case .evidenceRemoved: "Evidence removed."
        case .agencyAdded: "Agency added. Assign its roles in the matrix below."
        case .raciSaved: "Roles saved."
        case .scanSaved: "Horizon-scan line saved."
        case .otherRiskAdded: "Other national risk added to the register."
        case .corrected: "Correction saved."
        case .removed: "Removed."
        case .imported: "Assessment imported."
        case .stateSaved: "Partner state saved."
        case .accountSaved: "Account saved."
        case .tokenRevoked: "Token revoked: it no longer works."
        }
    }
}
