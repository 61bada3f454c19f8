import CTTechCore
import CTTechStore

/// A realistic, entirely fictional national assessment for Valdoria: twelve scenarios across technologies and purposes,
/// six assessors, two revealed rounds (round 2 closer to consensus on some items than others), eight other national risks.
enum DemoAssessment {
    static let assessors: [(email: String, name: String)] = [
        ("assessor@demo.cttech.example", ""), ("analyst2@demo.cttech.example", "Ivan Petrović"), ("analyst3@demo.cttech.example", "Amina Yusuf"),
        ("analyst4@demo.cttech.example", "Chen Wei"), ("analyst5@demo.cttech.example", "Sofía Ortega"), ("focal@demo.cttech.example", ""),
    ]

    /// (title, actor, technologies, purposes, sector, typical intent, actor capability, accessibility, best likelihood, impact, spread)
    static let scenarios: [(String, String, [String], [String], String, Int, Int, Int, Double, Int, Int)] = [
        ("Deepfake video inciting violence before elections", "A2", ["T08", "T01"], ["P1", "P10"], "Elections", 4, 3, 5, 0.3, 4, 0),
        ("Crypto-funded travel of foreign terrorist fighters", "A1", ["T04"], ["P3"], "Financial system", 4, 3, 4, 0.2, 3, 1),
        ("Drone attack on a stadium crowd", "A3", ["T09"], ["P7"], "Mass gatherings", 3, 2, 4, 0.03, 5, 1),
        ("3D-printed firearms for a lone attacker", "A3", ["T11"], ["P6", "P7"], "Public spaces", 3, 2, 3, 0.05, 4, 2),
        ("Recruitment of minors on gaming platforms", "A2", ["T07", "T02"], ["P2"], "Youth", 4, 3, 5, 0.4, 3, 0),
        ("Ransomware on the national power grid", "A4", ["T12", "T14"], ["P8"], "Energy", 2, 4, 3, 0.02, 5, 2),
        ("Encrypted-app coordination of an urban attack", "A1", ["T02"], ["P5"], "Public spaces", 4, 3, 5, 0.1, 4, 1),
        ("Mobile-money fundraising through charities", "A2", ["T05"], ["P3"], "Non-profit sector", 3, 3, 5, 0.25, 2, 0),
        ("Dark-web purchase of explosive precursors", "A3", ["T03"], ["P6"], "Chemical supply chain", 3, 2, 3, 0.04, 4, 2),
        ("AI-generated training manuals", "A2", ["T08"], ["P4"], "Online", 3, 3, 5, 0.35, 2, 1),
        ("GNSS spoofing against port operations", "A4", ["T16"], ["P8"], "Maritime", 2, 4, 2, 0.01, 4, 2),
        ("Terrorist-operated archive of propaganda", "A2", ["T06", "T01"], ["P1"], "Online", 5, 3, 5, 0.6, 2, 0),
    ]

    /// Eight other national security risks on the same axes (all fictional figures).
    static let otherRisks: [(String, String, (Double, Double, Double), (Double, Double, Double), Confidence)] = [
        ("River flood in the capital", "natural hazard", (0.2, 0.4, 0.6), (3, 4, 5), .high),
        ("Pandemic influenza", "health", (0.02, 0.05, 0.1), (4, 5, 5), .moderate),
        ("Organised crime infiltration of ports", "organised crime", (0.3, 0.5, 0.7), (2, 3, 4), .moderate),
        ("Cyberattack on the electricity grid", "cyber", (0.03, 0.08, 0.2), (3, 4, 5), .low),
        ("Earthquake in the northern valley", "natural hazard", (0.005, 0.01, 0.03), (4, 5, 5), .moderate),
        ("Drought and crop failure", "climate", (0.1, 0.25, 0.4), (2, 3, 4), .high),
        ("Large industrial chemical accident", "industrial", (0.01, 0.03, 0.06), (3, 4, 5), .moderate),
        ("Disinformation campaign by a foreign state", "hybrid threat", (0.4, 0.6, 0.8), (2, 2, 3), .low),
    ]

    /// Step 1: fictional agencies with their RACI roles (activity → [agency index: role]).
    static let agencies: [(String, Agency.Kind, String)] = [
        ("National Police, Counter-Terrorism Directorate", .lawEnforcement, "Investigates terrorist offences; leads the national assessment."),
        ("State Security Service", .intelligence, "Collects and assesses intelligence on threats to national security."),
        ("Ministry of the Interior", .ministry, "Sets counter-terrorism policy and approves the national assessment."),
        ("Financial Intelligence Unit", .financialIntelligence, "Analyses suspicious transaction reports, including virtual assets."),
        ("Office of the Prosecutor General", .prosecution, "Prosecutes terrorist offences; advises on evidence and rights."),
        ("National Cyber Security Centre", .criticalInfrastructure, "Protects networks of essential services."),
        ("Centre for Security Studies, University of Valdoria", .academia, "Independent research on online radicalisation."),
    ]

    static let raci: [(AssessmentActivity, [Int: RaciRole])] = [
        (.scoping, [2: .accountable, 0: .responsible, 1: .consulted, 4: .informed]),
        (.horizonScan, [0: .accountable, 1: .responsible, 5: .responsible, 6: .consulted, 3: .consulted]),
        (.scenarioWriting, [0: .accountable, 1: .responsible, 3: .responsible, 6: .consulted]),
        (.scoring, [0: .accountable, 1: .responsible, 3: .responsible, 5: .responsible, 4: .consulted]),
        (.facilitation, [0: .accountable, 1: .responsible, 6: .consulted]),
        (.riskComparison, [2: .accountable, 0: .responsible, 5: .consulted]),
        (.approval, [2: .accountable, 0: .responsible, 4: .consulted, 1: .informed]),
    ]

    /// Step 2: (technology, stage, trend, notes).
    static let scan: [(String, DiffusionStage, Trend, String)] = [
        ("T01", .routine, .stable, "Propaganda and recruitment content circulates on mainstream platforms."),
        ("T02", .routine, .rising, "Encrypted channels used for coordination and content sharing."),
        ("T03", .observed, .stable, "Occasional purchases of weapons parts and precursors."),
        ("T04", .observed, .rising, "Donations solicited in stablecoins; small amounts."),
        ("T05", .attempted, .rising, "Mobile-money transfers through front charities."),
        ("T07", .observed, .rising, "Grooming of minors in game chats."),
        ("T08", .discussed, .surging, "Generative AI tools discussed for propaganda and manuals."),
        ("T09", .attempted, .rising, "Commercial drones adapted abroad; one attempt in the region."),
        ("T11", .attempted, .stable, "3D-printed firearm parts seized once."),
        ("T12", .aspiration, .stable, "Interest expressed in attacking essential services."),
        ("T16", .aspiration, .stable, "No known attempt."),
    ]

    /// The demo seed as the audit log names it.
    static let seedActor = AuditActor(id: "demo-seed", label: "demo seed")

    static func seed(_ services: AppServices, stateID: String, stateCode: String, passwordHash: String) async throws {
        let scope = SystemAuthority.tenant(stateID, actorID: "demo-seed", permission: .manageAssessment)
        guard try await services.assessments.records.list(scope).isEmpty else { return }
        func audit(_ action: AuditAction, _ id: String) -> AuditEvent { AuditEvent(action, by: seedActor, entity: id, state: stateID) }
        var assessorIDs: [String] = []
        for person in assessors {
            if let existing = try await services.accounts.account(email: person.email) {
                assessorIDs.append(existing.id)
                continue
            }
            let user = UserAccount(
                id: Identifier.make(), email: person.email, displayName: person.name, passwordHash: passwordHash, totpSecret: nil, isActive: true,
                failedLogins: 0, lockedUntil: nil, version: 1)
            try await services.accounts.create(
                user, grants: [RoleGrant(id: Identifier.make(), userID: user.id, role: .assessor, stateID: stateID)],
                by: SystemAuthority.administrator(actorID: "demo-seed"), audit: audit(.userCreate, user.id))
            assessorIDs.append(user.id)
        }
        let assessment = Assessment(
            id: Identifier.make(), stateID: stateID, title: "National assessment of terrorist use of new technologies 2025", period: "2025–2026",
            horizonYears: 2, methodVersion: MethodVersion.defaultID, tlp: .amber, status: .draft, version: 1)
        try await services.assessments.records.create(assessment, scope: scope, audit: audit(.assessmentCreate, assessment.id))
        for entry in otherRisks {
            let risk = OtherRisk(
                id: Identifier.make(), title: entry.0, family: entry.1,
                likelihood: try UncertainEstimate(low: entry.2.0, best: entry.2.1, high: entry.2.2, within: 0...1),
                impact: try UncertainEstimate(low: entry.3.0, best: entry.3.1, high: entry.3.2, within: 1...5), confidence: entry.4)
            try await services.assessments.risks.addOtherRisk(
                risk, assessmentID: assessment.id, scope: scope, audit: audit(.otherRiskCreate, risk.id))
        }
        var agencyIDs: [String] = []
        for entry in agencies {
            let agency = Agency(id: Identifier.make(), name: entry.0, kind: entry.1, mandate: entry.2)
            try await services.assessments.institutions.addAgency(
                agency, assessmentID: assessment.id, scope: scope, audit: audit(.agencyCreate, agency.id))
            agencyIDs.append(agency.id)
        }
        let cells = raci.flatMap { activity, roles in roles.map { RaciAssignment(activity: activity, agencyID: agencyIDs[$0.key], role: $0.value) } }
        try await services.assessments.institutions.setRaci(
            cells, assessmentID: assessment.id, scope: scope, audit: audit(.raciSet, assessment.id))
        for entry in scan {
            try await services.assessments.scan.setScanEntry(
                HorizonScanEntry(technology: entry.0, stage: entry.1, trend: entry.2, notes: entry.3), assessmentID: assessment.id, scope: scope,
                audit: audit(.scanSet, assessment.id))
        }
        let technologyEvidence: [(String, String, String, SourceReliability, InformationCredibility)] = [
            ("T08", "Chat logs show requests for AI-written bomb-making guides (fictional).", "Open-source monitoring report", .b, .probablyTrue),
            ("T09", "Regional partner reports a modified drone seized near a stadium (fictional).", "Liaison report", .b, .possiblyTrue),
            ("T04", "Stablecoin wallet linked to a fighter-travel network (fictional).", "FIU case file summary", .a, .probablyTrue),
        ]
        for entry in technologyEvidence {
            let item = EvidenceItem(
                id: Identifier.make(), subject: .technology(entry.0), summary: entry.1, source: entry.2, reliability: entry.3, credibility: entry.4,
                observedOn: "2025-03-14")
            try await services.assessments.evidence.addEvidence(
                item, assessmentID: assessment.id, scope: scope, audit: audit(.evidenceCreate, item.id))
        }
        var scenarioIDs: [String] = []
        for entry in scenarios {
            let scenario = ThreatScenario(
                id: Identifier.make(), assessmentID: assessment.id, title: entry.0,
                narrative: "Fictional scenario for \(stateCode): \(entry.0.lowercased()).",
                actorType: entry.1, technologies: entry.2, purposes: entry.3, targetSector: entry.4, horizonYears: 2, version: 1)
            try await services.assessments.scoring.addScenario(scenario, scope: scope, audit: audit(.scenarioCreate, scenario.id))
            scenarioIDs.append(scenario.id)
            let grading: [(SourceReliability, InformationCredibility)] = [
                (.b, .probablyTrue), (.c, .possiblyTrue), (.f, .cannotBeJudged), (.a, .confirmed), (.d, .doubtful),
            ]
            let (reliability, credibility) = grading[scenarioIDs.count % grading.count]
            let item = EvidenceItem(
                id: Identifier.make(), subject: .scenario(scenario.id), summary: "Indicator supporting: \(entry.0.lowercased()) (fictional).",
                source: ["Police intelligence report", "Open-source research", "Partner liaison", "Court record", "Anonymous tip"][
                    scenarioIDs.count % 5],
                reliability: reliability, credibility: credibility, observedOn: "2025-0\(1 + scenarioIDs.count % 9)-15")
            try await services.assessments.evidence.addEvidence(
                item, assessmentID: assessment.id, scope: scope, audit: audit(.evidenceCreate, item.id))
        }
        var generator = SplitMix64(seed: 20_251_024)
        for round in 1...2 {
            if round > 1 {
                try await services.assessments.scoring.advanceRound(
                    scope, assessmentID: assessment.id, to: .open, audit: audit(.roundOpen, assessment.id))
            }
            for (index, entry) in scenarios.enumerated() {
                // Round 2 narrows the spread, except on the items whose spread is 2: those stay contested.
                let spread = round == 1 ? entry.10 + 1 : (entry.10 == 2 ? 2 : 0)
                for assessorID in assessorIDs {
                    func jitter(_ base: Int) -> Int { min(5, max(1, base + Int(generator.next() % UInt64(2 * spread + 1)) - spread)) }
                    let best = entry.8 * (0.7 + generator.nextUnit() * 0.6)
                    var fields = [
                        "intent": "\(jitter(entry.5))", "actorCapability": "\(jitter(entry.6))", "technologyAccessibility": "\(jitter(entry.7))",
                        "opportunity": "\(jitter(3))", "likelihoodLow": "\(best / 3)", "likelihoodBest": "\(best)",
                        "likelihoodHigh": "\(min(1, best * 2))",
                        "confidence": ["low", "moderate", "high"][Int(generator.next() % 3)],
                        "rationale": round == 1 ? "Initial view on \(entry.0.lowercased())." : "Revised after the discussion of round 1.",
                    ]
                    // Dimensions differ: about one in three sits a level below the scenario's worst.
                    for (d, dimension) in ImpactDimension.allCases.enumerated() {
                        fields["impact.\(dimension.rawValue)"] = "\(jitter(entry.9 - ((index + d) % 3 == 0 ? 1 : 0)))"
                    }
                    let score = try ScoreDraft(fields: fields).validated(scenarioID: scenarioIDs[index], round: round, assessorID: assessorID)
                    let assessorScope = SystemAuthority.tenant(stateID, actorID: assessorID, permission: .scoreScenario)
                    try await services.assessments.scoring.submitScore(
                        score, scope: assessorScope, audit: audit(.scoreSubmit, scenarioIDs[index]))
                }
            }
            try await services.assessments.scoring.advanceRound(
                scope, assessmentID: assessment.id, to: .closed, audit: audit(.roundClosed, assessment.id))
            try await services.assessments.scoring.advanceRound(
                scope, assessmentID: assessment.id, to: .revealed, audit: audit(.roundRevealed, assessment.id))
            // Each revealed round is reviewed and approved by the focal point, then reopened: two snapshots to compare.
            let focal = SystemAuthority.tenant(stateID, actorID: assessorIDs[5], permission: .approveAssessment)
            let focalPoint = Identity(
                userID: assessorIDs[5], email: assessors[5].email, displayName: assessors[5].name,
                grants: [RoleGrant(id: "demo-focal", userID: assessorIDs[5], role: .focalPoint, stateID: stateID)])
            for target in [Assessment.Status.inReview, .approved, .draft] {
                guard let current = try await services.assessments.records.find(focal, id: assessment.id) else { break }
                try await services.approval.changeStatus(current, to: target, by: focalPoint, scope: focal)
            }
        }
        try await DemoPolicy.seed(
            services,
            .init(stateID: stateID, assessmentID: assessment.id, scenarioIDs: scenarioIDs, agencyIDs: agencyIDs, assessorIDs: assessorIDs))
        try await DemoCapability.seed(services, .init(stateID: stateID, assessmentID: assessment.id, agencyIDs: agencyIDs))
        try await DemoLive.seed(services, stateID: stateID, assessmentID: assessment.id)
    }
}
