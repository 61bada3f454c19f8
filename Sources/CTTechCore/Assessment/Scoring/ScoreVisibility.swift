/// Who sees which scores: in an open or closed round nobody sees anyone else's; once revealed, everyone sees the spread
/// and the rationales with assessors anonymised as "Assessor 1", "Assessor 2"… The numbering follows a random salt
/// drawn when the round opens and kept with the round, never shown: nobody can recompute who is "Assessor 2" from user
/// ids they know (issue 8, item 15).
public enum ScoreVisibility {
    public struct Shown: Sendable, Hashable {
        public let label: String
        public let score: ScenarioScore
        public let isOwn: Bool
        /// A workshop participant's score (``WorkshopInput``), labelled "Workshop participant n" and numbered apart.
        public let isWorkshop: Bool

        public init(label: String, score: ScenarioScore, isOwn: Bool, isWorkshop: Bool = false) {
            self.label = label
            self.score = score
            self.isOwn = isOwn
            self.isWorkshop = isWorkshop
        }
    }

    public static func visible(_ scores: [ScenarioScore], round: ScoringRound, viewerID: String, numberingSalt: String) -> [Shown] {
        let inRound = scores.filter { $0.round == round.number }
        guard round.status == .revealed else {
            return inRound.filter { $0.assessorID == viewerID }.map { Shown(label: "You", score: $0, isOwn: true) }
        }
        // Peers are numbered 1…n in an order no one can relate to names; the viewer is "You" and takes no number. Workshop
        // participants are numbered apart, in the same way.
        func numbering(_ ids: Set<String>) -> [String: Int] {
            let ordered = ids.sorted { Identifier.sha256Hex(numberingSalt + "#" + $0) < Identifier.sha256Hex(numberingSalt + "#" + $1) }
            return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0 + 1) })
        }
        let others = Set(inRound.map(\.assessorID)).subtracting([viewerID])
        let numbers = numbering(others.filter { !WorkshopInput.isWorkshop($0) })
        let workshopNumbers = numbering(others.filter(WorkshopInput.isWorkshop))
        return inRound.map { score in
            let own = score.assessorID == viewerID
            let workshop = WorkshopInput.isWorkshop(score.assessorID)
            var shown = score
            if !own { shown.assessorID = "" }
            let label =
                own
                ? "You" : workshop ? "Workshop participant \(workshopNumbers[score.assessorID] ?? 0)" : "Assessor \(numbers[score.assessorID] ?? 0)"
            return Shown(label: label, score: shown, isOwn: own, isWorkshop: workshop)
        }
        .sorted { ($0.isWorkshop ? 1 : 0, $0.label) < ($1.isWorkshop ? 1 : 0, $1.label) }
    }

    /// A fresh salt for a new round's numbering (a random UUID: 122 random bits).
    public static func newNumberingSalt() -> String { Identifier.make() }

    /// Whether a score may be submitted now.
    public static func canScore(_ round: ScoringRound) -> Bool { round.status == .open }
}
