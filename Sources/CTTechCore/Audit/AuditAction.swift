/// Every kind of change the audit log records. The raw value is what the log stores (`entity.verb`); the entity type
/// names the kind of record the entry's `entityID` points to.
public enum AuditAction: String, Sendable, CaseIterable {
    // Partner states and accounts
    case stateCreate = "state.create"
    case stateUpdate = "state.update"
    case userCreate = "user.create"
    case userUpdate = "user.update"
    case userPasswordReset = "user.password_reset"
    case userPasswordChange = "user.password_change"
    case userTOTPOn = "user.totp_on"
    case userTOTPOff = "user.totp_off"
    case userLanguage = "user.language"
    case accountLocked = "account.locked"
    case accessRefused = "access.refused"
    case grantAdd = "grant.add"
    case grantRemove = "grant.remove"
    case tokenCreate = "token.create"
    case tokenRevoke = "token.revoke"
    // Assessment (steps 1–4)
    case assessmentCreate = "assessment.create"
    case assessmentStatus = "assessment.status"
    case assessmentApprove = "assessment.approve"
    case assessmentImport = "assessment.import"
    case roundOpen = "round.open"
    case roundClosed = "round.closed"
    case roundRevealed = "round.revealed"
    case scenarioCreate = "scenario.create"
    case scenarioDelete = "scenario.delete"
    case scoreSubmit = "score.submit"
    case agencyCreate = "agency.create"
    case agencyUpdate = "agency.update"
    case agencyDelete = "agency.delete"
    case raciSet = "raci.set"
    case scanSet = "scan.set"
    case evidenceCreate = "evidence.create"
    case evidenceDelete = "evidence.delete"
    case otherRiskCreate = "other_risk.create"
    case otherRiskUpdate = "other_risk.update"
    case otherRiskDelete = "other_risk.delete"
    // Policy responses (steps 5–6)
    case responseCreate = "response.create"
    case responseUpdate = "response.update"
    case responseStatus = "response.status"
    case responseApprove = "response.approve"
    case responseReview = "response.review"
    case responseOverride = "response.override"
    case indicatorCreate = "indicator.create"
    case indicatorActual = "indicator.actual"
    // Capability and roadmap (steps 7–8)
    case frameworkPublish = "framework.publish"
    case capabilityCreate = "capability.create"
    case capabilityAnswers = "capability.answers"
    case capabilityEvidence = "capability.evidence"
    case capabilityTargets = "capability.targets"
    case roadmapCreate = "roadmap.create"
    case roadmapUpdate = "roadmap.update"
    case roadmapStatus = "roadmap.status"
    case roadmapApprove = "roadmap.approve"
    case roadmapReview = "roadmap.review"
    // Live workshop sessions (issue 12)
    case liveCreate = "live.create"
    case liveUpdate = "live.update"
    case liveStart = "live.start"
    case liveEnd = "live.end"
    case liveJoin = "live.join"
    case liveAdmit = "live.admit"
    case liveRefuse = "live.refuse"
    case liveActivity = "live.activity"
    case liveRoundOpen = "live.round_open"
    case liveRoundClose = "live.round_close"
    case liveRoundReveal = "live.round_reveal"
    case liveSubmit = "live.submit"
    case liveIdea = "live.idea"
    case liveIdeaModerate = "live.idea_moderate"
    case liveFeed = "live.feed"
    case programmeEventCreate = "programme.event_create"
    case programmeImport = "programme.import"
    case programmeAttendance = "programme.attendance"
    case programmeMerge = "programme.merge"
    case programmePurge = "programme.purge"
    case requestCreate = "request.create"
    case requestMove = "request.move"
    case recommendationCreate = "recommendation.create"
    case actionItemRecord = "action_item.record"
    case practiceShare = "practice.share"
    case practiceWithdraw = "practice.withdraw"
    case practiceComment = "practice.comment"
    case productCreate = "product.create"
    case agendaAdd = "programme.agenda_add"
    case eventLink = "programme.event_link"
    case agendaRemove = "programme.agenda_remove"
    case eventUnlink = "programme.event_unlink"

    /// The kind of record an entry of this action is about.
    public var entityType: String {
        switch self {
        case .stateCreate, .stateUpdate: "partner_state"
        case .userCreate, .userUpdate, .userPasswordReset, .userPasswordChange, .userTOTPOn, .userTOTPOff, .userLanguage, .accountLocked,
            .accessRefused,
            .grantAdd, .grantRemove:
            "user"
        case .tokenCreate, .tokenRevoke: "api_token"
        case .assessmentCreate, .assessmentStatus, .assessmentApprove, .assessmentImport, .roundOpen, .roundClosed, .roundRevealed, .raciSet,
            .scanSet:
            "assessment"
        case .scenarioCreate, .scenarioDelete, .scoreSubmit: "scenario"
        case .agencyCreate, .agencyUpdate, .agencyDelete: "agency"
        case .evidenceCreate, .evidenceDelete: "evidence"
        case .otherRiskCreate, .otherRiskUpdate, .otherRiskDelete: "other_risk"
        case .responseCreate, .responseUpdate, .responseStatus, .responseApprove, .responseReview, .responseOverride: "policy_response"
        case .indicatorCreate, .indicatorActual: "indicator"
        case .frameworkPublish: "capability_framework"
        case .capabilityCreate, .capabilityAnswers, .capabilityEvidence, .capabilityTargets: "capability_assessment"
        case .roadmapCreate, .roadmapUpdate, .roadmapStatus, .roadmapApprove, .roadmapReview: "roadmap_item"
        case .liveCreate, .liveUpdate, .liveStart, .liveEnd, .liveJoin, .liveAdmit, .liveRefuse, .liveActivity, .liveRoundOpen, .liveRoundClose,
            .liveRoundReveal, .liveSubmit, .liveIdea, .liveIdeaModerate, .liveFeed:
            "live_session"
        case .programmeEventCreate, .programmeImport, .programmeAttendance: "programme_event"
        case .programmeMerge, .programmePurge: "programme_person"
        case .requestCreate, .requestMove: "assistance_request"
        case .recommendationCreate, .actionItemRecord: "recommendation"
        case .practiceShare, .practiceWithdraw, .practiceComment: "shared_practice"
        case .productCreate: "knowledge_product"
        case .agendaAdd, .eventLink, .agendaRemove, .eventUnlink: "programme_event"
        }
    }
}

extension Identity {
    /// This user as the audit log names them.
    public var actor: AuditActor { AuditActor(id: userID, label: email) }
}

extension AuditEvent {
    /// An event of a typed action by `actor` about the record `entityID`, in partner state `state` (nil: programme-wide).
    public init(_ action: AuditAction, by actor: AuditActor, entity entityID: String, state: String?, _ details: [String: String] = [:]) {
        self.init(
            actorID: actor.id, actorLabel: actor.label, action: action.rawValue, entityType: action.entityType, entityID: entityID, stateID: state,
            details: details)
    }
}

extension AuditAction {
    /// What happened, in words, for the audit pages (issue 8, item 7: labels, not codes).
    public var label: String {
        switch self {
        case .stateCreate: "Partner state created"
        case .stateUpdate: "Partner state profile changed"
        case .userCreate: "Account created"
        case .userUpdate: "Account changed"
        case .userPasswordReset: "Password reset by an administrator"
        case .userPasswordChange: "Password changed"
        case .userTOTPOn: "Two-factor authentication turned on"
        case .userTOTPOff: "Two-factor authentication turned off"
        case .userLanguage: "Interface language changed"
        case .accountLocked: "Account locked after failed log-ins"
        case .accessRefused: "Repeated refused access"
        case .grantAdd: "Role granted"
        case .grantRemove: "Role withdrawn"
        case .tokenCreate: "API token created"
        case .tokenRevoke: "API token revoked"
        case .assessmentCreate: "Assessment opened"
        case .assessmentStatus: "Assessment status changed"
        case .assessmentApprove: "Assessment approved (snapshot frozen)"
        case .assessmentImport: "Assessment imported"
        case .roundOpen: "Scoring round opened"
        case .roundClosed: "Scoring round closed"
        case .roundRevealed: "Scoring round revealed"
        case .scenarioCreate: "Scenario added"
        case .scenarioDelete: "Scenario removed"
        case .scoreSubmit: "Score submitted"
        case .agencyCreate: "Agency added"
        case .agencyUpdate: "Agency corrected"
        case .agencyDelete: "Agency removed"
        case .raciSet: "Roles matrix saved"
        case .scanSet: "Horizon-scan line saved"
        case .evidenceCreate: "Evidence added"
        case .evidenceDelete: "Evidence removed"
        case .otherRiskCreate: "Other national risk added"
        case .otherRiskUpdate: "Other national risk corrected"
        case .otherRiskDelete: "Other national risk removed"
        case .responseCreate: "Policy response added"
        case .responseUpdate: "Policy response changed"
        case .responseStatus: "Policy response status changed"
        case .responseApprove: "Policy response approved"
        case .responseReview: "Policy response reviewed"
        case .responseOverride: "Review overridden for approval"
        case .indicatorCreate: "Indicator added"
        case .indicatorActual: "Indicator value recorded"
        case .frameworkPublish: "Capability framework version published"
        case .capabilityCreate: "Capability assessment opened"
        case .capabilityAnswers: "Capability criteria answered"
        case .capabilityEvidence: "Capability evidence added"
        case .capabilityTargets: "Capability targets set"
        case .roadmapCreate: "Roadmap item added"
        case .roadmapUpdate: "Roadmap item changed"
        case .roadmapStatus: "Roadmap item status changed"
        case .roadmapApprove: "Roadmap item approved"
        case .roadmapReview: "Roadmap item reviewed"
        case .liveCreate: "Live session created"
        case .liveUpdate: "Live session settings changed"
        case .liveStart: "Live session started"
        case .liveEnd: "Live session ended"
        case .liveJoin: "Participant joined a live session"
        case .liveAdmit: "Participant admitted"
        case .liveRefuse: "Participant turned away"
        case .liveActivity: "Live activity added"
        case .liveRoundOpen: "Live round opened"
        case .liveRoundClose: "Live round closed"
        case .liveRoundReveal: "Live round revealed"
        case .liveSubmit: "Live answer submitted"
        case .liveIdea: "Idea added to an idea board"
        case .liveIdeaModerate: "Idea hidden, shown or merged"
        case .liveFeed: "Workshop input added to the assessment"
        case .programmeEventCreate: "Programme event added"
        case .programmeImport: "Participant list imported"
        case .programmeAttendance: "Attendance recorded"
        case .programmeMerge: "Duplicate persons merged"
        case .programmePurge: "Expired personal data removed"
        case .requestCreate: "Request for assistance recorded"
        case .requestMove: "Request for assistance moved on"
        case .recommendationCreate: "Recommendation recorded"
        case .actionItemRecord: "Action item progress recorded"
        case .practiceShare: "Good practice shared"
        case .practiceWithdraw: "Shared good practice withdrawn"
        case .practiceComment: "Comment on a shared good practice"
        case .productCreate: "Knowledge product added"
        case .agendaAdd: "Agenda session added"
        case .eventLink: "National work linked to an event"
        case .agendaRemove: "Agenda session removed"
        case .eventUnlink: "National work unlinked from an event"
        }
    }

    /// The kind of record, in words.
    public static func entityLabel(_ entityType: String) -> String {
        switch entityType {
        case "partner_state": "partner state"
        case "user": "account"
        case "api_token": "API token"
        case "other_risk": "other national risk"
        case "policy_response": "policy response"
        case "capability_framework": "capability framework"
        case "capability_assessment": "capability assessment"
        case "roadmap_item": "roadmap item"
        case "live_session": "live session"
        case "shared_practice": "shared good practice"
        case "knowledge_product": "knowledge product"
        default: entityType.replacingUnderscores()
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
