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

/// An approved, immutable snapshot. `sha256` is the hash of the stored content; reading checks it.
public struct AssessmentSnapshot: Sendable, Hashable {
    public var id: String
    public var assessmentID: String
    public var number: Int
    public var approvedBy: String
    public var approvedAt: Int64
    public var sha256: String
    public var content: SnapshotContent

    public init(id: String, assessmentID: String, number: Int, approvedBy: String, approvedAt: Int64, sha256: String, content: SnapshotContent) {
        self.id = id
        self.assessmentID = assessmentID
        self.number = number
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.sha256 = sha256
        self.content = content
    }
}

/// Two snapshots side by side: every register entry and every scanned technology of either, with what changed.
public struct SnapshotComparison: Sendable, Hashable {
    public struct RiskRow: Sendable, Hashable {
        public let id: String
        public let title: String
        public let before: RegisterDocument.Entry?
        public let after: RegisterDocument.Entry?

        /// Positive when the risk moved up the ranking (a smaller rank number), nil when it is in only one snapshot.
        public var rankChange: Int? {
            guard let before, let after else { return nil }
            return before.medianRank - after.medianRank
        }
    }

    public struct ScanRow: Sendable, Hashable {
        public let technology: String
        public let before: HorizonScanEntry?
        public let after: HorizonScanEntry?
        public var changed: Bool { before?.stage != after?.stage || before?.trend != after?.trend }
    }

    public let risks: [RiskRow]
    public let scan: [ScanRow]

    /// Rows follow the later snapshot's ranking, then risks found only in the earlier one.
    public init(before: SnapshotContent, after: SnapshotContent) {
        let old = Dictionary(before.register.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.register.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows = after.register.entries.map { RiskRow(id: $0.id, title: $0.title, before: old[$0.id], after: $0) }
        rows += before.register.entries.filter { new[$0.id] == nil }.map { RiskRow(id: $0.id, title: $0.title, before: $0, after: nil) }
        risks = rows
        let scanBefore = Dictionary(before.horizonScan.map { ($0.technology, $0) }, uniquingKeysWith: { a, _ in a })
        let scanAfter = Dictionary(after.horizonScan.map { ($0.technology, $0) }, uniquingKeysWith: { a, _ in a })
        scan = Set(scanBefore.keys).union(scanAfter.keys).sorted().map { ScanRow(technology: $0, before: scanBefore[$0], after: scanAfter[$0]) }
    }
}
