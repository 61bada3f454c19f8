import CTTechCore
import CTTechStore

/// Steps 5–6 of the fictional Valdoria demo: policy responses to its top risks, through the same use cases as the pages.
/// One response is blocked by a Not met on H04 (proportionality), one approved through a focal point's recorded override,
/// one approved with clean reviews and then measured: its scenario is re-scored in a follow-up round (round 3), so its
/// page shows observed against planned effectiveness. Indicators carry actuals, one of them stale.
enum DemoPolicy {
    struct Context {
        let stateID: String
        let assessmentID: String
        let scenarioIDs: [String]
        let agencyIDs: [String]
        let assessorIDs: [String]
    }

    static func seed(_ services: AppServices, _ c: Context) async throws {
        let policyScope = SystemAuthority.tenant(c.stateID, actorID: "demo-seed", permission: .viewResponses)
        guard try await services.policy.responses(policyScope).isEmpty,
            let maker = try await services.accounts.account(email: "policy@demo.cttech.example"),
            let reviewer = try await services.accounts.account(email: "reviewer@demo.cttech.example"),
            let focal = try await services.accounts.account(email: "focal@demo.cttech.example")
        else { return }
        let makerActor = AuditActor(id: maker.id, label: maker.email)
        let reviewerActor = AuditActor(id: reviewer.id, label: reviewer.email)
        let focalActor = AuditActor(id: focal.id, label: focal.email)
        func scope(_ id: String, _ permission: Permission) -> TenantScope { SystemAuthority.tenant(c.stateID, actorID: id, permission: permission) }
        let write = scope(maker.id, .writeResponse)
        let design = services.policyDesign
        let reviewing = services.responseReviewing
        let measurement = services.effectMeasurement

        func add(_ fields: [String: String], targets: [Int], status: ResponseStatus) async throws -> PolicyResponse {
            var fields = fields
            fields["tlp"] = "AMBER"
            for index in targets { fields["target." + c.scenarioIDs[index]] = "on" }
            return try await design.add(PolicyResponseDraft(fields: fields), status: status, by: makerActor, scope: write)
        }
        func review(_ response: PolicyResponse, _ kind: ReviewKind, _ answers: [String: (CheckStatus, String)], marker: Int? = nil) async throws {
            var fields = ["version": String(response.version)]
            for (code, answer) in answers {
                fields["check.\(code).status"] = answer.0.rawValue
                fields["check.\(code).reasoning"] = answer.1
            }
            if let marker { fields["genderMarker"] = String(marker) }
            _ = try await reviewing.review(
                response, kind: kind, draft: ReviewDraft(fields: fields), by: reviewerActor, scope: scope(reviewer.id, .reviewResponse))
        }
        func move(_ response: PolicyResponse, _ target: ResponseStatus) async throws -> PolicyResponse {
            let permission: Permission = target == .approved ? .approveResponse : .writeResponse
            return try await design.move(response, to: target, expectedVersion: response.version, by: makerActor, scope: scope(maker.id, permission))
        }
        let clearHuman: [String: (CheckStatus, String)] = [
            "H01": (.met, "Rests on the Online Safety Act 2024 (fictional), article 12."),
            "H02": (.met, "Protects the integrity of elections and public order."),
            "H03": (.met, "Voluntary notices reach content that laws cannot."),
            "H04": (.met, "Limited to content flagged by the electoral commission; appeals within 48 hours."),
            "H05": (.met, "The flagging criteria name conduct, never groups."), "H06": (.met, "No personal data leaves the platforms."),
            "H07": (.partlyMet, "Satire must be protected; the guidance is being written."),
            "H09": (.met, "The electoral commission oversees; monthly reports to parliament."), "H10": (.met, "Notices are published quarterly."),
            "H11": (.met, "Authors may appeal to the commission and the courts."),
        ]
        let clearGender: [String: (CheckStatus, String)] = [
            "G02": (.met, "Gendered abuse of women candidates analysed."),
            "G03": (.met, "Women candidates are targeted most by deepfakes; they are consulted."),
            "G08": (.met, "Significant contribution: protects women in public life."), "G09": (.met, "Victims are never named in notices."),
        ]

        // 1. Clean reviews, approved, then measured at a follow-up round.
        var deepfake = try await add(
            [
                "title": "Deepfake rapid-response protocol with platforms", "type": "R07",
                "description":
                    "A 24-hour notice channel between the electoral commission and the major platforms for manipulated media inciting violence.",
                "effect.1.factor": "opportunity", "effect.1.low": "20", "effect.1.best": "35", "effect.1.high": "50",
                "effect.2.factor": "impact", "effect.2.dimension": "public-confidence", "effect.2.low": "10", "effect.2.best": "20",
                "effect.2.high": "30", "leadAgency": c.agencyIDs[2], "partner." + c.agencyIDs[5]: "on", "costLow": "120000", "costHigh": "180000",
                "currency": "EUR", "start": "2025-09-01", "end": "2026-12-31", "legalBasis": "Online Safety Act 2024 (fictional), article 12.",
            ], targets: [0], status: .drafted)
        deepfake = try await move(deepfake, .underReview)
        try await review(deepfake, .humanRights, clearHuman)
        try await review(deepfake, .gender, clearGender, marker: 2)
        deepfake = try await move(deepfake, .approved)
        deepfake = try await move(deepfake, .implementing)
        let takedown = try await measurement.addIndicator(
            IndicatorDraft(fields: [
                "name": "Platform notices answered within 24 hours", "level": "outcome", "unit": "%", "direction": "increase", "baseline": "40",
                "baselineDate": "2025-06-30", "target": "85", "targetDate": "2026-12-31", "disaggregated": "",
            ]), to: deepfake, by: makerActor, scope: write)
        for (value, date, source) in [
            ("55", "2025-12-31", "Commission quarterly report Q4 2025"), ("71", "2026-09-30", "Commission quarterly report Q3 2026"),
        ] {
            _ = try await measurement.recordActual(
                ActualDraft(fields: ["value": value, "date": date, "evidence": source, "reliability": "B"]), indicatorID: takedown.id, of: deepfake,
                by: makerActor, scope: write)
        }

        // 2. Blocked: proportionality Not met.
        var drones = try await add(
            [
                "title": "Mandatory registration and geofencing of all commercial drones", "type": "R02",
                "description": "Every drone above 100 g registered with its owner's identity; firmware geofences around stadiums and gatherings.",
                "effect.1.factor": "technology-accessibility", "effect.1.low": "20", "effect.1.best": "30", "effect.1.high": "45",
                "effect.2.factor": "opportunity", "effect.2.low": "10", "effect.2.best": "20", "effect.2.high": "30", "leadAgency": c.agencyIDs[0],
                "costLow": "400000", "costHigh": "650000", "currency": "EUR", "start": "2026-03-01", "end": "2027-12-31",
                "legalBasis": "Draft amendment to the Civil Aviation Code (fictional).",
            ], targets: [2], status: .drafted)
        drones = try await move(drones, .underReview)
        var droneHuman = clearHuman
        droneHuman["H01"] = (.met, "The draft amendment gives a precise basis.")
        droneHuman["H04"] = (
            .notMet, "Registering every hobby drone with identity data is broader than the threat to stadiums requires; a lighter option exists."
        )
        try await review(drones, .humanRights, droneHuman)

        // 3. Approved through a recorded override of a Not met on privacy.
        var vasp = try await add(
            [
                "title": "Licensing of virtual-asset service providers and the travel rule", "type": "R02",
                "description": "Virtual-asset service providers licensed by the central bank; originator and beneficiary data travel with transfers.",
                "effect.1.factor": "likelihood", "effect.1.low": "15", "effect.1.best": "25", "effect.1.high": "40",
                "effect.2.factor": "actor-capability", "effect.2.low": "10", "effect.2.best": "15", "effect.2.high": "25",
                "leadAgency": c.agencyIDs[3], "partner." + c.agencyIDs[0]: "on", "costLow": "250000", "costHigh": "400000", "currency": "EUR",
                "start": "2025-01-01", "end": "2026-06-30", "legalBasis": "Anti-Money Laundering Act (fictional), amended 2024.",
            ], targets: [1], status: .drafted)
        vasp = try await move(vasp, .underReview)
        var vaspHuman = clearHuman
        vaspHuman["H06"] = (.notMet, "Data retention of ten years exceeds what the FATF standard requires; five would do.")
        try await review(vasp, .humanRights, vaspHuman)
        try await review(vasp, .gender, clearGender, marker: 1)
        _ = try await reviewing.override(
            vasp,
            draft: OverrideDraft(fields: [
                "version": String(vasp.version),
                "justification":
                    "The regional FATF evaluation falls due next quarter; the retention period is cut to five years in the implementing decree, drafted now.",
            ]), by: focalActor, scope: scope(focal.id, .overrideReview))
        vasp = try await move(vasp, .approved)
        let licensed = try await measurement.addIndicator(
            IndicatorDraft(fields: [
                "name": "Virtual-asset service providers licensed", "level": "output", "unit": "providers", "direction": "increase", "baseline": "0",
                "baselineDate": "2025-01-01", "target": "12", "targetDate": "2026-06-30",
            ]), to: vasp, by: makerActor, scope: write)
        _ = try await measurement.recordActual(
            ActualDraft(fields: ["value": "5", "date": "2025-06-30", "evidence": "Central bank licensing register", "reliability": "A"]),
            indicatorID: licensed.id, of: vasp, by: makerActor, scope: write)

        // 4–5. Still being designed.
        _ = try await add(
            [
                "title": "Safety training for moderators of gaming platforms", "type": "R06",
                "effect.1.factor": "opportunity", "effect.1.low": "5", "effect.1.best": "15", "effect.1.high": "25",
            ], targets: [4], status: .idea)
        _ = try await add(
            [
                "title": "Counter-narrative campaign with youth organisations", "type": "R09",
                "effect.1.factor": "intent", "effect.1.low": "5", "effect.1.best": "10", "effect.1.high": "20", "costLow": "60000",
                "costHigh": "90000", "currency": "EUR",
            ], targets: [4, 11], status: .drafted)

        // The follow-up round: the deepfake scenario is scored again now that the protocol runs.
        let manage = SystemAuthority.tenant(c.stateID, actorID: "demo-seed", permission: .manageAssessment)
        func audit(_ action: AuditAction) -> AuditEvent { AuditEvent(action, by: DemoAssessment.seedActor, entity: c.assessmentID, state: c.stateID) }
        try await services.assessments.scoring.advanceRound(manage, assessmentID: c.assessmentID, to: .open, audit: audit(.roundOpen))
        var generator = SplitMix64(seed: 20_261_130)
        for assessorID in c.assessorIDs {
            let best = 0.18 * (0.8 + generator.nextUnit() * 0.4)
            var fields = [
                "intent": "4", "actorCapability": "3", "technologyAccessibility": "5", "opportunity": "\(2 + Int(generator.next() % 2))",
                "likelihoodLow": "\(best / 3)", "likelihoodBest": "\(best)", "likelihoodHigh": "\(min(1, best * 2))", "confidence": "moderate",
                "rationale": "Follow-up: the notice channel now removes most inciting deepfakes within a day.",
            ]
            for dimension in ImpactDimension.allCases { fields["impact.\(dimension.rawValue)"] = dimension == .publicConfidence ? "3" : "4" }
            let score = try ScoreDraft(fields: fields).validated(scenarioID: c.scenarioIDs[0], round: 3, assessorID: assessorID)
            try await services.assessments.scoring.submitScore(
                score, scope: SystemAuthority.tenant(c.stateID, actorID: assessorID, permission: .scoreScenario),
                audit: AuditEvent(.scoreSubmit, by: DemoAssessment.seedActor, entity: c.scenarioIDs[0], state: c.stateID))
        }
        try await services.assessments.scoring.advanceRound(manage, assessmentID: c.assessmentID, to: .closed, audit: audit(.roundClosed))
        try await services.assessments.scoring.advanceRound(manage, assessmentID: c.assessmentID, to: .revealed, audit: audit(.roundRevealed))
    }
}
