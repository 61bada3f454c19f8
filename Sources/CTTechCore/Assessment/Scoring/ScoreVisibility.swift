/// Who sees which scores: in an open or closed round nobody sees anyone else's; once revealed, everyone sees the spread
/// and the rationales with assessors anonymised as "Assessor 1", "Assessor 2"… The numbering follows a random salt
/// drawn when the round opens and kept with the round, never shown: nobody can recompute who is "Assessor 2" from user
/// ids they know (issue 8, item 15).
public enum ScoreVisibility {
    public struct Shown: Sendable, Hashable {
        public let label: String
        public let score: ScenarioScore
        public let isOwn: Bool
    }

    public static func visible(_ scores: [ScenarioScore], round: ScoringRound, viewerID: String, numberingSalt: String) -> [Shown] {
        let inRound = scores.filter { $0.round == round.number }
        guard round.status == .revealed else {
            return inRound.filter { $0.assessorID == viewerID }.map { Shown(label: "You", score: $0, isOwn: true) }
        }
        // Peers are numbered 1…n in an order no one can relate to names; the viewer is "You" and takes no number.
        let assessors = Array(Set(inRound.map(\.assessorID)).subtracting([viewerID])).sorted {
            Identifier.sha256Hex(numberingSalt + "#" + $0) < Identifier.sha256Hex(numberingSalt + "#" + $1)
        }
        let numbers = Dictionary(uniqueKeysWithValues: assessors.enumerated().map { ($1, $0 + 1) })
        return inRound.map { score in
            let own = score.assessorID == viewerID
            var shown = score
            if !own { shown.assessorID = "" }
            return Shown(label: own ? "You" : "Assessor \(numbers[score.assessorID] ?? 0)", score: shown, isOwn: own)
        }
        .sorted { $0.label < $1.label }
    }

    /// A fresh salt for a new round's numbering (a random UUID: 122 random bits).
    public static func newNumberingSalt() -> String { Identifier.make() }

    /// Whether a score may be submitted now.
    public static func canScore(_ round: ScoringRound) -> Bool { round.status == .open }
}
