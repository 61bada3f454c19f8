/// One review's checks as they stand for the current version of what is reviewed: the reusable review component
/// (issue 10). It knows nothing of responses beyond a version, so any record that needs checks answered can use it.
public struct ReviewChecklist: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public let check: ReferenceItem
        public let mandatory: Bool
        /// The latest answer for the current version, if any.
        public let current: CheckReview?
        /// The latest answer for an older version, when the current one has none: shown, but it does not count.
        public let outdated: CheckReview?

        /// A mandatory check that is unreviewed or Not met blocks approval.
        public var blocks: Bool { mandatory && (current == nil || current?.status == .notMet) }
    }

    public let kind: ReviewKind
    public let lines: [Line]

    /// The checks of `kind` in `method`, each with the latest of `reviews` for `version` (answers about other versions are
    /// kept as outdated). Later answers replace earlier ones; answers given in the same millisecond count in the order of
    /// `reviews`, which the stores return in the order recorded.
    public init(kind: ReviewKind, method: MethodVersion, reviews: [CheckReview], version: Int) {
        self.kind = kind
        let mine = reviews.enumerated().filter { $0.element.kind == kind }
        let latest = { (candidates: [(offset: Int, element: CheckReview)]) -> CheckReview? in
            candidates.max {
                ($0.element.responseVersion, $0.element.reviewedAt, $0.offset) < ($1.element.responseVersion, $1.element.reviewedAt, $1.offset)
            }?.element
        }
        lines = method.items(kind.checks).map { check in
            let answers = mine.filter { $0.element.code == check.code }
            return Line(
                check: check, mandatory: method.isMandatory(check.code),
                current: latest(answers.filter { $0.element.responseVersion == version }),
                outdated: latest(answers.filter { $0.element.responseVersion < version }))
        }
    }

    /// A record's two checklists, human rights then gender, as they stand for `version`.
    public static func both(method: MethodVersion, reviews: [CheckReview], version: Int) -> [ReviewChecklist] {
        ReviewKind.allCases.map { ReviewChecklist(kind: $0, method: method, reviews: reviews, version: version) }
    }

    /// Codes of the checks that block approval.
    public var blocking: [String] { lines.filter(\.blocks).map(\.check.code) }

    /// How many checks have each status for the current version (unreviewed ones are not counted).
    public var counts: [CheckStatus: Int] {
        Dictionary(grouping: lines.compactMap(\.current?.status), by: { $0 }).mapValues(\.count)
    }

    /// Checks with no answer for the current version.
    public var unreviewed: Int { lines.filter { $0.current == nil }.count }

    /// The gender marker recorded with the current version (gender review only).
    public var genderMarker: Int? { lines.compactMap(\.current?.genderMarker).first }
}
