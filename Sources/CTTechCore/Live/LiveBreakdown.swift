/// A breakdown of one item's answers by a declared attribute, with small groups suppressed (issue 12: min-n before any
/// breakdown is shown, 5 by default).
///
/// A group with fewer than `minimum` answers is suppressed. Because the whole group's figures are shown next to the
/// breakdown, one suppressed group could be worked out from the total and the others; so when exactly one group is
/// suppressed, the next smallest is suppressed too (complementary suppression). Answers with no declared value form the
/// group "not declared", which is suppressed by the same rule.
public struct LiveBreakdown: Sendable, Hashable, Codable {
    public struct Group: Sendable, Hashable, Codable {
        /// The attribute's value, or nil for "not declared".
        public let value: String?
        /// Nil when suppressed: neither the count nor any figure is given.
        public let summary: RatingSummary?
        public var suppressed: Bool { summary == nil }
    }

    public let attribute: LiveAttribute
    /// In the attribute's order of values, then "not declared".
    public let groups: [Group]

    /// `answers`: participant → value; `attributes`: participant → what they declared.
    public init(
        _ attribute: LiveAttribute, answers: [String: Double], attributes: [String: LiveAttributes], minimum: Int, minimumForConsensus: Int
    ) {
        self.attribute = attribute
        var byValue: [String?: [Double]] = [:]
        for (participant, value) in answers { byValue[attributes[participant]?[attribute], default: []].append(value) }
        let order: [String?] = attribute.values.map { Optional($0) } + [nil]
        let present = order.filter { byValue[$0] != nil }
        var suppressed = Set(present.filter { (byValue[$0]?.count ?? 0) < minimum })
        if suppressed.count == 1,
            let next = present.filter({ !suppressed.contains($0) }).min(by: { (byValue[$0]?.count ?? 0) < (byValue[$1]?.count ?? 0) })
        {
            suppressed.insert(next)
        }
        groups = present.map { value in
            Group(
                value: value,
                summary: suppressed.contains(value) ? nil : RatingSummary(byValue[value] ?? [], minimumForConsensus: minimumForConsensus))
        }
    }
}
