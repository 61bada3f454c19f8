import CTTechCore

// Valid drafts with values chosen for hand computation; a test changes the field it is about.

extension AssessmentDraft {
    static var mock: AssessmentDraft { AssessmentDraft(title: "Valdoria 2026 assessment", period: "2026–2027", horizonYears: "3", tlp: "AMBER") }
}

extension ScenarioDraft {
    static var mock: ScenarioDraft {
        ScenarioDraft(
            title: "Drone attack on a festival crowd", narrative: "A lone actor flies a modified drone over a crowd.", actorType: "A3",
            technologies: ["T09"], purposes: ["P7"], targetSector: "Mass gatherings")
    }
}

extension ScoreDraft {
    /// Intent 4, capability min(3, 5) = 3: threat 12; every impact 3 except fatalities 4: combined impact 4.
    static var mock: ScoreDraft {
        ScoreDraft(
            intent: 4, actorCapability: 3, technologyAccessibility: 5, opportunity: 2, likelihood: (low: 0.01, best: 0.05, high: 0.2),
            impact: Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0.rawValue, $0 == .fatalities ? 4 : 3) }),
            confidence: "moderate", rationale: "Seized drones show the capability.")
    }
}

extension AgencyDraft {
    static var mock: AgencyDraft { AgencyDraft(name: "National Police", kind: "law-enforcement", mandate: "Investigates terrorist offences.") }
}

extension HorizonScanDraft {
    static var mock: HorizonScanDraft { HorizonScanDraft(technology: "T08", stage: "discussed", trend: "rising", notes: "Deepfakes discussed.") }
}

extension EvidenceDraft {
    static var mock: EvidenceDraft {
        EvidenceDraft(
            summary: "Modified drone seized near a stadium.", source: "Liaison report", reliability: "B", credibility: 2, observedOn: "2026-03-14")
    }
}

extension OtherRiskDraft {
    static var mock: OtherRiskDraft {
        OtherRiskDraft(title: "River flood", family: "Natural hazard", confidence: "high", likelihood: (0.1, 0.2, 0.4), impact: (2, 3, 4))
    }
}

extension PartnerStateDraft {
    static var mock: PartnerStateDraft {
        PartnerStateDraft(code: "arc", name: "Arcadia", region: "central-asia", defaultTLP: "GREEN", profile: "A fictional partner state.")
    }
}

extension UserDraft {
    static var mock: UserDraft { UserDraft(email: "New.Analyst@Valdoria.example", displayName: "New Analyst") }
}

extension PolicyResponseDraft {
    /// Drone detection at mass gatherings: intent −40/50/60 %, fatalities −50 %; 1–2 million EUR over 2026–2027.
    static func mock(addressing targets: [String], title: String = "Drone detection at mass gatherings") -> PolicyResponseDraft {
        var fields = [
            "title": title, "type": "R05", "description": "Detectors and interceptors at large festivals.", "legalBasis": "Aviation Act §12",
            "tlp": "AMBER", "effect.1.factor": "intent", "effect.1.low": "40", "effect.1.best": "50", "effect.1.high": "60",
            "effect.2.factor": "impact", "effect.2.dimension": "fatalities", "effect.2.low": "50", "effect.2.best": "50", "effect.2.high": "50",
            "costLow": "1000000", "costHigh": "2000000", "currency": "EUR", "start": "2026-01-01", "end": "2027-12-31",
        ]
        for id in targets { fields["target." + id] = "on" }
        return PolicyResponseDraft(fields: fields)
    }
}

extension ReviewDraft {
    /// Answers to `codes` with one status and a reason each, for `version`; the gender marker 2 goes with G08.
    static func answering(_ codes: [String], _ status: CheckStatus, version: Int) -> ReviewDraft {
        var fields = ["version": String(version)]
        for code in codes {
            fields["check.\(code).status"] = status.rawValue
            fields["check.\(code).reasoning"] = "Checked against the draft law and the deployment plan."
        }
        if codes.contains(ReviewDraft.genderMarkerCheck) { fields["genderMarker"] = "2" }
        return ReviewDraft(fields: fields)
    }
}

extension OverrideDraft {
    static func mock(version: Int) -> OverrideDraft {
        OverrideDraft(fields: [
            "version": String(version),
            "justification": "The festival season starts next week and the detectors are removed after it; the ombudsman oversees their use.",
        ])
    }
}

extension IndicatorDraft {
    /// Festivals covered by detectors: from 2 at the start of 2026 to 20 by the end of 2027.
    static var mock: IndicatorDraft {
        IndicatorDraft(fields: [
            "name": "Festivals covered by drone detection", "level": "output", "unit": "festivals", "direction": "increase", "baseline": "2",
            "baselineDate": "2026-01-01", "target": "20", "targetDate": "2027-12-31", "disaggregated": "",
        ])
    }
}

extension ActualDraft {
    static var mock: ActualDraft {
        ActualDraft(fields: ["value": "11", "date": "2026-09-30", "evidence": "Police deployment report, Q3 2026", "reliability": "b"])
    }
}

extension CapabilityAssessmentDraft {
    /// The national police's self-assessment of `areas`, conducted on 1 March 2026.
    static func mock(areas: [String] = ["F03", "F07"], title: String = "Valdoria national police 2026") -> CapabilityAssessmentDraft {
        var fields = ["title": title, "conductedOn": "2026-03-01"]
        for area in areas { fields["area." + area] = "on" }
        return CapabilityAssessmentDraft(fields: fields)
    }
}

extension AnswersDraft {
    /// One area's answers (criterion → answer) with a note each, read at `version`; `evidence` names evidence per criterion.
    static func answering(_ answers: [String: CriterionAnswer], version: Int, evidence: [String: [String]] = [:]) -> AnswersDraft {
        var fields = ["version": String(version)]
        for (code, answer) in answers {
            fields["answer." + code] = answer.rawValue
            fields["note." + code] = "Seen in the unit's procedures."
        }
        for (code, ids) in evidence {
            for id in ids { fields["evidence.\(code).\(id)"] = "on" }
        }
        return AnswersDraft(fields: fields)
    }
}

extension TargetsDraft {
    /// One area's targets (enabler → stage) read at `version`, moderate feasibility unless told.
    static func setting(_ stages: [String: Int], version: Int, cost: Feasibility.Rating = .moderate) -> TargetsDraft {
        var fields = ["version": String(version), "cost": cost.rawValue]
        for (enabler, stage) in stages { fields["target." + enabler] = String(stage) }
        return TargetsDraft(fields: fields)
    }
}

extension RoadmapItemDraft {
    /// Closing a gap: F03 digital forensics tools to stage 3, over 2026, 100,000–250,000 EUR from a donor.
    static func development(title: String = "Digital forensics laboratory", requires prerequisites: [String] = []) -> RoadmapItemDraft {
        var fields = [
            "kind": "development", "title": title, "description": "An accredited laboratory for seized devices.", "area": "F03", "enabler": "E5",
            "toStage": "3", "horizon": "short", "start": "2026-01-01", "end": "2026-12-31", "costLow": "100000", "costHigh": "250000",
            "currency": "EUR", "funding": "donor", "milestone.1.title": "Laboratory equipped", "milestone.1.due": "2026-06-30",
        ]
        for id in prerequisites { fields["prerequisite." + id] = "on" }
        return RoadmapItemDraft(fields: fields)
    }

    /// Adopting drone detection (T09) at mass gatherings, rated for readiness.
    static func adoption(title: String = "Drone detection at stadiums", requires prerequisites: [String] = []) -> RoadmapItemDraft {
        var fields = [
            "kind": "adoption", "title": title, "description": "Radio-frequency detectors at the national stadium.", "technology": "T09",
            "area": "F07", "enabler": "E5", "toStage": "2", "horizon": "medium", "readiness.legal-basis": "partly-ready",
            "readiness.skills": "not-ready", "readiness.safeguards": "partly-ready",
        ]
        for id in prerequisites { fields["prerequisite." + id] = "on" }
        return RoadmapItemDraft(fields: fields)
    }
}
