import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import HummingbirdBcrypt

/// The wiring of one application: the stores on its database, the use cases over them, the page renderer and the
/// account security rules. Built once by the composition root, which hands each controller only what it uses.
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let persistence: Persistence
    public let states: PartnerStateStore
    public let accounts: AccountStore
    public let sessions: SessionStore
    public let tokens: APITokenStore
    public let audit: AuditLogStore
    public let reference: ReferenceDataStore
    public let assessments: AssessmentStores
    /// Steps 5–6: the state's policy responses, reviews and indicators.
    public let policy: PolicyStore
    /// Steps 7–8: capability assessments, targets, the roadmap and the framework versions.
    public let capability: CapabilityStore
    public let registers: Registers
    /// Issue 12: live workshop sessions, and what wakes their open streams.
    public let live: LiveStore
    /// Issue 13: the programme's events, person registry, registrations and attendance.
    public let programme: ProgrammeStore
    public let followUps: FollowUpStore
    public let practices: PracticeStore
    public let agenda: ProgrammeAgendaStore
    public let liveBroadcaster: LiveBroadcaster
    let liveJoinLimiter: LoginRateLimiter
    let liveAnswerLimiter: LoginRateLimiter
    public let pages: PageRenderer
    public let passwords: PasswordHasher
    let security: AccountSecurity
    /// Repeated refusals per user, audited at each tenth (``RefusalWatch``).
    let refusals = RefusalWatch()

    public init(configuration: AppConfiguration, persistence: Persistence, pages: PageRenderer) {
        self.configuration = configuration
        self.persistence = persistence
        self.states = PartnerStateStore(persistence)
        self.accounts = AccountStore(persistence)
        self.sessions = SessionStore(persistence)
        self.tokens = APITokenStore(persistence)
        self.audit = AuditLogStore(persistence)
        let reference = ReferenceDataStore(persistence)
        self.reference = reference
        let assessments = AssessmentStores(persistence)
        self.assessments = assessments
        let policy = PolicyStore(persistence)
        self.policy = policy
        self.capability = CapabilityStore(persistence)
        self.live = LiveStore(persistence)
        self.programme = ProgrammeStore(persistence)
        self.followUps = FollowUpStore(persistence)
        self.practices = PracticeStore(persistence)
        self.agenda = ProgrammeAgendaStore(persistence)
        self.liveBroadcaster = LiveBroadcaster()
        self.liveJoinLimiter = LoginRateLimiter(limit: configuration.liveJoinLimitPerAddress, windowSeconds: 60)
        self.liveAnswerLimiter = LoginRateLimiter(limit: configuration.liveAnswerLimitPerDevice, windowSeconds: 60)
        self.registers = Registers(
            records: assessments.records,
            computation: RegisterComputation(scoring: assessments.scoring, risks: assessments.risks, reference: reference, policy: policy))
        self.pages = pages
        self.passwords = PasswordHasher(cost: configuration.bcryptCost)
        self.security = AccountSecurity(passwords: passwords, configuration: configuration)
    }

    // MARK: Use cases (the web pages, the API and the command line call the same ones)

    var stateAdministration: StateAdministration { StateAdministration(states: states) }
    var passwordHashing: PasswordHashing {
        let passwords = passwords
        return PasswordHashing(hash: { try await passwords.hash($0) }, verify: { try await passwords.verify($0, hash: $1) })
    }
    var accountAdministration: AccountAdministration { AccountAdministration(accounts: accounts, passwords: passwordHashing) }
    var ownAccount: OwnAccount { OwnAccount(accounts: accounts, passwords: passwordHashing) }
    var assessmentRecords: Assessments { Assessments(assessments: assessments.records, reference: reference) }
    var scoring: Scoring { Scoring(scoring: assessments.scoring, reference: reference) }
    var institutions: InstitutionalMapping { InstitutionalMapping(institutions: assessments.institutions) }
    var horizonScanning: HorizonScanning { HorizonScanning(scan: assessments.scan, reference: reference) }
    var evidenceRecording: EvidenceRecording {
        EvidenceRecording(evidence: assessments.evidence, scoring: assessments.scoring, reference: reference)
    }
    var otherRisks: OtherRiskRecording { OtherRiskRecording(risks: assessments.risks) }
    var importing: AssessmentImporting {
        AssessmentImporting(importer: assessments.importer, reference: reference, accounts: accounts, frameworks: capability)
    }
    var policyDesign: PolicyDesign { PolicyDesign(policy: policy, reference: reference) }
    var responseReviewing: ResponseReviewing { ResponseReviewing(policy: policy, reference: reference) }
    var effectMeasurement: EffectMeasurement { EffectMeasurement(policy: policy) }
    var capabilityAssessing: CapabilityAssessing { CapabilityAssessing(capability: capability, frameworks: capability) }
    var liveFacilitation: LiveFacilitation {
        LiveFacilitation(live: live, assessments: assessments.records, scoring: assessments.scoring, reference: reference)
    }
    var liveParticipation: LiveParticipation { LiveParticipation(live: live) }
    var programmeRecords: ProgrammeRecords { ProgrammeRecords(programme: programme, states: states) }
    var programmeFollowUp: ProgrammeFollowUp { ProgrammeFollowUp(followUps: followUps, programme: programme, reference: reference) }
    var practiceExchange: PracticeExchange { PracticeExchange(practices: practices, states: states) }
    var programmeAgenda: ProgrammeAgenda { ProgrammeAgenda(agenda: agenda, programme: programme, reference: reference) }
    var developmentPlanning: DevelopmentPlanning { DevelopmentPlanning(capability: capability, frameworks: capability, reference: reference) }
    var approval: Approval {
        let a = assessments
        let registers = registers
        return Approval(
            sources: .init(
                assessments: a.records, approval: a.approval, institutions: a.institutions, scan: a.scan, scoring: a.scoring, evidence: a.evidence,
                risks: a.risks),
            register: { try await registers.build($0, scope: $1).document })
    }
}
