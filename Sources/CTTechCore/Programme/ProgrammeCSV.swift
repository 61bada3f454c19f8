/// The programme's records as RFC 4180 CSV (issue 13): the calendar of events, the requests for assistance, the
/// action items of recommendations and the knowledge products — records, not people, so no count in them needs suppression (the breakdowns of
/// people are exported as their ``PublishedTable``). Text is escaped against formula injection like every export.
public enum ProgrammeCSV {
    /// The exports of records, by the name a link asks for.
    public enum Records: String, Sendable, CaseIterable {
        case events
        case requests
        case actionItems = "action-items"
        case products
    }

    static func line(_ cells: [String]) -> String { cells.map(RegisterDocument.cell).joined(separator: ",") }

    static func document(_ header: [String], _ rows: [[String]]) -> String {
        ([header.joined(separator: ",")] + rows.map(line)).joined(separator: "\r\n") + "\r\n"
    }

    /// `names`: state id → name.
    public static func events(_ events: [ProgrammeEvent], names: [String: String]) -> String {
        document(
            ["id", "kind", "title", "start", "end", "states", "venue", "city", "organisers", "facilitators"],
            events.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map { event in
                [
                    event.id, event.kind.rawValue, event.title, event.start.description, event.end.description,
                    event.stateIDs.map { names[$0] ?? $0 }.sorted().joined(separator: "; "), event.venue, event.city,
                    event.organisers.joined(separator: "; "), event.facilitators.joined(separator: "; "),
                ]
            })
    }

    /// `titles`: event id → title.
    public static func requests(_ requests: [AssistanceRequest], names: [String: String], titles: [String: String], today: CalendarDate) -> String {
        document(
            [
                "id", "state", "received_on", "status", "changed_on", "age_days", "asked_by", "topics", "summary", "event", "answered_by",
                "decline_reason",
            ],
            requests.sorted { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) }.map { request in
                [
                    request.id, names[request.stateID] ?? request.stateID, request.receivedOn.description, request.status.rawValue,
                    request.changedOn.description, String(request.age(on: today)), request.askedBy, request.topics.joined(separator: "; "),
                    request.summary, request.eventID.map { titles[$0] ?? $0 } ?? "",
                    request.answeredBy.map { titles[$0] ?? $0 }.joined(separator: "; "),
                    request.declineReason,
                ]
            })
    }

    /// One line per action item, with its recommendation.
    public static func actionItems(
        _ recommendations: [Recommendation], names: [String: String], titles: [String: String], today: CalendarDate
    )
        -> String
    {
        document(
            [
                "recommendation_id", "state", "event", "made_on", "recommendation", "item_id", "action", "owner_agency", "due", "status", "overdue",
                "evidence",
            ],
            recommendations.sorted { ($0.madeOn, $0.id) < ($1.madeOn, $1.id) }.flatMap { recommendation in
                recommendation.items.map { item in
                    [
                        recommendation.id, names[recommendation.stateID] ?? recommendation.stateID,
                        titles[recommendation.eventID] ?? recommendation.eventID,
                        recommendation.madeOn.description, recommendation.text, item.id, item.action, item.ownerAgency, item.due.description,
                        item.status.rawValue, item.isOverdue(on: today) ? "yes" : "no", item.evidence,
                    ]
                }
            })
    }

    /// The knowledge products, each with the events (the reader reaches) where it was presented. `presentedAt`: product
    /// id → event titles.
    public static func products(_ products: [KnowledgeProduct], presentedAt: [String: [String]]) -> String {
        document(
            ["id", "title", "kind", "languages", "year", "audience", "topics", "link", "presented_at"],
            products.map { product in
                [
                    product.id, product.title, product.kind.rawValue, product.languages.joined(separator: "; "), String(product.year),
                    product.audience, product.topics.joined(separator: "; "), product.link,
                    (presentedAt[product.id] ?? []).joined(separator: "; "),
                ]
            })
    }
}
