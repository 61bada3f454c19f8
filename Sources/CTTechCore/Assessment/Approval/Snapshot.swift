/// What approval freezes: the assessment as it stood, with its institutions, scan, scenarios, evidence, other risks and
/// the register computed from the latest revealed round. Individual scores are not copied: they are kept, unchangeable,
/// in the score table, and the snapshot's register holds their aggregates.
public struct SnapshotContent: Sendable, Hashable, Codable {
    public var assessment: Assessment
    public var agencies: [Agency]
    public var raci: [RaciAssignment]
    public var horizonScan: [HorizonScanEntry]
    public var scenarios: [ThreatScenario]
    public var evidence: [EvidenceItem]
    public var otherRisks: [OtherRisk]
    public var register: RegisterDocument

    public init(
        assessment: Assessment, agencies: [Agency], raci: [RaciAssignment], horizonScan: [HorizonScanEntry], scenarios: [ThreatScenario],
        evidence: [EvidenceItem], otherRisks: [OtherRisk], register: RegisterDocument
    ) {
        self.assessment = assessment
        self.agencies = agencies
        self.raci = raci
        self.horizonScan = horizonScan
        self.scenarios = scenarios
        self.evidence = evidence
        self.otherRisks = otherRisks
        self.register = register
    }
}
