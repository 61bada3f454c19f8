/// What a request wants to do. Each permission is either global (programme-wide) or checked against one partner state.
public enum Permission: String, Sendable, Hashable, CaseIterable {
    /// Read a partner state's profile and home page.
    case viewState
    /// Change a partner state's profile: code, name, region, default marking and description.
    case editStateProfile
    /// Read the audit log of a partner state.
    case readStateAudit

    /// Read a state's assessments, scenarios, own scores and the register (steps 1–4).
    case viewAssessment
    /// Open assessments, run scoring rounds (close, reveal, next round).
    case manageAssessment
    /// Write threat scenarios.
    case writeScenario
    /// Score scenarios in an open round.
    case scoreScenario
    /// Approve an assessment in review (freezes a snapshot). The state's focal point answers for it.
    case approveAssessment

    /// Read a state's policy responses, their reviews, indicators and the compliance dashboard (steps 5–6).
    case viewResponses
    /// Design responses: add and change them, move them along (except approval), record indicators and actuals.
    case writeResponse
    /// Answer the human-rights and gender checks of a response (never one's own).
    case reviewResponse
    /// Approve a response once its reviews allow it.
    case approveResponse
    /// Record an override of blocking checks, with a justification. The state's focal point answers for it.
    case overrideReview

    /// Read a state's capability assessments, targets, priorities and roadmap (steps 7–8).
    case viewCapability
    /// Answer a self-assessment's criteria, add its evidence, open self-assessments.
    case writeCapability
    /// Enter a validated assessment (programme staff at a workshop or follow-up visit).
    case validateCapability
    /// Set targets and write the development roadmap: add and change items, move them along (except approval).
    case planDevelopment
    /// Answer the human-rights and gender checks of a roadmap item (never one's own).
    case reviewRoadmap
    /// Approve a roadmap item (an adoption only once its reviews allow it). The state's focal point answers for it.
    case approveRoadmap

    /// Read a state's live workshop sessions and the results of their revealed rounds (issue 12).
    case viewLiveSession
    /// Run live sessions: create and start them, admit participants, add activities, open, close and reveal rounds.
    case runLiveSession

    /// Read the programme's events, calendar and timelines of the states granted (issue 13).
    case viewProgramme
    /// Read the programme's dashboards: aggregates only, small groups suppressed (issue 13).
    case viewProgrammeAggregates
    /// Plan events, keep the pseudonymous person registry, registrations and attendance, import participant lists (issue 13).
    case manageProgramme
    /// Read (and correct) the names and contacts of registry persons — a right of its own (DOMAIN.md §5, "Privacy").
    case readPersonalData

    /// Read the good practices other partner states share with this state, and comment on them or ask (issue 13).
    case viewPractices
    /// Share this state's good practices with other states, and withdraw them (issue 13).
    case sharePractice

    /// Create partner states, accounts and grants; read the whole audit log.
    case administer

    /// The state roles that carry this permission (administrators: see ``heldByAdministrators``).
    public var stateRoles: Set<Role> {
        switch self {
        case .viewState: Set(Role.allCases)
        case .editStateProfile: [.focalPoint]
        case .readStateAudit: [.focalPoint]
        case .viewAssessment: [.focalPoint, .assessor, .facilitator, .policyMaker, .reviewer, .programmeOfficer]
        case .manageAssessment: [.focalPoint, .facilitator]
        case .writeScenario: [.focalPoint, .assessor, .facilitator]
        case .scoreScenario: [.focalPoint, .assessor]
        case .approveAssessment: [.focalPoint]
        case .viewResponses: [.focalPoint, .policyMaker, .reviewer, .assessor, .facilitator, .programmeOfficer]
        case .writeResponse: [.focalPoint, .policyMaker]
        case .reviewResponse: [.reviewer]
        case .approveResponse: [.focalPoint, .policyMaker]
        case .overrideReview: [.focalPoint]
        case .viewCapability: [.focalPoint, .assessor, .facilitator, .policyMaker, .reviewer, .programmeOfficer]
        case .writeCapability: [.focalPoint, .assessor]
        case .validateCapability: [.facilitator, .programmeOfficer]
        case .planDevelopment: [.focalPoint, .policyMaker]
        case .reviewRoadmap: [.reviewer]
        case .approveRoadmap: [.focalPoint]
        case .viewLiveSession: [.focalPoint, .assessor, .facilitator, .policyMaker, .reviewer, .programmeOfficer]
        case .runLiveSession: [.focalPoint, .facilitator, .programmeOfficer]
        case .viewProgramme: [.focalPoint, .facilitator, .programmeOfficer]
        case .viewProgrammeAggregates: [.focalPoint, .facilitator, .programmeOfficer, .donorViewer]
        case .manageProgramme: [.programmeOfficer]
        case .readPersonalData: [.personalDataOfficer]
        case .viewPractices: [.focalPoint, .policyMaker, .assessor, .reviewer]
        case .sharePractice: [.focalPoint, .policyMaker]
        case .administer: []
        }
    }

    /// Platform permissions administrators hold on every state. National assessment data is not among them: an
    /// administrator sees a state's assessments only with a grant for that state (DOMAIN.md §1).
    public var heldByAdministrators: Bool {
        switch self {
        case .viewState, .editStateProfile, .readStateAudit, .administer: true
        case .viewAssessment, .manageAssessment, .writeScenario, .scoreScenario, .approveAssessment, .viewResponses, .writeResponse, .reviewResponse,
            .approveResponse, .overrideReview, .viewCapability, .writeCapability, .validateCapability, .planDevelopment, .reviewRoadmap,
            .approveRoadmap, .viewLiveSession, .runLiveSession, .viewProgramme, .viewProgrammeAggregates, .manageProgramme, .readPersonalData,
            .viewPractices, .sharePractice:
            false
        }
    }
}
