/// The compliance view of a state's responses (issue 10): each check by status across the responses' current
/// versions, the responses whose approval is blocked, every override, and the gender markers given.
public struct ComplianceSummary: Sendable, Hashable {
    public struct CheckRow: Sendable, Hashable {
        public let kind: ReviewKind
        public let check: ReferenceItem
        public let mandatory: Bool
        public let counts: [CheckStatus: Int]
        public let unreviewed: Int
    }

    public struct Blocked: Sendable, Hashable {
        public let response: PolicyResponse
        public let checks: [String]
        public let overridden: Bool
    }

    public let rows: [CheckRow]
    public let blocked: [Blocked]
    public let overrides: [(ReviewOverride, PolicyResponse)]
    /// Marker 0–3 → number of responses; responses without a marker for their current version are not counted.
    public let markers: [Int: Int]
    /// Responses under review or further along (not withdrawn, not an idea): those whose checks count here.
    public let reviewed: Int

    public static func == (a: ComplianceSummary, b: ComplianceSummary) -> Bool {
        a.rows == b.rows && a.blocked == b.blocked && a.markers == b.markers && a.reviewed == b.reviewed
            && a.overrides.map(\.0) == b.overrides.map(\.0)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rows)
        hasher.combine(blocked)
    }

    /// Counts over the responses that are drafted or further along and not withdrawn, each at its current version.
    public init(responses: [PolicyResponse], reviews: [CheckReview], overrides: [ReviewOverride], method: MethodVersion) {
        let counted = responses.filter { $0.status != .idea && $0.status != .withdrawn }
        let byResponse = Dictionary(grouping: reviews, by: \.responseID)
        var lists: [String: [ReviewChecklist]] = [:]
        for response in counted {
            lists[response.id] = ReviewChecklist.both(method: method, reviews: byResponse[response.id] ?? [], version: response.version)
        }
        var rows: [CheckRow] = []
        for kind in ReviewKind.allCases {
            for check in method.items(kind.checks) {
                var counts: [CheckStatus: Int] = [:]
                var unreviewed = 0
                for response in counted {
                    let line = lists[response.id]?.first { $0.kind == kind }?.lines.first { $0.check.code == check.code }
                    if let status = line?.current?.status { counts[status, default: 0] += 1 } else { unreviewed += 1 }
                }
                rows.append(CheckRow(kind: kind, check: check, mandatory: method.isMandatory(check.code), counts: counts, unreviewed: unreviewed))
            }
        }
        self.rows = rows
        blocked = counted.filter { $0.status == .drafted || $0.status == .underReview }.compactMap { response in
            let checks = (lists[response.id] ?? []).flatMap(\.blocking)
            guard !checks.isEmpty else { return nil }
            let overridden = overrides.contains { $0.responseID == response.id && $0.responseVersion == response.version }
            return Blocked(response: response, checks: checks, overridden: overridden)
        }
        let byID = Dictionary(responses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.overrides = overrides.sorted { $0.at > $1.at }.compactMap { o in byID[o.responseID].map { (o, $0) } }
        var markers: [Int: Int] = [:]
        for response in counted {
            if let marker = lists[response.id]?.first(where: { $0.kind == .gender })?.genderMarker { markers[marker, default: 0] += 1 }
        }
        self.markers = markers
        reviewed = counted.count
    }
}
