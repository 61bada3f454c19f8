import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A running application on a fresh database with two fictional states, one account per role in the home state
/// (the administrator programme-wide) and a focal point of the foreign state.
struct TestWorld: Sendable {
    static let password = "correct horse battery"
    /// Text that only the foreign state's data contains; no response to a home-state user may ever include it.
    static let foreignMarker = "NORVANIA-CONFIDENTIAL-7731"

    let services: AppServices
    let home: PartnerState
    let foreign: PartnerState
    let people: [Role: UserAccount]
    let foreignFocal: UserAccount
    let foreignGrantID: String
    /// One assessment with one scenario in each state (round 1 open).
    let homeAssessmentID: String
    let homeScenarioID: String
    let foreignAssessmentID: String
    let foreignScenarioID: String
    /// One agency, other risk and evidence item in each state's assessment, and one policy response (drafted, addressing
    /// the other risk) with one indicator in each state, by state.
    let records: [String: (agency: String, risk: String, evidence: String, response: String, indicator: String)]
    /// Each state's capability records (steps 7–8), by state.
    let capability: [String: CapabilityRecords]
    /// Each state's live session (issue 12), by state.
    let live: [String: LiveRecords]
    /// Each state's national workshop with one registered participant who attended its first day (issue 13), by state.
    let programme: [String: ProgrammeRecords]

    struct ProgrammeRecords: Sendable {
        let event: String
        let person: String
        /// A request for assistance (received) and a recommendation of the workshop with one open action item.
        let request: String
        let action: String
        /// A good practice the state shares with the Caribbean (neither test state is there: only the state itself sees it).
        let practice: String
        /// The programme's one knowledge product (programme-wide, the same for both states), presented at the state's workshop.
        let product: String
    }

    /// A running live session on the state's assessment with an idea board whose entry round is open, one admitted
    /// participant (device token known) and one idea.
    struct LiveRecords: Sendable {
        let session: String
        let code: String
        let activity: String
        let idea: String
        let participant: String
        /// The participant's device token (the cookie's value).
        let token: String
    }

    /// One self-assessment (F01 and F02, naming the state's threat assessment) with one evidence item, answers in F01
    /// and targets; one validated assessment of it (F01); two roadmap items, the adoption requiring the development item.
    struct CapabilityRecords: Sendable {
        let assessment: String
        let validated: String
        let evidence: String
        /// The development item the adoption requires.
        let prerequisite: String
        /// The adoption (of drones, T09), proposed.
        let item: String
        /// The self-assessment's version after seeding.
        let version: Int
    }

    /// The answers seeded in F01 of each self-assessment: F01 · E1 at level 2 (stage 3 partly), F01 · E4 at level 1.
    static let seededAnswers: [(criterion: String, answer: CriterionAnswer)] = [
        ("E1.1.a", .fully), ("E1.1.b", .largely), ("E1.2.a", .fully), ("E1.2.b", .largely), ("E1.3.a", .partially), ("E4.1.a", .fully),
        ("E4.1.b", .fully),
    ]

    /// The token `/metrics` asks for in the tests.
    static let metricsToken = "test-metrics-token-1234567890"

    static var configuration: AppConfiguration {
        AppConfiguration(
            host: "127.0.0.1", port: 0, databaseURL: "unused", demo: false, secureCookies: true, bcryptCost: 4, logFormat: "text", logLevel: "error",
            metricsToken: metricsToken)
    }

    static func seed(_ persistence: Persistence) async throws -> TestWorld {
        let services = AppServices(configuration: configuration, persistence: persistence, pages: try await PageRenderer())
        let admin = SystemAuthority.administrator(actorID: "test")
        func event(_ action: String, state: String? = nil) -> AuditEvent {
            AuditEvent(actorID: "test", actorLabel: "test", action: action, entityType: "test", entityID: "x", stateID: state)
        }
        let home = PartnerState(
            id: Identifier.make(), code: "VLD", name: "Republic of Valdoria", region: .other, defaultTLP: .amber, profile: "Home profile.", version: 1
        )
        let foreign = PartnerState(
            id: Identifier.make(), code: "NRV", name: "Kingdom of Norvania \(foreignMarker)", region: .other, defaultTLP: .red,
            profile: "Secret \(foreignMarker)", version: 1)
        try await services.states.create(home, by: admin, audit: event("state.create", state: home.id))
        try await services.states.create(foreign, by: admin, audit: event("state.create", state: foreign.id))
        let hash = try await services.passwords.hash(password)
        var people: [Role: UserAccount] = [:]
        for role in Role.allCases {
            let user = UserAccount(
                id: Identifier.make(), email: "\(role.rawValue)@valdoria.example", displayName: "\(role.title) Ва́лдория", passwordHash: hash,
                totpSecret: nil, isActive: true, failedLogins: 0, lockedUntil: nil, version: 1)
            let grant = RoleGrant(id: Identifier.make(), userID: user.id, role: role, stateID: role == .administrator ? nil : home.id)
            try await services.accounts.create(user, grants: [grant], by: admin, audit: event("user.create"))
            people[role] = user
        }
        let foreignFocal = UserAccount(
            id: Identifier.make(), email: "focal@norvania.example", displayName: "Norvanian \(foreignMarker)", passwordHash: hash, totpSecret: nil,
            isActive: true, failedLogins: 0, lockedUntil: nil, version: 1)
        let foreignGrant = RoleGrant(id: Identifier.make(), userID: foreignFocal.id, role: .focalPoint, stateID: foreign.id)
        try await services.accounts.create(foreignFocal, grants: [foreignGrant], by: admin, audit: event("user.create"))
        var ids: [String] = []
        var records: [String: (agency: String, risk: String, evidence: String, response: String, indicator: String)] = [:]
        var capability: [String: CapabilityRecords] = [:]
        var live: [String: LiveRecords] = [:]
        var programme: [String: ProgrammeRecords] = [:]
        let framework = try await services.capability.framework(id: nil) ?? .ctTechDefault
        for state in [home, foreign] {
            let scope = SystemAuthority.tenant(state.id, permission: .manageAssessment)
            let marker = state.id == foreign.id ? " \(foreignMarker)" : ""
            let assessment = Assessment(
                id: Identifier.make(), stateID: state.id, title: "National assessment\(marker)", period: "2025–2026", horizonYears: 2,
                methodVersion: MethodVersion.defaultID, tlp: .amber, status: .draft, version: 1)
            try await services.assessments.records.create(assessment, scope: scope, audit: event("assessment.create", state: state.id))
            let scenario = ThreatScenario(
                id: Identifier.make(), assessmentID: assessment.id, title: "Drone attack on a stadium\(marker)", narrative: "Fictional\(marker).",
                actorType: "A3", technologies: ["T09"], purposes: ["P7"], targetSector: "Mass gatherings", horizonYears: 2, version: 1)
            try await services.assessments.scoring.addScenario(scenario, scope: scope, audit: event("scenario.create", state: state.id))
            let agency = Agency(id: Identifier.make(), name: "Police\(marker)", kind: .lawEnforcement, mandate: "Mandate\(marker)")
            try await services.assessments.institutions.addAgency(
                agency, assessmentID: assessment.id, scope: scope, audit: event("agency.create", state: state.id))
            let risk = OtherRisk(
                id: Identifier.make(), title: "Flood\(marker)", family: "natural hazard",
                likelihood: try UncertainEstimate(low: 0.1, best: 0.2, high: 0.3, within: 0...1),
                impact: try UncertainEstimate(low: 2, best: 3, high: 4, within: 1...5), confidence: .high)
            try await services.assessments.risks.addOtherRisk(
                risk, assessmentID: assessment.id, scope: scope, audit: event("other_risk.create", state: state.id))
            let evidence = EvidenceItem(
                id: Identifier.make(), subject: .technology("T09"), summary: "Seizure report\(marker)", source: "Liaison", reliability: .b,
                credibility: .possiblyTrue, observedOn: "")
            try await services.assessments.evidence.addEvidence(
                evidence, assessmentID: assessment.id, scope: scope, audit: event("evidence.create", state: state.id))
            let policyScope = SystemAuthority.tenant(state.id, permission: .writeResponse)
            let response = PolicyResponse(
                id: Identifier.make(), stateID: state.id, title: "Drone registration\(marker)", type: "R02", description: "Register drones\(marker).",
                targets: [ResponseTarget(riskID: risk.id, kind: .otherRisk, assessmentID: assessment.id)],
                effects: [DeclaredEffect(factor: .likelihood, low: 10, best: 20, high: 30)], leadAgencyID: agency.id, partnerAgencyIDs: [],
                cost: CostRange(low: 1000, high: 2000, currency: "EUR"), timeframe: nil, legalBasis: "Aviation act\(marker)", status: .drafted,
                tlp: .amber, methodVersion: MethodVersion.defaultID, version: 1, createdBy: "test", updatedBy: "test", updatedAt: 0)
            try await services.policy.addResponse(response, scope: policyScope, audit: event("response.create", state: state.id))
            let indicator = Indicator(
                id: Identifier.make(), responseID: response.id, name: "Drones registered\(marker)", level: .output, unit: "drones",
                direction: .increase, baseline: 0, baselineDate: CalendarDate("2025-01-01")!, target: 100, targetDate: CalendarDate("2026-01-01")!,
                disaggregated: false)
            try await services.policy.addIndicator(indicator, scope: policyScope, audit: event("indicator.create", state: state.id))
            records[state.id] = (agency.id, risk.id, evidence.id, response.id, indicator.id)
            capability[state.id] = try await seedCapability(
                services, state: state, marker: marker, threatAssessment: assessment.id, framework: framework,
                event: { event($0, state: state.id) })
            live[state.id] = try await seedLive(services, state: state, marker: marker, assessment: assessment.id)
            programme[state.id] = try await seedProgramme(services, state: state, marker: marker)
            // Approved once and reopened: snapshot 1 exists, and the assessment is a draft again.
            try await services.assessments.approval.changeStatus(
                scope, assessmentID: assessment.id, to: .inReview, snapshot: nil, audit: event("assessment.status", state: state.id))
            let content = SnapshotContent(
                assessment: assessment, agencies: [], raci: [], horizonScan: [], scenarios: [scenario], evidence: [], otherRisks: [],
                register: RegisterDocument(assessment: assessment, register: .empty, basisRound: nil, draws: 0, seed: 0))
            let revision = try await services.assessments.records.revision(scope, assessmentID: assessment.id) ?? 0
            try await services.assessments.approval.changeStatus(
                scope, assessmentID: assessment.id, to: .approved, snapshot: (content, revision), audit: event("assessment.approve", state: state.id))
            try await services.assessments.approval.changeStatus(
                scope, assessmentID: assessment.id, to: .draft, snapshot: nil, audit: event("assessment.status", state: state.id))
            ids += [assessment.id, scenario.id]
        }
        return TestWorld(
            services: services, home: home, foreign: foreign, people: people, foreignFocal: foreignFocal, foreignGrantID: foreignGrant.id,
            homeAssessmentID: ids[0], homeScenarioID: ids[1], foreignAssessmentID: ids[2], foreignScenarioID: ids[3],
            records: records, capability: capability, live: live, programme: programme)
    }

    /// A national workshop of one state (issue 13) with one participant, through the store: the name and the title carry
    /// the marker in the foreign state.
    static func seedProgramme(_ services: AppServices, state: PartnerState, marker: String) async throws -> ProgrammeRecords {
        let scope = SystemAuthority.programme(actorID: "test", permission: .manageProgramme)
        let actor = AuditActor(id: "test", label: "test")
        let event = ProgrammeEvent(
            id: Identifier.make(), kind: .nationalWorkshop, title: "National workshop\(marker)", stateIDs: [state.id],
            start: CalendarDate("2024-04-01")!, end: CalendarDate("2024-04-02")!, city: "Capital\(marker)")
        try await services.programme.addProgrammeEvent(
            event, scope: scope, audit: AuditEvent(.programmeEventCreate, by: actor, entity: event.id, state: state.id))
        let person = ProgrammePerson(
            id: Identifier.make(), consent: ProgrammePerson.Consent(purpose: "records", givenOn: event.start, method: "form"),
            retainUntil: CalendarDate("2030-01-01")!, sex: "female", ageBand: nil, stateID: state.id, agency: "Police\(marker)", agencyType: nil,
            role: "Analyst")
        try await services.programme.registerParticipants(
            [
                ParticipantImport.Row(
                    line: 2, person: person, personal: PersonalData(personID: person.id, name: "Official\(marker)", contact: ""),
                    attended: [event.start])
            ],
            eventID: event.id, scope: scope, audit: AuditEvent(.programmeImport, by: actor, entity: event.id, state: state.id))
        let request = AssistanceRequest(
            id: Identifier.make(), stateID: state.id, askedBy: "Cyber unit\(marker)", eventID: event.id, topics: ["T01"],
            summary: "Training on AI\(marker)", receivedOn: event.start)
        try await services.followUps.addAssistanceRequest(
            request, scope: scope, audit: AuditEvent(.requestCreate, by: actor, entity: request.id, state: state.id))
        let recommendationID = Identifier.make()
        let item = ActionItem(
            id: Identifier.make(), recommendationID: recommendationID, action: "Adopt a strategy\(marker)", ownerAgency: "Police\(marker)",
            due: CalendarDate("2025-01-31")!)
        try await services.followUps.addRecommendation(
            Recommendation(
                id: recommendationID, stateID: state.id, eventID: event.id, text: "Adopt a strategy\(marker)", madeOn: event.end, items: [item]),
            scope: scope, audit: AuditEvent(.recommendationCreate, by: actor, entity: recommendationID, state: state.id))
        let practice = SharedPractice(
            id: Identifier.make(), stateID: state.id, kind: .lesson, title: "Lesson\(marker)", body: "Learned\(marker)", tlp: .amber,
            scope: .region(.caribbean), sharedOn: event.end)
        try await services.practices.sharePractice(
            practice, scope: SystemAuthority.tenant(state.id, actorID: "test", permission: .sharePractice),
            audit: AuditEvent(.practiceShare, by: actor, entity: practice.id, state: state.id))
        let product =
            try await services.agenda.knowledgeProducts(scope).first
            ?? KnowledgeProduct(
                id: Identifier.make(), title: "Handbook on new technologies", kind: .handbook, languages: ["en", "fr"], year: 2023,
                audience: "Law enforcement", topics: ["T08"], link: "https://www.un.org/counterterrorism/", summary: "")
        if try await services.agenda.knowledgeProducts(scope).isEmpty {
            try await services.agenda.addKnowledgeProduct(
                product, scope: scope, audit: AuditEvent(.productCreate, by: actor, entity: product.id, state: nil))
        }
        let session = AgendaSession(
            id: Identifier.make(), eventID: event.id, day: event.start, starts: "09:30", title: "Presenting the handbook\(marker)",
            presenter: "UNOCT/UNCCT", productIDs: [product.id], steps: [3])
        try await services.agenda.addAgendaSession(session, scope: scope, audit: AuditEvent(.agendaAdd, by: actor, entity: event.id, state: state.id))
        return ProgrammeRecords(
            event: event.id, person: person.id, request: request.id, action: item.id, practice: practice.id, product: product.id)
    }

    /// A live session of one state (issue 12), through the use cases: created, an idea board added, started, one participant
    /// joined and admitted, the entry round opened, one idea written.
    static func seedLive(_ services: AppServices, state: PartnerState, marker: String, assessment: String) async throws -> LiveRecords {
        let scope = SystemAuthority.tenant(state.id, permission: .runLiveSession)
        let actor = AuditActor(id: "test", label: "test")
        let facilitation = LiveFacilitation(
            live: services.live, assessments: services.assessments.records, scoring: services.assessments.scoring, reference: services.reference)
        let participation = LiveParticipation(live: services.live)
        var session = try await facilitation.create(
            LiveSessionDraft(
                title: "Workshop\(marker)", assessmentID: assessment, anonymity: "pseudonymous", attributes: ["sex"], minimumGroupSize: 2),
            by: actor, scope: scope)
        let board = try await facilitation.addActivity(
            LiveActivityDraft(kind: "ideas", title: "Ideas\(marker)", items: [], scenarios: [], limit: 2), to: session, by: actor, scope: scope)
        session = try await facilitation.move(session, to: .running, expectedVersion: session.version, by: actor, scope: scope)
        let (participant, token) = try await participation.join(session, with: LiveJoinDraft(fields: ["sex": "female"]))
        _ = try await facilitation.admit([participant.id], .admitted, in: session, by: actor, scope: scope)
        let round = try await facilitation.openRound(board, in: session, by: actor, scope: scope)
        guard let (pass, admitted, current) = try await participation.pass(token: token) else { preconditionFailure("just joined") }
        try await participation.answer(
            LiveAnswerDraft(fields: ["idea": "Drone registry\(marker)"]), to: board, item: "", round: round, pass: pass, participant: admitted,
            session: current)
        let idea = try await services.live.liveIdeas(scope, sessionID: session.id, activityID: board.id)
        return LiveRecords(
            session: session.id, code: session.code, activity: board.id, idea: idea.first?.id ?? "", participant: participant.id, token: token)
    }

    /// Step 7–8 records of one state, written through the store with their audit events.
    static func seedCapability(
        _ services: AppServices, state: PartnerState, marker: String, threatAssessment: String, framework: CapabilityFramework,
        event: (String) -> AuditEvent
    ) async throws -> CapabilityRecords {
        let store = services.capability
        let scope = SystemAuthority.tenant(state.id, permission: .writeCapability)
        let conducted = CalendarDate("2025-06-01")!
        let assessment = CapabilityAssessment(
            id: Identifier.make(), stateID: state.id, kind: .selfAssessed, title: "Capability self-assessment\(marker)",
            frameworkVersion: framework.id, areas: ["F01", "F02"], conductedOn: conducted, registerAssessmentID: threatAssessment, version: 1,
            createdBy: "test", createdAt: 1)
        try await store.addCapabilityAssessment(assessment, scope: scope, audit: event("capability.create"))
        let evidence = CapabilityEvidence(
            id: Identifier.make(), assessmentID: assessment.id, summary: "Training records\(marker)", source: "Police academy", reliability: .b,
            credibility: .probablyTrue, observedOn: nil)
        try await store.addCapabilityEvidence(evidence, scope: scope, audit: event("capability.evidence"))
        let answers = seededAnswers.map {
            CriterionRecord(
                assessmentID: assessment.id, area: "F01", criterion: $0.criterion, answer: $0.answer, confidence: .moderate,
                note: "Seen\(marker)", evidenceIDs: $0.criterion == "E1.1.a" ? [evidence.id] : [], answeredBy: "test", answeredAt: 1)
        }
        _ = try await store.replaceAnswers(
            answers, area: "F01", assessmentID: assessment.id, expectedVersion: 2, framework: framework, scope: scope,
            audit: event("capability.answers"))
        let targets = [("F01", "E1", 3), ("F02", "E1", 2)].map {
            CapabilityTarget(
                assessmentID: assessment.id, area: $0.0, enabler: $0.1, stage: $0.2, source: .hand, feasibility: Feasibility(), setBy: "test",
                setAt: 1)
        }
        let stored = try await store.replaceTargets(
            targets, areas: ["F01", "F02"], assessmentID: assessment.id, expectedVersion: 3, framework: framework, scope: scope,
            audit: event("capability.targets"))
        let validated = CapabilityAssessment(
            id: Identifier.make(), stateID: state.id, kind: .validated, title: "Validated capability\(marker)", frameworkVersion: framework.id,
            areas: ["F01"], conductedOn: conducted, validates: assessment.id, registerAssessmentID: threatAssessment, version: 1,
            createdBy: "test", createdAt: 2)
        try await store.addCapabilityAssessment(validated, scope: scope, audit: event("capability.create"))
        let prerequisite = RoadmapItem(
            id: Identifier.make(), stateID: state.id, kind: .development, title: "Legal guidance\(marker)", area: "F01", enabler: "E1",
            toStage: 3, horizon: .short, createdBy: "test", createdAt: 1)
        try await store.addRoadmapItem(prerequisite, scope: scope, audit: event("roadmap.create"))
        let item = RoadmapItem(
            id: Identifier.make(), stateID: state.id, kind: .adoption, title: "Counter-drone detection\(marker)",
            description: "Radars around stadiums\(marker).", technology: "T09", horizon: .medium, prerequisites: [prerequisite.id],
            milestones: [Milestone(title: "Pilot\(marker)", due: CalendarDate("2026-06-30")!)],
            readiness: ["legal-basis": .partlyReady], createdBy: "test", createdAt: 2)
        try await store.addRoadmapItem(item, scope: scope, audit: event("roadmap.create"))
        return CapabilityRecords(
            assessment: assessment.id, validated: validated.id, evidence: evidence.id, prerequisite: prerequisite.id, item: item.id,
            version: stored.version)
    }

    func user(_ role: Role) -> UserAccount {
        guard let user = people[role] else { preconditionFailure("every role is seeded") }
        return user
    }

    /// A fresh signed-in session for a role, made directly in the store (the login flow has tests of its own).
    func session(_ role: Role) async throws -> Session {
        let (token, session) = try await services.sessions.create(userID: user(role).id, awaitingTOTP: false, lifetimeMilliseconds: 3_600_000)
        return Session(cookie: "__Host-cttech_session=\(token)", csrf: session.csrfToken)
    }

    func bearer(_ role: Role) async throws -> String {
        try await services.tokens.create(
            userID: user(role).id, label: "test", lifetimeMilliseconds: nil,
            audit: AuditEvent(.tokenCreate, by: AuditActor(id: "test", label: "test"), entity: "", state: nil))
    }
}

struct Session: Sendable {
    let cookie: String
    let csrf: String
}

/// Builds the real application on a fresh database of `kind`, seeds the world, and runs `test` against it in process.
func withApp(_ kind: DatabaseKind, _ test: @escaping @Sendable (TestWorld, any TestClientProtocol) async throws -> Void) async throws {
    try await withTestDatabase(kind) { persistence in
        let world = try await TestWorld.seed(persistence)
        var logger = Logger(label: "cttech-test")
        logger.logLevel = .error
        let app = try await buildApplication(
            configuration: TestWorld.configuration, persistence: persistence, services: world.services, logger: logger)
        try await app.test(.router) { client in try await test(world, client) }
    }
}

extension TestClientProtocol {
    /// A request with an optional session cookie, form fields (URL-encoded) or raw body.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, session: Session? = nil, form: [String: String]? = nil, json: String? = nil,
        headers extra: HTTPFields = [:], body raw: ByteBuffer? = nil
    ) async throws -> TestResponse {
        var headers = extra
        if let session { headers[.cookie] = [headers[.cookie], session.cookie].compactMap { $0 }.joined(separator: "; ") }
        var body = raw
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: formEncode(form))
        }
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        }
        return try await execute(uri: uri, method: method, headers: headers, body: body)
    }
}

func formEncode(_ fields: [String: String]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return fields.sorted { $0.key < $1.key }
        .map {
            "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }
        .joined(separator: "&")
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The value of a cookie the response sets, and the whole Set-Cookie line.
    func setCookie(_ name: String) -> (value: String, line: String)? {
        for line in headers[values: .setCookie] where line.hasPrefix(name + "=") {
            let value = line.dropFirst(name.count + 1).prefix { $0 != ";" }
            return (String(value), line)
        }
        return nil
    }

    /// The value of the first hidden `name` field in an HTML form.
    func hiddenField(_ name: String) -> String? {
        guard let range = text.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}
