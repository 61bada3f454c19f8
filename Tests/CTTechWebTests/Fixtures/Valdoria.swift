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

// MARK: - Capability and roadmap (steps 7–8)

extension Valdoria {
    /// A compact excerpt of the default framework, to keep the pages small: areas F01 and F02, enablers E1, E4 and E8,
    /// the first generic criterion of each stage of each, five area-specific criteria and three readiness dimensions —
    /// texts and translations as the default ships them.
    static let capabilityFramework: CapabilityFramework = {
        let full = CapabilityFramework.ctTechDefault
        let enablers = ["E1", "E4", "E8"]
        let generic = Set(enablers.flatMap { e in CapabilityFramework.stageRange.map { "\(e).\($0).a" } })
        let specific: Set<String> = ["F01.E4.2.a", "F01.E4.3.a", "F02.E1.2.a", "F02.E4.3.a", "F02.E8.3.a"]
        let framework = CapabilityFramework(
            id: "vld-compact-2026.1", title: "Valdoria compact capability framework 2026.1",
            note: "An excerpt of the default framework for the page tests: two areas, three enablers.",
            areas: full.areas.filter { ["F01", "F02"].contains($0.code) }, enablers: full.enablers.filter { enablers.contains($0.code) },
            stages: full.stages, scope: full.scope.filter { ["F01", "F02"].contains($0.key) },
            readiness: full.readiness.filter { ["legal-basis", "skills", "safeguards"].contains($0.code) },
            criteria: full.criteria.filter { generic.contains($0.code) || specific.contains($0.code) })
        precondition(framework.problems().isEmpty, "the compact framework has problems: \(framework.problems())")
        precondition(framework.criteria.count == 20, "the default framework no longer has the criteria the fixtures name")
        return framework
    }()

    /// The national self-assessment, answered by the assessor, naming the 2026 threat assessment for its targets.
    static let selfAssessment = CapabilityAssessment(
        id: id(1001), stateID: state.id, kind: .selfAssessed, title: "National capability self-assessment 2026",
        frameworkVersion: capabilityFramework.id, areas: ["F01", "F02"], conductedOn: date("2026-06-15"),
        registerAssessmentID: assessment.id, version: 6, createdBy: assessor.userID, createdAt: now - 90 * day)
    /// The facilitator's validated assessment of F01, at the Kessel workshop.
    static let validatedAssessment = CapabilityAssessment(
        id: id(1002), stateID: state.id, kind: .validated, title: "Validated at the Kessel workshop", frameworkVersion: capabilityFramework.id,
        areas: ["F01"], conductedOn: date("2026-09-01"), validates: selfAssessment.id, registerAssessmentID: assessment.id, version: 3,
        createdBy: facilitator.userID, createdAt: now - 13 * day)
    /// The police's own follow-up of the national baseline, just opened: nothing answered, no evidence, no register.
    static let policeFollowUp = CapabilityAssessment(
        id: id(1003), stateID: state.id, kind: .selfAssessed, title: "Police OSINT unit follow-up " + markup,
        frameworkVersion: capabilityFramework.id, agencyID: police.id, agencyName: police.name, areas: ["F02"], conductedOn: date("2026-09-10"),
        baselineID: selfAssessment.id, version: 1, createdBy: focalPoint.userID, createdAt: now - 4 * day)
    /// Newest first, as the store lists them.
    static let capabilityAssessments = [policeFollowUp, validatedAssessment, selfAssessment]

    static let legalOpinion = CapabilityEvidence(
        id: id(1101), assessmentID: selfAssessment.id, summary: "Legal opinion of the Ministry of Justice on online investigations.",
        source: "Ministry of Justice", reliability: .b, credibility: .probablyTrue, observedOn: date("2026-03-10"))
    static let trainingRecords = CapabilityEvidence(
        id: id(1102), assessmentID: selfAssessment.id, summary: "Training register: four OSINT investigators certified " + markup,
        source: "Police academy", reliability: .c, credibility: .possiblyTrue, observedOn: nil)
    static let selfEvidence = [legalOpinion, trainingRecords]
    static let workshopCheck = CapabilityEvidence(
        id: id(1103), assessmentID: validatedAssessment.id, summary: "The legal opinion was read at the workshop: it covers online research only.",
        source: "Kessel workshop notes", reliability: .a, credibility: .confirmed, observedOn: date("2026-09-01"))
    static let validatedEvidence = [workshopCheck]

    static func record(
        _ assessment: CapabilityAssessment, _ area: String, _ criterion: String, _ answer: CriterionAnswer, _ confidence: Confidence = .moderate,
        note: String = "", evidence: [CapabilityEvidence] = [], by who: Identity = assessor
    ) -> CriterionRecord {
        CriterionRecord(
            assessmentID: assessment.id, area: area, criterion: criterion, answer: answer, confidence: confidence, note: note,
            evidenceIDs: evidence.map(\.id), answeredBy: who.userID, answeredAt: now - 20 * day)
    }

    /// F01: E1 at 2 (stage 3 partly), E4 at 1 (its area-specific stage-2 criterion not implemented), E8 at 4 (stage 1 N/A,
    /// stage 5 partly). F02: E1 at 1 (stage 2 half met); E4 and E8 unanswered.
    static let selfRecords = [
        record(selfAssessment, "F01", "E1.1.a", .fully, .high, evidence: [legalOpinion]),
        record(selfAssessment, "F01", "E1.2.a", .largely, evidence: [legalOpinion]),
        record(selfAssessment, "F01", "E1.3.a", .partially, note: "Preservation orders only; no production orders yet."),
        record(selfAssessment, "F01", "E4.1.a", .fully),
        record(selfAssessment, "F01", "E4.2.a", .largely),
        record(selfAssessment, "F01", "F01.E4.2.a", .notImplemented, .low),
        record(selfAssessment, "F01", "E8.1.a", .notApplicable, note: "No intrusive measure in foresight work."),
        record(selfAssessment, "F01", "E8.2.a", .fully, evidence: [trainingRecords]),
        record(selfAssessment, "F01", "E8.3.a", .largely),
        record(selfAssessment, "F01", "E8.4.a", .fully),
        record(selfAssessment, "F01", "E8.5.a", .partially),
        record(selfAssessment, "F02", "E1.1.a", .fully, evidence: [legalOpinion, trainingRecords]),
        record(selfAssessment, "F02", "E1.2.a", .largely),
        record(selfAssessment, "F02", "F02.E1.2.a", .partially, note: "Guidance drafted " + markup),
    ]

    /// The facilitator's view of F01: E1 falls to 1 (E1.2.a only partly), E4 rises to 2 (the threat assessment was
    /// updated after all), E8 as self-assessed.
    static let validatedRecords = [
        record(validatedAssessment, "F01", "E1.1.a", .fully, .high, evidence: [workshopCheck], by: facilitator),
        record(validatedAssessment, "F01", "E1.2.a", .partially, evidence: [workshopCheck], by: facilitator),
        record(validatedAssessment, "F01", "E1.3.a", .partially, by: facilitator),
        record(validatedAssessment, "F01", "E4.1.a", .fully, by: facilitator),
        record(validatedAssessment, "F01", "E4.2.a", .largely, by: facilitator),
        record(validatedAssessment, "F01", "F01.E4.2.a", .largely, by: facilitator),
        record(validatedAssessment, "F01", "E8.1.a", .notApplicable, by: facilitator),
        record(validatedAssessment, "F01", "E8.2.a", .fully, by: facilitator),
        record(validatedAssessment, "F01", "E8.3.a", .largely, by: facilitator),
        record(validatedAssessment, "F01", "E8.4.a", .fully, by: facilitator),
        record(validatedAssessment, "F01", "E8.5.a", .partially, by: facilitator),
    ]

    static func grid(_ assessment: CapabilityAssessment, _ records: [CriterionRecord]) -> MaturityGrid {
        MaturityGrid(framework: capabilityFramework, areas: assessment.areas, records: records)
    }

    static let selfGrid = grid(selfAssessment, selfRecords)
    static let validatedGrid = grid(validatedAssessment, validatedRecords)

    static func capabilityTarget(
        _ area: String, _ enabler: String, _ stage: Int, _ source: CapabilityTarget.Source = .hand,
        feasibility: Feasibility = Feasibility()
    ) -> CapabilityTarget {
        CapabilityTarget(
            assessmentID: selfAssessment.id, area: area, enabler: enabler, stage: stage, source: source, feasibility: feasibility,
            setBy: policyMaker.userID, setAt: now - 10 * day)
    }

    /// F01·E1 and F02·E1 to 3 by hand, F01·E4 to 3 as proposed, F01·E8 at its level already (no gap), F02·E8 to 2.
    static let capabilityTargets = [
        capabilityTarget("F01", "E1", 3, feasibility: Feasibility(cost: .favourable, prerequisites: .moderate, readiness: .favourable)),
        capabilityTarget("F01", "E4", 3, .proposed),
        capabilityTarget("F01", "E8", 4),
        capabilityTarget("F02", "E1", 3, feasibility: Feasibility(cost: .unfavourable, prerequisites: .favourable, readiness: .moderate)),
        capabilityTarget("F02", "E8", 2, feasibility: Feasibility(cost: .moderate, prerequisites: .unfavourable, readiness: .unfavourable)),
    ]

    /// The register's scenarios as threat relevance reads them (residual risk after the approved responses).
    static let relevantRisks: [RelevantRisk] = residualRegister.entries.compactMap { entry in
        guard let scenario = scenarios.first(where: { $0.id == entry.id }) else { return nil }
        return RelevantRisk(
            id: entry.id, title: entry.title, technologies: scenario.technologies, purposes: scenario.purposes, inherent: entry.meanScore,
            residual: entry.residual?.meanScore ?? entry.meanScore)
    }

    static let areaRelevance = AreaRelevance.compute(framework: capabilityFramework, risks: relevantRisks)

    static let priorities = DevelopmentPriority.rank(
        framework: capabilityFramework, grid: selfGrid, targets: capabilityTargets, relevance: areaRelevance)

    // MARK: The roadmap

    static func roadmapItem(
        _ n: Int, _ title: String, kind: RoadmapItem.Kind = .development, description: String = "", area: String? = nil,
        enabler: String? = nil, toStage: Int? = nil, technology: String? = nil, horizon: RoadmapItem.Horizon,
        timeframe: (String, String)? = nil, owner: Agency? = nil, cost: CostRange? = nil, funding: RoadmapItem.Funding? = nil,
        status: RoadmapItem.Status, prerequisites: [RoadmapItem] = [], milestones: [Milestone] = [],
        readiness: [String: ReadinessRating] = [:], version: Int = 1, author: Identity = policyMaker
    ) -> RoadmapItem {
        RoadmapItem(
            id: id(n), stateID: state.id, kind: kind, title: title, description: description, area: area, enabler: enabler, toStage: toStage,
            technology: technology, horizon: horizon, timeframe: timeframe.map { Timeframe(start: date($0.0), end: date($0.1)) },
            ownerAgencyID: owner?.id, cost: cost, funding: funding, status: status, prerequisites: prerequisites.map(\.id),
            milestones: milestones, readiness: readiness, version: version, createdBy: author.userID, createdAt: now - 60 * day,
            updatedAt: now - 5 * day)
    }

    /// Done: the foresight cell, dated in the first half of 2026.
    static let foresightCell = roadmapItem(
        1204, "Threat foresight cell in the Ministry of Interior", area: "F01", enabler: "E4", toStage: 2, horizon: .short,
        timeframe: ("2026-01-01", "2026-06-30"), owner: interior, funding: .national, status: .done,
        milestones: [Milestone(title: "Cell staffed", due: date("2026-03-31"), done: true)])
    /// Approved and dated: the first link of the critical path.
    static let legalGuidance = roadmapItem(
        1201, "Legal guidance for online investigations", area: "F02", enabler: "E1", toStage: 3, horizon: .short,
        timeframe: ("2026-10-01", "2027-03-31"), owner: interior, cost: CostRange(low: 40_000, high: 60_000, currency: "EUR"),
        funding: .national, status: .approved,
        milestones: [
            Milestone(title: "Draft guidance to the Ministry of Justice", due: date("2026-12-15")),
            Milestone(title: "Guidance adopted", due: date("2027-03-31")),
        ])
    /// Proposed and undated: scheduled after the guidance for its medium horizon, with an overdue milestone.
    static let osintTraining = roadmapItem(
        1202, "OSINT investigator training programme", area: "F02", enabler: "E4", toStage: 3, horizon: .medium, owner: police,
        cost: CostRange(low: 120_000, high: 150_000, currency: "EUR"), funding: .donor, status: .proposed, prerequisites: [legalGuidance],
        milestones: [Milestone(title: "Curriculum agreed with the academy", due: date("2026-08-31"))])
    /// The adoption under review, dated to start before the training it needs ends; its readiness a profile.
    static let analysisPlatform = roadmapItem(
        1203, "AI-assisted open-source analysis platform", kind: .adoption,
        description: "A platform that clusters public posts and flags likely recruitment content for an analyst to review " + markup,
        area: "F02", technology: "T08", horizon: .medium, timeframe: ("2027-06-01", "2028-05-31"), owner: securityService,
        cost: CostRange(low: 300_000, high: 450_000, currency: "EUR"), funding: .partner, status: .underReview, prerequisites: [osintTraining],
        readiness: ["legal-basis": .partlyReady, "skills": .notReady, "safeguards": .ready], version: 2)
    /// The state's roadmap in the order added.
    static let roadmap = [foresightCell, legalGuidance, osintTraining, analysisPlatform]

    static func roadmapCheck(
        _ item: RoadmapItem, _ kind: ReviewKind, _ code: String, _ status: CheckStatus, _ reasoning: String, marker: Int? = nil,
        version: Int? = nil
    ) -> CheckReview {
        CheckReview(
            responseID: item.id, kind: kind, code: code, status: status, reasoning: reasoning, genderMarker: marker, reviewerID: reviewer.userID,
            reviewerLabel: reviewer.displayName, responseVersion: version ?? item.version, reviewedAt: now - 2 * day)
    }

    /// The platform: H06 met, H09 Not met (no prior authorisation yet), H12 and H13 and the gender checks unreviewed.
    static let platformReviews = [
        roadmapCheck(analysisPlatform, .humanRights, "H06", .met, "A data-protection impact assessment is drafted."),
        roadmapCheck(
            analysisPlatform, .humanRights, "H09", .notMet, "Nobody outside the service authorises or oversees the platform's use " + markup),
        roadmapCheck(analysisPlatform, .humanRights, "H13", .partlyMet, "An impact assessment was made for version 1.", version: 1),
    ]

    /// Every mandatory check of the platform met for its version: the method's and the adoption's (H12, H13).
    static let platformClearReviews =
        ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "H12", "H13"].map {
            roadmapCheck(analysisPlatform, .humanRights, $0, .met, "Checked against the vendor contract and the oversight board's opinion.")
        } + [
            roadmapCheck(analysisPlatform, .gender, "G03", .met, "Flags are audited for bias against women's and girls' accounts."),
            roadmapCheck(analysisPlatform, .gender, "G08", .met, "Gender is a significant objective.", marker: 2),
            roadmapCheck(analysisPlatform, .gender, "G09", .met, "Analysts never contact the people flagged."),
        ]
}
