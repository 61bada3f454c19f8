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
