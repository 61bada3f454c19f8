/// A versioned method: the reference lists an assessment names and is scored against.
public struct MethodVersion: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    public var note: String
    public var lists: [ReferenceKind: [ReferenceItem]]
    /// How many assessors must rate an item before the group's agreement counts as consensus (``RatingSummary``).
    public var consensusMinimumRatings: Int

    /// The method's default minimum number of ratings for consensus.
    public static let defaultConsensusMinimumRatings = 3

    public init(
        id: String, title: String, note: String, lists: [ReferenceKind: [ReferenceItem]],
        consensusMinimumRatings: Int = MethodVersion.defaultConsensusMinimumRatings
    ) {
        self.id = id
        self.title = title
        self.note = note
        self.lists = lists
        self.consensusMinimumRatings = consensusMinimumRatings
    }

    public func items(_ kind: ReferenceKind) -> [ReferenceItem] { lists[kind] ?? [] }

    /// Code → name for one list, to show names where records store codes, in `language` (English by default).
    public func names(_ kind: ReferenceKind, in language: Language = .english) -> [String: String] {
        Dictionary(items(kind).map { ($0.code, $0.name(in: language)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Problems that make a method unusable: an empty list, a duplicate or blank code.
    public func problems() -> [String] {
        var found: [String] = []
        if consensusMinimumRatings < 1 { found.append("the minimum number of ratings for consensus is below 1") }
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
