import CTTechCore
import CTTechWeb
import Foundation

/// The fictional Republic of Valdoria: its people, its 2026 assessment, the scores of two rounds and two approved
/// snapshots. Every page mock is built from these values through the pages' own `make`, so the snapshots show what a
/// real request would. Ids and timestamps are fixed: the same test run always renders the same bytes.
enum Valdoria {
    /// A record id that passes `Identifier.isValid`: `00000000-0000-0000-0000-` and `n` in 12 digits.
    static func id(_ n: Int) -> String {
        let digits = String(n)
        return "00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    static let csrf = "csrf-fixed-token-for-snapshots"
    static let method = MethodVersion.ctTechDefault
    /// 2026-09-14 08:30:00 UTC, in epoch milliseconds.
    static let now: Int64 = 1_789_374_600_000

    // MARK: Partner states

    static let state = PartnerState(
        id: id(1), code: "VLD", name: "Republic of Valdoria", region: .southernEurope, defaultTLP: .amber,
        profile: """
            Valdoria's counter-terrorism coordination sits with the Ministry of Interior; the National Police run the \
            Counter-Terrorism Directorate and the State Security Service leads on online threats.
            """, version: 3)
    static let arvenna = PartnerState(
        id: id(2), code: "ARV", name: "Kingdom of Arvenna", region: .caribbean, defaultTLP: .green, profile: "", version: 1)
    /// A state whose name is written in Arabic, right to left.
    static let zahran = PartnerState(
        id: id(3), code: "ZHR", name: "سلطنة زهران", region: .mena, defaultTLP: .amberStrict,
        profile: "تنسق وزارة الداخلية جهود مكافحة الإرهاب.", version: 2)

    // MARK: People

    static let focalPoint = Identity(
        userID: id(101), email: "amira.haddad@valdoria.example", displayName: "Amira Haddad",
        grants: [RoleGrant(id: id(701), userID: id(101), role: .focalPoint, stateID: state.id)])
    /// An assessor whose name is written in Cyrillic, with a combining accent.
    static let assessor = Identity(
        userID: id(102), email: "irina@valdoria.example", displayName: "Ирина Ва́лдория",
        grants: [RoleGrant(id: id(702), userID: id(102), role: .assessor, stateID: state.id)])
    static let facilitator = Identity(
        userID: id(103), email: "lena.brandt@ctt.example", displayName: "Lena Brandt",
        grants: [
            RoleGrant(id: id(703), userID: id(103), role: .facilitator, stateID: state.id),
            RoleGrant(id: id(704), userID: id(103), role: .facilitator, stateID: arvenna.id),
        ])
    /// Reads the assessment; may change nothing.
    static let policyMaker = Identity(
        userID: id(104), email: "marko.dren@valdoria.example", displayName: "Marko Dren",
        grants: [RoleGrant(id: id(705), userID: id(104), role: .policyMaker, stateID: state.id)])
    static let administrator = Identity(
        userID: id(105), email: "sam.okafor@ctt.example", displayName: "Sam Okafor",
        grants: [
            RoleGrant(id: id(706), userID: id(105), role: .administrator, stateID: nil),
            RoleGrant(id: id(707), userID: id(105), role: .programmeOfficer, stateID: nil),
        ])
    static let secondAssessor = Identity(
        userID: id(106), email: "tomas.reiner@valdoria.example", displayName: "Tomas Reiner",
        grants: [RoleGrant(id: id(708), userID: id(106), role: .assessor, stateID: state.id)])

    static func account(_ identity: Identity, totp: Bool = false, active: Bool = true, lockedUntil: Int64? = nil) -> UserAccount {
        UserAccount(
            id: identity.userID, email: identity.email, displayName: identity.displayName, passwordHash: "$2b$12$fixture",
            totpSecret: totp ? "JBSWY3DPEHPK3PXP" : nil, isActive: active, failedLogins: lockedUntil == nil ? 0 : 5, lockedUntil: lockedUntil,
            version: 2)
    }

    // MARK: Layouts

    /// The layout a signed-in user sees, with the state's method steps as the server lists them.
    static func layout(
        _ title: String, identity: Identity?, path: String, tlp: TLP = .amber, state: PartnerState? = nil, flash: String? = nil
    )
        -> LayoutModel
    {
        var steps: [(String, String)] = []
        if let state {
            steps.append(("Overview", SiteURL.state(state.id).path))
            if let identity, Authorizer.allows(identity, state: state.id, .viewAssessment) {
                steps.append(("Steps 1–4 · Threat assessment", SiteURL.assessments(state.id).path))
            }
        }
        return LayoutModel(
            title: title, tlp: tlp, identity: identity, csrf: identity == nil ? nil : csrf, path: path, flash: flash, stateName: state?.name ?? "",
            stateSteps: steps)
    }

    /// The layout of a page of one assessment: its marking and Valdoria's steps.
    static func layout(_ title: String, identity: Identity, at url: SiteURL, assessment: Assessment = Valdoria.assessment) -> LayoutModel {
        layout(title, identity: identity, path: url.path, tlp: assessment.tlp, state: state)
    }

    // MARK: The assessment

    static let assessment = Assessment(
        id: id(201), stateID: state.id, title: "National threat assessment 2026", period: "2026–2027", horizonYears: 2,
        methodVersion: MethodVersion.defaultID, tlp: .amber, status: .draft, version: 7)
    static let approvedAssessment = with(assessment) { $0.status = .approved }
    /// The same assessment titled in Arabic, right to left.
    static let arabicAssessment = with(assessment) {
        $0.id = id(202)
        $0.title = "تقييم وطني للتهديدات ٢٠٢٦"
    }
    static let previousAssessment = Assessment(
        id: id(203), stateID: state.id, title: "National threat assessment 2024", period: "2024–2025", horizonYears: 2,
        methodVersion: MethodVersion.defaultID, tlp: .amberStrict, status: .approved, version: 12)

    static let drones = ThreatScenario(
        id: id(301), assessmentID: assessment.id, title: "Armed drone over the Kessel harbour festival",
        narrative: """
            A small cell modifies a commercial quadcopter to drop an improvised device on the crowd at the Kessel harbour \
            festival, using flight paths shared in an online forum.
            """, actorType: "A1", technologies: ["T09"], purposes: ["P7"], targetSector: "Mass gatherings", horizonYears: 2, version: 1)
    static let cryptoFunding = ThreatScenario(
        id: id(302), assessmentID: assessment.id, title: "Crowdfunding in virtual assets through gaming platforms",
        narrative: "An affiliate network raises funds in small crypto donations collected through in-game marketplaces.", actorType: "A2",
        technologies: ["T04", "T05", "T07"], purposes: ["P3"], targetSector: "Financial sector", horizonYears: 2, version: 2)
    static let deepfakes = ThreatScenario(
        id: id(303), assessmentID: assessment.id, title: "Deepfake audio inciting violence before the elections",
        narrative: "A lone actor circulates fabricated audio of a minister to incite attacks on polling stations.", actorType: "A3",
        technologies: ["T01", "T08"], purposes: ["P1", "P10"], targetSector: "", horizonYears: 1, version: 1)
    /// A scenario written in Arabic (right to left) whose rationale quotes markup.
    static let recruitment = ThreatScenario(
        id: id(304), assessmentID: assessment.id, title: "حملة تجنيد عبر الرسائل المشفرة",
        narrative: "شبكة تستخدم تطبيقات المراسلة المشفرة لتجنيد الشباب في المناطق الحدودية.", actorType: "A2", technologies: ["T02"],
        purposes: ["P2"], targetSector: "Youth", horizonYears: 2, version: 1)
    static let scenarios = [drones, cryptoFunding, deepfakes, recruitment]

    static let roundOneOpen = ScoringRound(number: 1, status: .open)
    static let roundOneRevealed = ScoringRound(number: 1, status: .revealed)
    static let roundTwoOpen = ScoringRound(number: 2, status: .open)
    static let roundTwoRevealed = ScoringRound(number: 2, status: .revealed)

    /// An interval the fixtures write in order; a mistake in them stops the run.
    static func interval(_ low: Double, _ best: Double, _ high: Double, within bounds: ClosedRange<Double> = 0...1) -> UncertainEstimate {
        guard let estimate = try? UncertainEstimate(low: low, best: best, high: high, within: bounds) else {
            preconditionFailure("fixture interval \(low)–\(best)–\(high) is out of order or out of \(bounds)")
        }
        return estimate
    }

    static func score(
        _ scenario: ThreatScenario, round: Int, by assessor: Identity, intent: Int, capability: Int, access: Int, opportunity: Int,
        likelihood: (Double, Double, Double), impact: Int, confidence: Confidence, rationale: String
    ) -> ScenarioScore {
        var impacts = Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, max(impact - 1, 1)) })
        impacts[.fatalities] = impact
        impacts[.humanRights] = min(impact, 3)
        return ScenarioScore(
            scenarioID: scenario.id, round: round, assessorID: assessor.userID, intent: intent, actorCapability: capability,
            technologyAccessibility: access, opportunity: opportunity, likelihood: interval(likelihood.0, likelihood.1, likelihood.2),
            impact: impacts, confidence: confidence, rationale: rationale)
    }

    /// Round 1: three assessors score every scenario but the Arabic one, which two score.
    static let roundOneScores = [
        score(
            drones, round: 1, by: assessor, intent: 4, capability: 3, access: 4, opportunity: 4, likelihood: (0.02, 0.06, 0.15), impact: 4,
            confidence: .moderate, rationale: "Forum posts show <script>alert('drone')</script> tutorials; festival security is thin."),
        score(
            drones, round: 1, by: secondAssessor, intent: 3, capability: 3, access: 5, opportunity: 3, likelihood: (0.01, 0.03, 0.1), impact: 4,
            confidence: .low, rationale: "No attempt seen in Valdoria yet."),
        score(
            drones, round: 1, by: focalPoint, intent: 4, capability: 4, access: 4, opportunity: 4, likelihood: (0.03, 0.08, 0.2), impact: 5,
            confidence: .moderate, rationale: "Neighbouring states report two attempts."),
        score(
            cryptoFunding, round: 1, by: assessor, intent: 4, capability: 4, access: 5, opportunity: 4, likelihood: (0.1, 0.25, 0.45),
            impact: 2, confidence: .high, rationale: "The FIU traced three wallets."),
        score(
            cryptoFunding, round: 1, by: secondAssessor, intent: 4, capability: 3, access: 5, opportunity: 4, likelihood: (0.08, 0.2, 0.4),
            impact: 2, confidence: .moderate, rationale: ""),
        score(
            cryptoFunding, round: 1, by: focalPoint, intent: 5, capability: 4, access: 4, opportunity: 5, likelihood: (0.15, 0.3, 0.5), impact: 3,
            confidence: .high, rationale: "Seen in the 2024 cases."),
        score(
            deepfakes, round: 1, by: assessor, intent: 3, capability: 2, access: 5, opportunity: 3, likelihood: (0.01, 0.04, 0.1), impact: 3,
            confidence: .low, rationale: "Тестовый текст: аудиоподделка."),
        score(
            deepfakes, round: 1, by: secondAssessor, intent: 2, capability: 2, access: 5, opportunity: 2, likelihood: (0.005, 0.02, 0.05),
            impact: 3, confidence: .low, rationale: ""),
        score(
            deepfakes, round: 1, by: focalPoint, intent: 3, capability: 3, access: 5, opportunity: 3, likelihood: (0.02, 0.05, 0.12), impact: 4,
            confidence: .moderate, rationale: "Elections in 2027."),
        score(
            recruitment, round: 1, by: assessor, intent: 4, capability: 3, access: 5, opportunity: 3, likelihood: (0.1, 0.2, 0.35), impact: 3,
            confidence: .moderate, rationale: "رسائل مرصودة في ثلاث قنوات."),
        score(
            recruitment, round: 1, by: focalPoint, intent: 4, capability: 3, access: 5, opportunity: 4, likelihood: (0.1, 0.3, 0.5), impact: 3,
            confidence: .moderate, rationale: ""),
    ]

    /// Round 2, after discussion: the drone scenario converges, the deepfake one drops.
    static let roundTwoScores = [
        score(
            drones, round: 2, by: assessor, intent: 4, capability: 4, access: 4, opportunity: 4, likelihood: (0.03, 0.08, 0.18), impact: 5,
            confidence: .moderate, rationale: "Agreed after the reveal."),
        score(
            drones, round: 2, by: secondAssessor, intent: 4, capability: 3, access: 4, opportunity: 4, likelihood: (0.02, 0.07, 0.15), impact: 4,
            confidence: .moderate, rationale: ""),
        score(
            drones, round: 2, by: focalPoint, intent: 4, capability: 4, access: 4, opportunity: 4, likelihood: (0.03, 0.08, 0.2), impact: 5,
            confidence: .moderate, rationale: ""),
        score(
            cryptoFunding, round: 2, by: assessor, intent: 4, capability: 4, access: 5, opportunity: 4, likelihood: (0.1, 0.25, 0.45),
            impact: 2, confidence: .high, rationale: ""),
        score(
            cryptoFunding, round: 2, by: secondAssessor, intent: 4, capability: 4, access: 5, opportunity: 4, likelihood: (0.1, 0.22, 0.4),
            impact: 2, confidence: .high, rationale: ""),
        score(
            cryptoFunding, round: 2, by: focalPoint, intent: 5, capability: 4, access: 4, opportunity: 5, likelihood: (0.15, 0.3, 0.5), impact: 3,
            confidence: .high, rationale: ""),
        score(
            deepfakes, round: 2, by: assessor, intent: 2, capability: 2, access: 5, opportunity: 2, likelihood: (0.005, 0.02, 0.05), impact: 3,
            confidence: .low, rationale: ""),
        score(
            deepfakes, round: 2, by: secondAssessor, intent: 2, capability: 2, access: 5, opportunity: 2, likelihood: (0.005, 0.02, 0.05),
            impact: 3, confidence: .low, rationale: ""),
        score(
            deepfakes, round: 2, by: focalPoint, intent: 2, capability: 3, access: 5, opportunity: 3, likelihood: (0.01, 0.03, 0.08), impact: 4,
            confidence: .low, rationale: ""),
    ]

    // MARK: Institutions, scan, evidence and other risks

    static let police = Agency(
        id: id(401), name: "National Police — Counter-Terrorism Directorate", kind: .lawEnforcement,
        mandate: "Investigates terrorist offences and protects mass gatherings.")
    static let securityService = Agency(
        id: id(402), name: "State Security Service", kind: .intelligence, mandate: "Monitors online radicalisation and foreign fighters.")
    static let interior = Agency(id: id(403), name: "Ministry of Interior", kind: .ministry, mandate: "Owns the national CT strategy.")
    static let financialIntelligence = Agency(
        id: id(404), name: "وحدة الاستخبارات المالية", kind: .financialIntelligence, mandate: "Traces terrorist financing, virtual assets included.")
    static let agencies = [police, securityService, interior, financialIntelligence]

    static let raci = [
        RaciAssignment(activity: .scoping, agencyID: interior.id, role: .accountable),
        RaciAssignment(activity: .scoping, agencyID: police.id, role: .responsible),
        RaciAssignment(activity: .scoping, agencyID: securityService.id, role: .consulted),
        RaciAssignment(activity: .horizonScan, agencyID: securityService.id, role: .accountable),
        RaciAssignment(activity: .horizonScan, agencyID: police.id, role: .responsible),
        RaciAssignment(activity: .horizonScan, agencyID: financialIntelligence.id, role: .informed),
        RaciAssignment(activity: .scoring, agencyID: police.id, role: .accountable),
        RaciAssignment(activity: .scoring, agencyID: securityService.id, role: .responsible),
        RaciAssignment(activity: .approval, agencyID: interior.id, role: .accountable),
    ]

    static let scan = [
        HorizonScanEntry(technology: "T02", stage: .routine, trend: .stable, notes: "Used by every network under investigation."),
        HorizonScanEntry(technology: "T04", stage: .attempted, trend: .rising, notes: "Three wallets traced in 2025."),
        HorizonScanEntry(technology: "T08", stage: .discussed, trend: .surging, notes: "Tutorials shared in closed groups."),
        HorizonScanEntry(technology: "T09", stage: .observed, trend: .rising, notes: "Two attempts in neighbouring states."),
    ]
    /// The scan at the second approval: deepfakes moved from talk to an attempt.
    static let laterScan = scan.map { entry in entry.technology == "T08" ? with(entry) { $0.stage = .attempted } : entry }

    static let evidence = [
        EvidenceItem(
            id: id(501), subject: .scenario(drones.id), summary: "Flight-path files for the harbour shared in a closed forum.",
            source: "State Security Service monitoring report", reliability: .b, credibility: .probablyTrue, observedOn: "2026-03-14"),
        EvidenceItem(
            id: id(502), subject: .scenario(drones.id), summary: "Post quoting <script>alert('x')</script> as a \"payload\" & asking for help.",
            source: "Open-source forum archive", reliability: .c, credibility: .possiblyTrue, observedOn: ""),
        EvidenceItem(
            id: id(503), subject: .technology("T09"), summary: "Modified quadcopter seized at the northern border.",
            source: "Border police seizure log", reliability: .a, credibility: .confirmed, observedOn: "2026-01-31"),
        EvidenceItem(
            id: id(504), subject: .technology("T08"), summary: "رسائل صوتية مزيفة متداولة في مجموعات مغلقة.",
            source: "تقرير الرصد الإعلامي", reliability: .d, credibility: .doubtful, observedOn: "2026-05-02"),
    ]

    static let flooding = OtherRisk(
        id: id(601), title: "Severe river flooding in the Kessel basin", family: "Natural hazard", likelihood: interval(0.2, 0.35, 0.5),
        impact: interval(3, 4, 5, within: 1...5), confidence: .moderate)
    static let ransomware = OtherRisk(
        id: id(602), title: "Ransomware on the national grid operator", family: "Cyber", likelihood: interval(0.05, 0.15, 0.3),
        impact: interval(2, 3, 4, within: 1...5), confidence: .low)
    static let pandemic = OtherRisk(
        id: id(603), title: "Pandemic influenza", family: "Public health", likelihood: interval(0.02, 0.05, 0.1),
        impact: interval(3, 4, 5, within: 1...5), confidence: .high)
    static let otherRisks = [flooding, ransomware, pandemic]

    // MARK: Registers and snapshots

    /// The register as the server computes it: the basis round's scores with the other risks, fixed draws and seed.
    static func register(_ assessment: Assessment, round: Int?, scores: [ScenarioScore], otherRisks: [OtherRisk]) -> RegisterDocument {
        let register = RiskRegister.compute(
            scenarios: round == nil ? [] : scenarios, scores: scores, round: round ?? 0, otherRisks: otherRisks, draws: RegisterComputation.draws,
            seed: RegisterComputation.seed)
        return RegisterDocument(
            assessment: assessment, register: register, basisRound: round, draws: RegisterComputation.draws, seed: RegisterComputation.seed)
    }

    static let roundOneRegister = register(assessment, round: 1, scores: roundOneScores, otherRisks: otherRisks)
    static let roundTwoRegister = register(approvedAssessment, round: 2, scores: roundTwoScores, otherRisks: [flooding, ransomware])

    static let firstSnapshot = AssessmentSnapshot(
        id: id(801), assessmentID: assessment.id, number: 1, approvedBy: focalPoint.userID, approvedAt: now - 86_400_000 * 90,
        sha256: Identifier.sha256Hex("Valdoria snapshot 1"),
        content: SnapshotContent(
            assessment: approvedAssessment, agencies: agencies, raci: raci, horizonScan: scan, scenarios: scenarios,
            evidence: evidence, otherRisks: otherRisks, register: with(roundOneRegister) { $0.tlp = TLP.amber.rawValue }))
    static let secondSnapshot = AssessmentSnapshot(
        id: id(802), assessmentID: assessment.id, number: 2, approvedBy: focalPoint.userID, approvedAt: now,
        sha256: Identifier.sha256Hex("Valdoria snapshot 2"),
        content: SnapshotContent(
            assessment: approvedAssessment, agencies: agencies, raci: raci, horizonScan: laterScan, scenarios: Array(scenarios.prefix(3)),
            evidence: evidence, otherRisks: [flooding, ransomware], register: roundTwoRegister))

    // MARK: Refused input

    /// The problems a form's validation reports, as the controllers hand them to the page.
    static func refusal<Value>(_ validation: () throws -> Value) -> ValidationFailure? {
        do {
            _ = try validation()
            return nil
        } catch let failure as ValidationFailure {
            return failure
        } catch {
            preconditionFailure("validation threw \(error), not a ValidationFailure")
        }
    }

    /// Text a user typed that must reach the page escaped.
    static let markup = "<script>alert('Valdoria')</script>"
}

// MARK: - Policy responses (steps 5–6)

extension Valdoria {
    /// A human-rights and gender reviewer of Valdoria: answers checks, writes no response.
    static let reviewer = Identity(
        userID: id(107), email: "nadia.ferreira@valdoria.example", displayName: "Nadia Ferreira",
        grants: [RoleGrant(id: id(730), userID: id(107), role: .reviewer, stateID: state.id)])
    /// A policy maker who is also a reviewer: never reviews the responses they wrote.
    static let reviewingPolicyMaker = Identity(
        userID: id(108), email: "jonas.veld@valdoria.example", displayName: "Jonas Veld",
        grants: [
            RoleGrant(id: id(731), userID: id(108), role: .policyMaker, stateID: state.id),
            RoleGrant(id: id(732), userID: id(108), role: .reviewer, stateID: state.id),
        ])

    /// The day the pages are read on: 2026-09-14, the day of ``now``.
    static let today = CalendarDate(epochMilliseconds: now)
    static let day: Int64 = 86_400_000

    /// A date the fixtures write as yyyy-MM-dd; a mistake in one stops the run.
    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { preconditionFailure("fixture date \(text) is not a calendar date") }
        return date
    }

    /// What a response of Valdoria may address: the scenarios and other national risks of its 2026 assessment.
    static let addressableRisks =
        scenarios.map {
            AddressableRisk(id: $0.id, kind: .scenario, assessmentID: assessment.id, assessmentTitle: assessment.title, title: $0.title)
        }
        + otherRisks.map {
            AddressableRisk(id: $0.id, kind: .otherRisk, assessmentID: assessment.id, assessmentTitle: assessment.title, title: $0.title)
        }

    static func target(_ scenario: ThreatScenario, baselineRound: Int? = nil) -> ResponseTarget {
        ResponseTarget(riskID: scenario.id, kind: .scenario, assessmentID: assessment.id, baselineRound: baselineRound)
    }

    static func target(_ risk: OtherRisk, baselineRound: Int? = nil) -> ResponseTarget {
        ResponseTarget(riskID: risk.id, kind: .otherRisk, assessmentID: assessment.id, baselineRound: baselineRound)
    }

    static func response(
        _ n: Int, _ title: String, type: String, description: String = "", targets: [ResponseTarget] = [], effects: [DeclaredEffect] = [],
        lead: Agency? = nil, partners: [Agency] = [], cost: CostRange? = nil, timeframe: (String, String)? = nil, legalBasis: String = "",
        status: ResponseStatus, version: Int = 1, author: Identity = policyMaker, editor: Identity? = nil
    ) -> PolicyResponse {
        PolicyResponse(
            id: id(n), stateID: state.id, title: title, type: type, description: description, targets: targets, effects: effects,
            leadAgencyID: lead?.id, partnerAgencyIDs: partners.map(\.id), cost: cost,
            timeframe: timeframe.map { Timeframe(start: date($0.0), end: date($0.1)) }, legalBasis: legalBasis, status: status, tlp: .amber,
            methodVersion: method.id, version: version, createdBy: author.userID, updatedBy: (editor ?? author).userID,
            updatedAt: now - 10 * day)
    }

    /// An idea with nothing declared yet.
    static let dataRetention = response(
        905, "Review of the data-retention rules for messaging services", type: "R01", status: .idea)

    /// Drafted by a policy maker who is also a reviewer: they may not review it.
    static let deepfakeDesk = response(
        904, "Deepfake detection desk for the electoral commission", type: "R07",
        description: "A desk at the electoral commission checks audio and video of candidates reported by the public and platforms.",
        targets: [target(deepfakes)],
        effects: [
            DeclaredEffect(factor: .opportunity, low: 10, best: 25, high: 40), DeclaredEffect(factor: .impact, low: 5, best: 10, high: 15),
        ], lead: interior, status: .drafted, author: reviewingPolicyMaker)

    /// Under review, blocked by a Not met on H04 proportionality.
    static let counterDrone = response(
        901, "Counter-drone detection and jamming at mass gatherings", type: "R05",
        description: "Detection radars and radio-frequency jammers around festivals and stadiums, run by the police during the event.",
        targets: [target(drones)],
        effects: [
            DeclaredEffect(factor: .opportunity, low: 20, best: 35, high: 50),
            DeclaredEffect(factor: .impact, dimension: .fatalities, low: 10, best: 20, high: 30),
        ], lead: police, partners: [interior], cost: CostRange(low: 250_000, high: 400_000, currency: "EUR"),
        timeframe: ("2026-10-01", "2028-09-30"), legalBasis: "Draft amendment to the Aviation Security Act, article 14b (not yet adopted).",
        status: .underReview, version: 2)

    /// Approved through a focal point's override of the unreviewed gender checks.
    static let assetLicensing = response(
        902, "Licensing and transaction monitoring of virtual-asset service providers", type: "R02",
        description: "Virtual-asset service providers are licensed and report transfers to gaming marketplaces above a threshold.",
        targets: [target(cryptoFunding, baselineRound: 1), target(ransomware, baselineRound: 1)],
        effects: [
            DeclaredEffect(factor: .technologyAccessibility, low: 15, best: 30, high: 45),
            DeclaredEffect(factor: .likelihood, low: 10, best: 20, high: 30),
        ], lead: financialIntelligence, partners: [interior], cost: CostRange(low: 1_200_000, high: 1_800_000, currency: "EUR"),
        timeframe: ("2026-07-01", "2027-12-31"), legalBasis: "Anti-Money Laundering Act 2019, as amended in 2026.", status: .approved,
        version: 3, author: focalPoint, editor: policyMaker)

    /// Implementing, every mandatory check met: the clean one, with indicators.
    static let counterNarratives = response(
        903, "Counter-narratives with youth organisations in the border regions", type: "R09",
        description: "Youth organisations produce and spread counter-narratives in the channels where recruiters are active.",
        targets: [target(recruitment, baselineRound: 1), target(deepfakes, baselineRound: 1)],
        effects: [DeclaredEffect(factor: .intent, low: 10, best: 20, high: 35)], lead: interior, partners: [securityService],
        cost: CostRange(low: 300_000, high: 300_000, currency: "EUR"), timeframe: ("2026-01-01", "2027-12-31"),
        legalBasis: "National Strategy for Preventing Violent Extremism 2025–2029, measure 3.2.", status: .implementing, version: 4)

    /// Withdrawn before review.
    static let biometricGates = response(
        906, "Biometric identification at festival entrances", type: "R05", targets: [target(drones)], lead: police, status: .withdrawn)

    /// The state's responses in the repository's order: by status along the way, then title.
    static let responses = [dataRetention, deepfakeDesk, counterDrone, assetLicensing, counterNarratives, biometricGates]

    static func answer(
        _ response: PolicyResponse, _ kind: ReviewKind, _ code: String, _ status: CheckStatus, _ reasoning: String, marker: Int? = nil,
        by reviewer: Identity = Valdoria.reviewer, version: Int? = nil, daysAgo: Int64 = 3
    ) -> CheckReview {
        CheckReview(
            responseID: response.id, kind: kind, code: code, status: status, reasoning: reasoning, genderMarker: marker,
            reviewerID: reviewer.userID, reviewerLabel: reviewer.displayName, responseVersion: version ?? response.version,
            reviewedAt: now - daysAgo * day)
    }

    /// Every mandatory human-rights check of `response` met, but those in `except`.
    static func humanRightsMet(_ response: PolicyResponse, except: Set<String> = []) -> [CheckReview] {
        ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11"].filter { !except.contains($0) }.map {
            answer(response, .humanRights, $0, .met, "Checked against the draft and the legal opinion of the Ministry of Justice.")
        }
    }

    /// The counter-drone response: H04 Not met, H01 partly met, the gender review done; H07 answered only for version 1.
    static let counterDroneReviews =
        humanRightsMet(counterDrone, except: ["H01", "H04"]) + [
            answer(
                counterDrone, .humanRights, "H01", .partlyMet, "The amendment is drafted but not yet adopted by parliament."),
            answer(
                counterDrone, .humanRights, "H04", .notMet,
                "Jamming inside a festival crowd also cuts the radios of emergency services and the phones of 40 000 people; "
                    + "detection alone is the less intrusive means."),
            answer(
                counterDrone, .humanRights, "H07", .partlyMet, "Assemblies could be chilled " + markup, version: 1, daysAgo: 40),
            answer(counterDrone, .gender, "G03", .met, "Women and children are most of the festival crowd; evacuation plans cover them."),
            answer(counterDrone, .gender, "G08", .met, "Limited contribution.", marker: 1),
            answer(counterDrone, .gender, "G09", .met, "No harm found."),
        ]

    /// The licensing response: the human-rights review done, the gender review not started.
    static let assetLicensingReviews = humanRightsMet(assetLicensing)

    /// The counter-narratives response: every mandatory check met or not applicable, one advisory check partly met.
    static let counterNarrativesReviews =
        humanRightsMet(counterNarratives, except: ["H09"]) + [
            answer(counterNarratives, .humanRights, "H09", .notApplicable, "No intrusive power is used."),
            answer(counterNarratives, .humanRights, "H10", .partlyMet, "Funding of the partner organisations is not yet published."),
            answer(counterNarratives, .gender, "G03", .met, "Girls are reached through the same partners."),
            answer(counterNarratives, .gender, "G08", .met, "Gender equality is a significant objective.", marker: 2),
            answer(counterNarratives, .gender, "G09", .met, "Participants stay anonymous in every product."),
        ]

    static let reviews = counterDroneReviews + assetLicensingReviews + counterNarrativesReviews

    /// The override that let the licensing through, and an older one for version 2 that no longer counts.
    static let assetLicensingOverrides = [
        ReviewOverride(
            responseID: assetLicensing.id, responseVersion: 2, checks: ["G03", "G08", "G09", "H06"],
            justification: "The FATF follow-up visit in October needs the licensing regime adopted; reviews follow.", byID: focalPoint.userID,
            byLabel: focalPoint.displayName, at: now - 30 * day),
        ReviewOverride(
            responseID: assetLicensing.id, responseVersion: 3, checks: ["G03", "G08", "G09"],
            justification: """
                The FATF follow-up visit in October requires the licensing regime in force. The gender review is scheduled for the \
                first quarter of 2027, and the rules will be amended if it finds a differential impact.
                """, byID: focalPoint.userID, byLabel: focalPoint.displayName, at: now - 5 * day),
    ]

    static let overrides = assetLicensingOverrides

    static func actual(
        _ n: Int, _ indicator: Int, _ value: Double, on date: String, _ evidence: String, _ reliability: SourceReliability
    )
        -> IndicatorActual
    {
        IndicatorActual(
            id: id(n), indicatorID: id(indicator), value: value, date: Valdoria.date(date), evidence: evidence, reliability: reliability,
            recordedBy: policyMaker.userID)
    }

    /// Three indicators of the counter-narratives: one measured recently, one whose only value is stale (441 days old on
    /// ``today``), one not measured yet.
    static let counterNarrativesIndicators = [
        Indicator(
            id: id(911), responseID: counterNarratives.id, name: "Young people reached by counter-narrative campaigns", level: .output,
            unit: "people", direction: .increase, baseline: 0, baselineDate: date("2026-01-01"), target: 5000, targetDate: date("2027-12-31"),
            disaggregated: true,
            actuals: [
                actual(921, 911, 1200, on: "2026-05-31", "Partner organisations' quarterly report", .b),
                actual(922, 911, 2100, on: "2026-08-31", "Partner organisations' quarterly report", .b),
            ]),
        Indicator(
            id: id(912), responseID: counterNarratives.id, name: "Flagged recruitment channels taken down within 48 hours", level: .outcome,
            unit: "%", direction: .increase, baseline: 35, baselineDate: date("2025-01-15"), target: 80, targetDate: date("2027-06-30"),
            disaggregated: false, actuals: [actual(923, 912, 50, on: "2025-06-30", "Platform transparency report " + markup, .c)]),
        Indicator(
            id: id(913), responseID: counterNarratives.id, name: "Recruitment approaches reported to the youth helpline", level: .outcome,
            unit: "reports per quarter", direction: .decrease, baseline: 40, baselineDate: date("2026-03-31"), target: 20,
            targetDate: date("2027-12-31"), disaggregated: false),
    ]

    /// The register of round 1 with the residual risk of the responses that count (approved or further along).
    static let residualRegister: RegisterDocument = {
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: roundOneScores, round: 1, otherRisks: otherRisks, draws: RegisterComputation.draws,
            seed: RegisterComputation.seed, responses: responses.compactMap(RegisterResponse.init(counting:)))
        return RegisterDocument(
            assessment: assessment, register: register, basisRound: 1, draws: RegisterComputation.draws, seed: RegisterComputation.seed)
    }()

    /// The register after the follow-up round 2: the scores of round 2 already reflect the responses approved on round 1.
    static let followUpRegister: RegisterDocument = {
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: roundOneScores + roundTwoScores, round: 2, otherRisks: otherRisks, draws: RegisterComputation.draws,
            seed: RegisterComputation.seed, responses: responses.compactMap(RegisterResponse.init(counting:)))
        return RegisterDocument(
            assessment: assessment, register: register, basisRound: 2, draws: RegisterComputation.draws, seed: RegisterComputation.seed)
    }()

    // MARK: Options and the portfolio

    /// Cheaper than the counter-drone response and costed in euros too: it competes on risk removed per euro.
    static let geofencing = response(
        907, "No-fly zones and geofencing over festival grounds", type: "R02", targets: [target(drones)],
        effects: [
            DeclaredEffect(factor: .technologyAccessibility, low: 10, best: 20, high: 30),
            DeclaredEffect(factor: .opportunity, low: 5, best: 15, high: 25),
        ], lead: interior, cost: CostRange(low: 80_000, high: 120_000, currency: "EUR"), status: .drafted)

    /// Costed in dollars: outside the comparison in euros. Its one effect is on the likelihood directly, so it plans to
    /// remove exactly its reductions: 10 % (5 %–20 %).
    static let radarSharing = response(
        908, "Drone radar data shared with a neighbouring state", type: "R08", targets: [target(drones)],
        effects: [DeclaredEffect(factor: .likelihood, low: 5, best: 10, high: 20)], lead: police,
        cost: CostRange(low: 150_000, high: 150_000, currency: "USD"), status: .idea)

    /// Not costed yet.
    static let droneStewards = response(
        909, "Festival stewards trained to spot and report drones", type: "R06", targets: [target(drones)],
        effects: [DeclaredEffect(factor: .opportunity, low: 5, best: 10, high: 15)], lead: police, status: .drafted)

    /// Every response addressing the drone scenario, the withdrawn biometric gates among them (the options leave it out).
    static let droneCandidates = [counterDrone, geofencing, radarSharing, droneStewards, biometricGates]

    /// The draws of a "what if" register (`Registers.whatIfDraws` of the server).
    static let whatIfDraws = 2_000

    /// The register of round 1 as the portfolio computes it: the responses that count, and `chosen` as if approved now.
    static func whatIfRegister(_ chosen: [PolicyResponse]) -> RegisterDocument {
        let ids = Set(chosen.map(\.id))
        let applied =
            responses.filter { !ids.contains($0.id) }.compactMap(RegisterResponse.init(counting:))
            + chosen.filter { $0.status != .withdrawn }.map(RegisterResponse.init(hypothetical:))
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: roundOneScores, round: 1, otherRisks: otherRisks, draws: whatIfDraws, seed: RegisterComputation.seed,
            responses: applied)
        return RegisterDocument(assessment: assessment, register: register, basisRound: 1, draws: whatIfDraws, seed: RegisterComputation.seed)
    }

    /// The entry of `id` in `register` (a fixture naming a missing entry stops the run).
    static func entry(_ id: String, in register: RegisterDocument = residualRegister) -> RegisterDocument.Entry {
        guard let entry = register.entries.first(where: { $0.id == id }) else { preconditionFailure("no register entry \(id)") }
        return entry
    }
}

/// A copy of `value` changed by `change`, for fixtures that differ from another in one field.
func with<Value>(_ value: Value, _ change: (inout Value) -> Void) -> Value {
    var copy = value
    change(&copy)
    return copy
}
