/// A participant's answer as typed on their phone. Fields by kind: scoring — the scenario form's fields
/// (``ScoreDraft``); ranking — `rank.<item>` (1 = first, ties allowed, empty = not ranked in a top-k ranking); 2 × 2 —
/// `likelihood` and `impact` (0–100); allocation — `points.<item>`; ideas — `idea` (entry round) or `vote.<idea id>` =
/// `on` (voting round); grid — `level` (0–5); quiz — `choice` (the option's index); survey — `rating` (1–5) and `comment`.
public struct LiveAnswerDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// What a checked answer is: an answer to store, or the text of a new idea.
    public enum Checked: Sendable, Hashable {
        case answer(LiveSubmission)
        case idea(String)
    }

    /// Checks the answer to `itemKey` (empty for activities answered whole) of `activity` in `round`. `ideas` are the
    /// board's ideas (for votes).
    public func validated(
        activity: LiveActivity, round: Int, participantID: String, itemKey: String, ideas: [LiveIdea], at time: Int64
    ) throws(ValidationFailure) -> Checked {
        if activity.kind.answeredWhole {
            guard itemKey.isEmpty else { throw ValidationFailure(field: "item", "live.validation.unknown-item") }
        } else {
            guard activity.item(itemKey) != nil else { throw ValidationFailure(field: "item", "live.validation.unknown-item") }
        }
        func submission(_ answer: LiveAnswer) -> Checked {
            .answer(
                LiveSubmission(
                    activityID: activity.id, round: round, participantID: participantID, itemKey: itemKey, answer: answer, submittedAt: time))
        }
        var v = Validator()
        switch activity.kind {
        case .scoring:
            let score = try ScoreDraft(fields: fields).validated(scenarioID: itemKey, round: round, assessorID: participantID)
            return submission(.score(score))
        case .ranking:
            let ranks = rankings(activity, &v)
            try v.check()
            return submission(.ranking(ranks))
        case .matrix:
            let likelihood = whole("likelihood", 0...100, &v)
            let impact = whole("impact", 0...100, &v)
            try v.check()
            return submission(.placement(likelihood: likelihood ?? 0, impact: impact ?? 0))
        case .allocation:
            var points: [String: Int] = [:]
            for item in activity.items {
                let typed = (fields["points.\(item.key)"] ?? "").trimmingWhitespace()
                if typed.isEmpty { continue }
                if let value = Int(typed), (0...LiveLimits.allocationPoints).contains(value) {
                    if value > 0 { points[item.key] = value }
                } else {
                    v.add("points.\(item.key)", "validation.number-from-to", ["min": "0", "max": String(LiveLimits.allocationPoints)])
                }
            }
            let total = points.values.reduce(0, +)
            if v.issues.isEmpty && total != LiveLimits.allocationPoints {
                v.add("points", "live.validation.points-total", ["total": String(total), "points": String(LiveLimits.allocationPoints)])
            }
            try v.check()
            return submission(.allocation(points))
        case .ideas:
            if round == 1 {
                let text = v.text(fields["idea"], field: "idea", maxLength: LiveLimits.ideaLength)
                try v.check()
                return .idea(text ?? "")
            }
            let votable = Set(ideas.filter(\.isVotable).map(\.id))
            let chosen = fields.filter { $0.key.hasPrefix("vote.") && $0.value == "on" }.map { String($0.key.dropFirst(5)) }.sorted()
            if chosen.isEmpty { v.add("votes", "live.validation.no-votes") }
            if chosen.contains(where: { !votable.contains($0) }) { v.add("votes", "live.validation.unknown-idea") }
            if chosen.count > activity.limit { v.add("votes", "live.validation.too-many-votes", ["max": String(activity.limit)]) }
            try v.check()
            return submission(.votes(chosen))
        case .grid:
            let level = whole("level", 0...5, &v)
            try v.check()
            return submission(.level(level ?? 0))
        case .quiz:
            let options = activity.item(itemKey)?.options.count ?? 0
            let choice = whole("choice", 0...max(0, options - 1), &v)
            try v.check()
            return submission(.choice(choice ?? 0))
        case .survey:
            let rating = whole("rating", 1...5, &v)
            let comment = v.text(fields["comment"], field: "comment", required: false, maxLength: LiveLimits.commentLength)
            try v.check()
            return submission(.rating(rating ?? 1, comment: comment ?? ""))
        }
    }

    private func whole(_ field: String, _ range: ClosedRange<Int>, _ v: inout Validator) -> Int? {
        let typed = (fields[field] ?? "").trimmingWhitespace()
        guard let value = Int(typed), range.contains(value) else {
            v.add(
                field, typed.isEmpty ? "validation.required" : "validation.number-from-to",
                ["min": String(range.lowerBound), "max": String(range.upperBound)])
            return nil
        }
        return value
    }

    /// Ranks 1…n per item; a full ranking ranks every item, a top-k one at most k (with ranks up to k), ties allowed.
    private func rankings(_ activity: LiveActivity, _ v: inout Validator) -> [String: Int] {
        let n = activity.items.count
        var ranks: [String: Int] = [:]
        for item in activity.items {
            let typed = (fields["rank.\(item.key)"] ?? "").trimmingWhitespace()
            if typed.isEmpty {
                if activity.limit == 0 { v.add("rank.\(item.key)", "validation.required") }
                continue
            }
            let top = activity.limit == 0 ? n : activity.limit
            if let value = Int(typed), (1...max(1, top)).contains(value) {
                ranks[item.key] = value
            } else {
                v.add("rank.\(item.key)", "validation.number-from-to", ["min": "1", "max": String(top)])
            }
        }
        if v.issues.isEmpty && ranks.isEmpty { v.add("ranks", "live.validation.no-ranks") }
        if activity.limit > 0 && ranks.count > activity.limit {
            v.add("ranks", "live.validation.too-many-ranked", ["max": String(activity.limit)])
        }
        return ranks
    }
}
