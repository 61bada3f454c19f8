/// A versioned method: the reference lists an assessment names and is scored against.
public struct MethodVersion: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    public var note: String
    public var lists: [ReferenceKind: [ReferenceItem]]
    /// How many assessors must rate an item before the group's agreement counts as consensus (``RatingSummary``).
    public var consensusMinimumRatings: Int
    /// Codes of the human-rights and gender checks that must be answered, and not Not met, before a response is approved
    /// (issue 10); the other checks are advisory.
    public var mandatoryChecks: Set<String>
    /// Evidence older than this many days is stale: shown as such, and its weight in indicator progress decays
    /// (``IndicatorProgress``).
    public var evidenceMaxAgeDays: Int

    /// The method's default minimum number of ratings for consensus.
    public static let defaultConsensusMinimumRatings = 3
    /// The default age after which evidence is stale: one year.
    public static let defaultEvidenceMaxAgeDays = 365

    public init(
        id: String, title: String, note: String, lists: [ReferenceKind: [ReferenceItem]],
        consensusMinimumRatings: Int = MethodVersion.defaultConsensusMinimumRatings, mandatoryChecks: Set<String> = [],
        evidenceMaxAgeDays: Int = MethodVersion.defaultEvidenceMaxAgeDays
    ) {
        self.id = id
        self.title = title
        self.note = note
        self.lists = lists
        self.consensusMinimumRatings = consensusMinimumRatings
        self.mandatoryChecks = mandatoryChecks
        self.evidenceMaxAgeDays = evidenceMaxAgeDays
    }

    enum CodingKeys: String, CodingKey { case id, title, note, lists, consensusMinimumRatings, mandatoryChecks, evidenceMaxAgeDays }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            note: try c.decode(String.self, forKey: .note), lists: try c.decode([ReferenceKind: [ReferenceItem]].self, forKey: .lists),
            consensusMinimumRatings: try c.decodeIfPresent(Int.self, forKey: .consensusMinimumRatings) ?? Self.defaultConsensusMinimumRatings,
            mandatoryChecks: try c.decodeIfPresent(Set<String>.self, forKey: .mandatoryChecks) ?? [],
            evidenceMaxAgeDays: try c.decodeIfPresent(Int.self, forKey: .evidenceMaxAgeDays) ?? Self.defaultEvidenceMaxAgeDays)
    }

    /// Whether a check (H01–H13, G01–G10) must be answered, and not Not met, before approval.
    public func isMandatory(_ code: String) -> Bool { mandatoryChecks.contains(code) }

    public func items(_ kind: ReferenceKind) -> [ReferenceItem] { lists[kind] ?? [] }

    /// Code → name for one list, to show names where records store codes, in `language` (English by default).
    public func names(_ kind: ReferenceKind, in language: Language = .english) -> [String: String] {
        Dictionary(items(kind).map { ($0.code, $0.name(in: language)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Problems that make a method unusable: an empty list, a duplicate or blank code.
    public func problems() -> [String] {
        var found: [String] = []
        if consensusMinimumRatings < 1 { found.append("the minimum number of ratings for consensus is below 1") }
        if evidenceMaxAgeDays < 1 { found.append("the age after which evidence is stale is below one day") }
        let checkCodes = Set(items(.humanRightsChecks).map(\.code) + items(.genderChecks).map(\.code))
        for code in mandatoryChecks.sorted() where !checkCodes.contains(code) {
            found.append("mandatory check \(code) is not a human-rights or gender check")
        }
        for kind in ReferenceKind.allCases {
            let items = self.items(kind)
            if items.isEmpty { found.append("\(kind.rawValue) is empty") }
            var seen = Set<String>()
            for item in items {
                if item.code.trimmingWhitespace().isEmpty || item.name.trimmingWhitespace().isEmpty {
                    found.append("\(kind.rawValue) has an item without code or name")
                }
                if !seen.insert(item.code).inserted { found.append("\(kind.rawValue) repeats code \(item.code)") }
            }
        }
        return found
    }
}
