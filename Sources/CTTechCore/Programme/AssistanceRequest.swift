/// A partner state's request for further assistance (issue 13), e.g. on AI, dark-web or crypto-asset investigations:
/// who asked and where, the topics (technology codes of the method), and where it stands. It moves received → triaged →
/// planned → delivered, or is declined with a reason at any point before delivery.
public struct AssistanceRequest: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case received, triaged, planned, delivered, declined

        /// The statuses a request may move to from this one.
        public var next: [Status] {
            switch self {
            case .received: [.triaged, .declined]
            case .triaged: [.planned, .declined]
            case .planned: [.delivered, .declined]
            case .delivered, .declined: []
            }
        }

        /// Delivered or declined: nothing more happens.
        public var isClosed: Bool { next.isEmpty }
    }

    public var id: String
    public var stateID: String
    /// Who asked (a role or an office, not a person's name) and, if at an event, which.
    public var askedBy: String
    public var eventID: String?
    /// Technology codes of the method (T01…).
    public var topics: [String]
    public var summary: String
    public var status: Status
    public var receivedOn: CalendarDate
    /// The day it reached its current status.
    public var changedOn: CalendarDate
    /// Why it was declined (required then, empty otherwise).
    public var declineReason: String
    /// The events that answer it.
    public var answeredBy: [String]

    public init(
        id: String, stateID: String, askedBy: String, eventID: String? = nil, topics: [String], summary: String, status: Status = .received,
        receivedOn: CalendarDate, changedOn: CalendarDate? = nil, declineReason: String = "", answeredBy: [String] = []
    ) {
        self.id = id
        self.stateID = stateID
        self.askedBy = askedBy
        self.eventID = eventID
        self.topics = topics
        self.summary = summary
        self.status = status
        self.receivedOn = receivedOn
        self.changedOn = changedOn ?? receivedOn
        self.declineReason = declineReason
        self.answeredBy = answeredBy
    }

    /// The request moved to `target` on `day`: only to a next status; declining needs a reason; delivering needs an
    /// event that answers it.
    public func moved(to target: Status, on day: CalendarDate, reason: String = "") throws(ValidationFailure) -> AssistanceRequest {
        guard status.next.contains(target) else {
            throw ValidationFailure(
                field: "status", "validation.request-move", ["from": status.rawValue, "to": target.rawValue])
        }
        let reason = reason.trimmingWhitespace()
        if target == .declined && reason.isEmpty { throw ValidationFailure(field: "reason", "validation.required") }
        if target == .delivered && answeredBy.isEmpty { throw ValidationFailure(field: "status", "validation.request-no-event") }
        var moved = self
        moved.status = target
        moved.changedOn = day
        moved.declineReason = target == .declined ? reason : ""
        return moved
    }

    /// Days since it was received, up to `today` or, once closed, up to the day it closed.
    public func age(on today: CalendarDate) -> Int {
        (status.isClosed ? changedOn : today).daysSinceEpoch - receivedOn.daysSinceEpoch
    }
}

/// A recommendation made at a workshop or a visit, with the action items that carry it out (issue 13).
public struct ActionItem: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open
        case inProgress = "in-progress"
        case done
        case dropped
    }

    public var id: String
    public var recommendationID: String
    public var action: String
    /// The agency that owns it (an agency of the state's institutional map).
    public var ownerAgency: String
    public var due: CalendarDate
    public var status: Status
    /// What shows it was done (required to mark it done).
    public var evidence: String

    public init(
        id: String, recommendationID: String, action: String, ownerAgency: String, due: CalendarDate, status: Status = .open, evidence: String = ""
    ) {
        self.id = id
        self.recommendationID = recommendationID
        self.action = action
        self.ownerAgency = ownerAgency
        self.due = due
        self.status = status
        self.evidence = evidence
    }

    /// Past its due day and neither done nor dropped.
    public func isOverdue(on today: CalendarDate) -> Bool { (status == .open || status == .inProgress) && today > due }

    /// The item with its new status, as a visit records progress: done only with evidence.
    public func recorded(_ target: Status, evidence: String = "") throws(ValidationFailure) -> ActionItem {
        let evidence = evidence.trimmingWhitespace()
        if target == .done && evidence.isEmpty && self.evidence.isEmpty { throw ValidationFailure(field: "evidence", "validation.required") }
        var changed = self
        changed.status = target
        if !evidence.isEmpty { changed.evidence = evidence }
        return changed
    }
}
