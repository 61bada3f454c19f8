/// A recommendation made to a partner state at a workshop or a follow-up visit (issue 13), with the action items that
/// carry it out; a later visit reviews the open items and records their progress.
public struct Recommendation: Sendable, Hashable, Codable {
    public var id: String
    public var stateID: String
    /// The workshop or visit it was made at.
    public var eventID: String
    public var text: String
    public var madeOn: CalendarDate
    public var items: [ActionItem]

    public init(id: String, stateID: String, eventID: String, text: String, madeOn: CalendarDate, items: [ActionItem]) {
        self.id = id
        self.stateID = stateID
        self.eventID = eventID
        self.text = text
        self.madeOn = madeOn
        self.items = items
    }

    /// Where it stands, from its items: done when every item is done or dropped (and one is done); overdue when an open
    /// item is past its due day; otherwise open.
    public func standing(on today: CalendarDate) -> Standing {
        if items.contains(where: { $0.isOverdue(on: today) }) { return .overdue }
        if !items.isEmpty && items.allSatisfy({ $0.status == .done || $0.status == .dropped }) {
            return items.contains { $0.status == .done } ? .done : .dropped
        }
        return items.contains { $0.status == .inProgress || $0.status == .done } ? .inProgress : .open
    }

    public enum Standing: String, Sendable, Hashable, CaseIterable {
        case open
        case inProgress = "in-progress"
        case overdue
        case done
        case dropped
    }
}
