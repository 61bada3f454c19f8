/// A live session's results as exported (issue 12): only revealed rounds, so an export made during the session shows no
/// more than the room has seen. The CSV has one row per activity, round, item and figure (for scores: every factor);
/// the JSON document also carries each answer, labelled as the session's anonymity mode allows (no participant at all
/// in an anonymous session).
public struct LiveExport: Sendable, Hashable, Codable {
    public struct Activity: Sendable, Hashable, Codable {
        public let id: String
        public let kind: String
        public let title: String
        public let items: [LiveItem]
        public let rounds: [Round]
    }

    public struct Round: Sendable, Hashable, Codable {
        public let round: Int
        public let results: LiveResults
        public let answers: [Answer]
    }

    public struct Answer: Sendable, Hashable, Codable {
        /// "Participant n" or the name given; nil in an anonymous session.
        public let participant: String?
        public let item: String
        public let answer: LiveAnswer
    }

    public let sessionID: String
    public let title: String
    public let anonymity: String
    public let minimumGroupSize: Int
    public let activities: [Activity]

    /// `rounds`: every round of the session (only revealed ones are exported); `submissions`: activity id → its answers.
    public init(
        session: LiveSession, activities: [LiveActivity], rounds: [LiveRound], results: [String: [LiveResults]],
        submissions: [String: [LiveSubmission]],
        participants: [LiveParticipant]
    ) {
        let people = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func label(_ id: String) -> String? {
            guard let participant = people[id] else { return nil }
            switch session.anonymity {
            case .anonymous: return nil
            case .pseudonymous: return "Participant \(participant.number)"
            case .named: return participant.name ?? "Participant \(participant.number)"
            }
        }
        sessionID = session.id
        title = session.title
        anonymity = session.anonymity.rawValue
        minimumGroupSize = session.minimumGroupSize
        self.activities = activities.map { activity in
            let revealed = Set(rounds.filter { $0.activityID == activity.id && $0.status == .revealed }.map(\.number))
            return Activity(
                id: activity.id, kind: activity.kind.rawValue, title: activity.title, items: activity.items,
                rounds: (results[activity.id] ?? []).filter { revealed.contains($0.round) }.map { result in
                    // A written answer's author is exported as its label, never the participant's id: in an anonymous
                    // session an id would still link one person's rationales together.
                    var labelled = result
                    for index in labelled.items.indices {
                        for text in labelled.items[index].texts.indices {
                            labelled.items[index].texts[text].participantID = label(labelled.items[index].texts[text].participantID) ?? ""
                        }
                    }
                    return Round(
                        round: result.round, results: labelled,
                        answers: (submissions[activity.id] ?? []).filter { $0.round == result.round }
                            .sorted { ($0.itemKey, $0.submittedAt, $0.participantID) < ($1.itemKey, $1.submittedAt, $1.participantID) }
                            .map { Answer(participant: label($0.participantID), item: $0.itemKey, answer: LiveExport.anonymised($0.answer)) })
                })
        }
    }

    /// A score's assessor id is the participant's id: it is not exported.
    static func anonymised(_ answer: LiveAnswer) -> LiveAnswer {
        guard case .score(var score) = answer else { return answer }
        score.assessorID = ""
        return .score(score)
    }

    /// One row per activity, round, item and figure, with n, median, mean, minimum, maximum, quartiles (type 7), IQR and
    /// agreement; rankings give each item's mean and median rank with Kendall's W.
    public func csv() -> String {
        var lines = ["activity,kind,round,item,figure,n,median,mean,minimum,maximum,q1,q3,iqr,agreement,kendall_w"]
        let number = RegisterDocument.number
        for activity in activities {
            let labels = Dictionary(activity.items.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
            for round in activity.rounds {
                let prefix = [RegisterDocument.cell(activity.title), activity.kind, String(round.round)]
                for item in round.results.items {
                    let figures: [(String, RatingSummary, RatingSummary.Agreement)] =
                        item.factors.isEmpty
                        ? (item.summary.map { [("value", $0, $0.agreement)] } ?? []) + (item.secondary.map { [("impact", $0, $0.agreement)] } ?? [])
                        : item.factors.map { ($0.factor.code, $0.summary, $0.agreement) }
                    for (figure, s, agreement) in figures {
                        let cells = prefix + [RegisterDocument.cell(item.label), figure] + s.csvFigures + [agreement.rawValue, ""]
                        lines.append(cells.joined(separator: ","))
                    }
                }
                if let ranking = round.results.ranking {
                    for item in ranking.items {
                        lines.append(
                            (prefix + [
                                RegisterDocument.cell(labels[item.key] ?? item.key), "rank", String(item.rankedBy), number(item.medianRank),
                                number(item.meanRank), "", "",
                                "", "", "", "", ranking.concordance.map(number) ?? "",
                            ]).joined(separator: ","))
                    }
                }
                for idea in round.results.ideas {
                    lines.append(
                        (prefix + [RegisterDocument.cell(idea.text), "votes", String(idea.votes)] + Array(repeating: "", count: 9)).joined(
                            separator: ","))
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
