import CTTechCore
import CTTechStore

/// Steps 7–8 of the fictional Valdoria demo, through the same use cases as the pages: baseline self-assessments by two
/// agencies (a year ago), a validated assessment of the first that differs in places, targets proposed from the register,
/// a roadmap of ten items with prerequisites and one technology adoption under review, and a follow-up self-assessment of
/// the first agency a year later.
enum DemoCapability {
    struct Context {
        let stateID: String
        let assessmentID: String
        let agencyIDs: [String]
    }

    static func seed(_ services: AppServices, _ c: Context) async throws {
        let viewScope = SystemAuthority.tenant(c.stateID, actorID: "demo-seed", permission: .viewCapability)
        guard try await services.capability.capabilityAssessments(viewScope).isEmpty, c.agencyIDs.count >= 2,
            let assessor = try await services.accounts.account(email: "assessor@demo.cttech.example"),
            let facilitator = try await services.accounts.account(email: "facilitator@demo.cttech.example"),
            let maker = try await services.accounts.account(email: "policy@demo.cttech.example"),
            let reviewer = try await services.accounts.account(email: "reviewer@demo.cttech.example"),
            let focal = try await services.accounts.account(email: "focal@demo.cttech.example")
        else { return }
        func actor(_ a: UserAccount) -> AuditActor { AuditActor(id: a.id, label: a.email) }
        func scope(_ a: UserAccount, _ permission: Permission) -> TenantScope {
            SystemAuthority.tenant(c.stateID, actorID: a.id, permission: permission)
        }
        let assessing = services.capabilityAssessing
        let planning = services.developmentPlanning
        let agencies = try await services.policy.stateAgencies(viewScope)
        let framework = try await assessing.framework(of: nil)

        // Baselines: two agencies, a year ago.
        let areasA = ["F01", "F02", "F04", "F05", "F09", "F10"]
        let areasB = ["F02", "F03", "F05", "F06", "F07"]
        func open(
            _ title: String, agency: String?, areas: [String], on date: String, kind: CapabilityAssessment.Kind = .selfAssessed,
            validates: String? = nil, baseline: String? = nil, by who: UserAccount
        ) async throws -> CapabilityAssessment {
            var fields = ["title": title, "agency": agency ?? "", "conductedOn": date, "registerAssessment": c.assessmentID]
            for area in areas { fields["area." + area] = "on" }
            if let validates { fields["validates"] = validates }
            if let baseline { fields["baseline"] = baseline }
            let permission: Permission = kind == .validated ? .validateCapability : .writeCapability
            return try await assessing.open(
                CapabilityAssessmentDraft(fields: fields), kind: kind, agencies: agencies, threatAssessments: [c.assessmentID], by: actor(who),
                scope: scope(who, permission))
        }
        func evidence(
            _ assessment: CapabilityAssessment, _ items: [(String, String, String, Int, String)], by who: UserAccount, _ permission: Permission
        )
            async throws -> [String]
        {
            var ids: [String] = []
            for (summary, source, reliability, credibility, date) in items {
                let e = try await assessing.addEvidence(
                    EvidenceDraft(summary: summary, source: source, reliability: reliability, credibility: credibility, observedOn: date),
                    to: assessment, by: actor(who), scope: scope(who, permission))
                ids.append(e.id)
            }
            return ids
        }
        /// Answers one area: stages up to `solid` Fully or Largely, the next one partly there, above it not yet; a few
        /// criteria N/A where the agency has no such mandate. `tweak` adjusts single criteria.
        func answer(
            _ assessment: CapabilityAssessment, area: String, solid: [String: Int], evidenceIDs: [String], tweak: [String: CriterionAnswer] = [:],
            by who: UserAccount, _ permission: Permission
        ) async throws -> CapabilityAssessment {
            let current = try await services.capability.capabilityAssessment(viewScope, id: assessment.id) ?? assessment
            var fields = ["version": String(current.version)]
            for (index, criterion) in framework.criteria(area: area).enumerated() {
                let reached = solid[criterion.enabler] ?? 1
                var value: CriterionAnswer
                if criterion.stage <= reached {
                    value = index % 3 == 0 ? .largely : .fully
                } else if criterion.stage == reached + 1 {
                    value = index % 2 == 0 ? .partially : .largely
                } else {
                    value = .notImplemented
                }
                if criterion.stage >= 4 && index % 11 == 0 { value = .notApplicable }
                if let forced = tweak[criterion.code] { value = forced }
                fields["answer." + criterion.code] = value.rawValue
                fields["confidence." + criterion.code] = criterion.stage <= 2 ? "high" : "moderate"
                if criterion.stage <= reached, !evidenceIDs.isEmpty {
                    fields["evidence." + criterion.code + "." + evidenceIDs[index % evidenceIDs.count]] = "on"
                }
            }
            return try await assessing.answer(AnswersDraft(fields: fields), area: area, of: current, by: actor(who), scope: scope(who, permission))
        }
        let levelsA: [String: [String: Int]] = [
            "F01": ["E1": 2, "E2": 3, "E3": 2, "E4": 2, "E5": 1, "E6": 2, "E7": 2, "E8": 2, "E9": 1],
            "F02": ["E1": 2, "E2": 2, "E3": 2, "E4": 1, "E5": 2, "E6": 1, "E7": 1, "E8": 1, "E9": 1],
            "F04": ["E1": 1, "E2": 1, "E3": 1, "E4": 1, "E5": 1, "E6": 1, "E7": 1, "E8": 1, "E9": 0],
            "F05": ["E1": 2, "E2": 1, "E3": 1, "E4": 1, "E5": 0, "E6": 1, "E7": 2, "E8": 1, "E9": 1],
            "F09": ["E1": 1, "E2": 1, "E3": 1, "E4": 1, "E5": 1, "E6": 1, "E7": 1, "E8": 0, "E9": 1],
            "F10": ["E1": 2, "E2": 2, "E3": 2, "E4": 2, "E5": 2, "E6": 2, "E7": 3, "E8": 2, "E9": 1],
        ]
        let agencyA = c.agencyIDs[0]
        let agencyB = c.agencyIDs[1]
        var baseA = try await open("Baseline 2025 — counter-terrorism police", agency: agencyA, areas: areasA, on: "2025-11-20", by: assessor)
        let evidenceA = try await evidence(
            baseA,
            [
                ("Counter-terrorism act 2019 (fictional), section 14: mandate for online investigations", "National gazette", "A", 1, "2025-10-02"),
                ("Training roster: 14 investigators certified in OSINT, 4 of them women", "Police academy records", "B", 2, "2025-09-15"),
                ("Standard operating procedure for dark-web undercover work, version 0.3 (draft)", "Cybercrime unit", "B", 3, "2025-08-30"),
                ("No blockchain-analytics licence: procurement request rejected in 2025 budget", "Finance ministry letter", "A", 2, "2025-06-12"),
                ("Memorandum with two platforms on emergency disclosure requests", "Legal department", "B", 2, "2025-05-20"),
            ], by: assessor, .writeCapability)
        for area in areasA {
            baseA = try await answer(baseA, area: area, solid: levelsA[area] ?? [:], evidenceIDs: evidenceA, by: assessor, .writeCapability)
        }
        var baseB = try await open("Baseline 2025 — financial intelligence unit", agency: agencyB, areas: areasB, on: "2025-11-21", by: assessor)
        let evidenceB = try await evidence(
            baseB,
            [
                ("Annual report 2024: 37 suspicious virtual-asset transaction reports analysed", "FIU annual report", "A", 2, "2025-03-31"),
                ("Forensic lab accreditation application pending", "National accreditation body", "B", 3, "2025-07-01"),
            ], by: assessor, .writeCapability)
        let levelsB: [String: Int] = ["E1": 2, "E2": 2, "E3": 1, "E4": 2, "E5": 1, "E6": 2, "E7": 2, "E8": 1, "E9": 1]
        for area in areasB {
            baseB = try await answer(baseB, area: area, solid: levelsB, evidenceIDs: evidenceB, by: assessor, .writeCapability)
        }

        // Validated by programme staff at the workshop: stricter in places.
        var validated = try await open(
            "Validation at the national workshop", agency: nil, areas: [], on: "2025-11-22", kind: .validated, validates: baseA.id, by: facilitator)
        let evidenceV = try await evidence(
            validated,
            [
                ("Site visit: the dark-web SOP is still a draft and not in use", "Workshop facilitators' visit", "A", 1, "2025-11-22"),
                ("Interview with the unit head: OSINT tools licensed but not yet deployed", "Workshop interview", "B", 2, "2025-11-22"),
            ], by: facilitator, .validateCapability)
        for area in areasA {
            var solid = levelsA[area] ?? [:]
            if area == "F02" { solid["E5"] = 1 }
            if area == "F04" { solid["E4"] = 0 }
            if area == "F01" { solid["E2"] = 2 }
            validated = try await answer(validated, area: area, solid: solid, evidenceIDs: evidenceV, by: facilitator, .validateCapability)
        }

        // Targets proposed from the register, then one adjusted by hand.
        let (relevance, _) = try await relevance(services, baseA, framework: framework, scope: viewScope)
        if let relevance {
            let (stored, _) = try await planning.proposeTargets(
                for: baseA, relevance: relevance,
                expectedVersion: try await services.capability.capabilityAssessment(viewScope, id: baseA.id)?.version ?? baseA.version,
                by: actor(maker), scope: scope(maker, .planDevelopment))
            baseA = stored
        }

        // The roadmap.
        func item(_ fields: [String: String], after: [RoadmapItem] = []) async throws -> RoadmapItem {
            var fields = fields
            for p in after { fields["prerequisite." + p.id] = "on" }
            return try await planning.add(
                RoadmapItemDraft(fields: fields), agencies: agencies, by: actor(maker), scope: scope(maker, .planDevelopment))
        }
        let law = try await item([
            "kind": "development", "title": "Amend the counter-terrorism act for virtual-asset seizure", "area": "F05", "enabler": "E1",
            "toStage": "3",
            "horizon": "medium", "start": "2026-01-15", "end": "2026-12-31", "ownerAgency": agencyA, "funding": "national",
            "milestone.1.title": "Draft bill to cabinet", "milestone.1.due": "2026-04-30", "milestone.1.done": "on",
            "milestone.2.title": "Parliamentary reading", "milestone.2.due": "2026-10-15",
        ])
        let sop = try await item([
            "kind": "development", "title": "Adopt the dark-web undercover procedure", "area": "F04", "enabler": "E4", "toStage": "2",
            "horizon": "short",
            "start": "2026-01-10", "end": "2026-06-30", "ownerAgency": agencyA, "funding": "national",
        ])
        let training = try await item(
            [
                "kind": "development", "title": "Train 30 investigators in virtual-asset tracing (at least 40 % women)", "area": "F05",
                "enabler": "E3",
                "toStage": "2", "horizon": "short", "start": "2026-03-01", "end": "2026-09-30", "ownerAgency": agencyB, "funding": "donor",
                "costLow": "120000", "costHigh": "180000", "currency": "EUR",
            ])
        let adoption = try await item(
            [
                "kind": "adoption", "title": "Adopt a blockchain-analytics tool", "area": "F05", "enabler": "E5", "toStage": "2", "technology": "T04",
                "horizon": "medium", "start": "2026-10-01", "end": "2027-06-30", "ownerAgency": agencyB, "funding": "donor", "costLow": "250000",
                "costHigh": "400000", "currency": "EUR", "readiness.legal-basis": "partly-ready", "readiness.skills": "not-ready",
                "readiness.budget": "partly-ready", "readiness.infrastructure": "ready", "readiness.data": "partly-ready",
                "readiness.safeguards": "not-ready", "readiness.oversight": "partly-ready",
                "description":
                    "A licensed tool to trace virtual-asset flows linked to terrorist financing, with data-protection safeguards and judicial oversight of its use.",
            ], after: [law, training])
        let seizure = try await item(
            [
                "kind": "development", "title": "Write and exercise the seizure procedure for private keys", "area": "F05", "enabler": "E4",
                "toStage": "3",
                "horizon": "medium", "ownerAgency": agencyB, "funding": "partner",
            ], after: [law, adoption])
        let oversight = try await item(
            [
                "kind": "development", "title": "Independent oversight of online investigations", "area": "F02", "enabler": "E8", "toStage": "3",
                "horizon": "medium", "start": "2026-02-01", "end": "2027-03-31", "ownerAgency": agencyA, "funding": "national",
            ])
        let osint = try await item(
            [
                "kind": "development", "title": "Deploy the licensed OSINT tools with logging", "area": "F02", "enabler": "E5", "toStage": "3",
                "horizon": "short", "ownerAgency": agencyA, "funding": "national",
            ], after: [oversight])
        let referral = try await item(
            [
                "kind": "development", "title": "Round-the-clock emergency disclosure desk", "area": "F10", "enabler": "E4", "toStage": "3",
                "horizon": "short", "start": "2026-04-01", "end": "2026-12-31", "ownerAgency": agencyA, "funding": "national",
            ])
        let foresight = try await item(
            [
                "kind": "development", "title": "Annual horizon scan of new technologies with academia", "area": "F01", "enabler": "E7",
                "toStage": "3",
                "horizon": "long", "ownerAgency": agencyA, "funding": "partner",
            ], after: [referral])
        let sharing = try await item(
            [
                "kind": "development", "title": "Secure case-data exchange between police and the FIU", "area": "F05", "enabler": "E6",
                "toStage": "3",
                "horizon": "long", "ownerAgency": agencyB, "funding": "donor",
            ], after: [seizure, sop])
        _ = (osint, foresight, sharing)

        // The adoption goes under review: human rights reviewed (H13 not met yet), gender not yet.
        let sent = try await planning.move(
            adoption, to: .underReview, expectedVersion: adoption.version, by: actor(maker), scope: scope(maker, .planDevelopment))
        var review = ["version": String(sent.version)]
        let answers: [String: (CheckStatus, String)] = [
            "H01": (.met, "The amended act (item 1) gives the legal basis."), "H02": (.met, "Countering terrorist financing."),
            "H03": (.met, "Manual tracing cannot follow mixers and bridges."), "H04": (.partlyMet, "Limit use to open terrorist-financing cases."),
            "H05": (.met, "No profiling: transactions, not people, are flagged."),
            "H06": (.partlyMet, "Data-protection impact assessment drafted, not signed."),
            "H09": (.met, "Each use authorised by the investigating judge."), "H11": (.met, "Affected people may challenge seizures in court."),
            "H12": (.met, "Vendor screened for sanctions and export-control compliance."),
            "H13": (.notMet, "No human-rights impact assessment before deployment yet."),
        ]
        for (code, answer) in answers {
            review["check.\(code).status"] = answer.0.rawValue
            review["check.\(code).reasoning"] = answer.1
        }
        _ = try await planning.review(
            sent, kind: .humanRights, draft: ReviewDraft(fields: review), by: actor(reviewer), scope: scope(reviewer, .reviewRoadmap))
        // Two items approved and under way.
        for started in [law, sop] {
            let approved = try await planning.move(
                started, to: .approved, expectedVersion: started.version, by: actor(focal), scope: scope(focal, .approveRoadmap))
            _ = try await planning.move(
                approved, to: .inProgress, expectedVersion: approved.version, by: actor(maker), scope: scope(maker, .planDevelopment))
        }

        // Follow-up a year later: the first agency again, against its baseline.
        var follow = try await open(
            "Follow-up 2026 — counter-terrorism police", agency: agencyA, areas: areasA, on: "2026-11-20", baseline: baseA.id, by: assessor)
        let evidenceF = try await evidence(
            follow,
            [
                ("Dark-web SOP version 1.0 signed and in use since June 2026", "Cybercrime unit", "A", 1, "2026-06-30"),
                ("Training roster 2026: 26 investigators certified, 11 of them women", "Police academy records", "B", 2, "2026-10-10"),
            ], by: assessor, .writeCapability)
        for area in areasA {
            var solid = levelsA[area] ?? [:]
            if area == "F04" { solid["E4"] = 2 }
            if area == "F02" { solid["E3"] = 3 }
            if area == "F05" { solid["E1"] = 2; solid["E3"] = 2 }
            follow = try await answer(follow, area: area, solid: solid, evidenceIDs: evidenceF, by: assessor, .writeCapability)
        }
        _ = (follow, baseB, focal)
    }

    /// The areas' relevance from the demo register (the same computation the plan page uses).
    static func relevance(
        _ services: AppServices, _ assessment: CapabilityAssessment, framework: CapabilityFramework, scope: TenantScope
    ) async throws
        -> ([String: AreaRelevance]?, String?)
    {
        try await CapabilityLookup(services).relevance(assessment, framework: framework, scope: scope)
    }
}
