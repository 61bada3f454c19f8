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
