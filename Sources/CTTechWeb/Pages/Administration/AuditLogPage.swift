import CTTechCore
import Foundation

/// One page of the audit log, newest first.
public struct AuditLogPage: WebPage {
    public static let template = "audit"
    struct Row: Sendable {
        let seq: Int64
        let at: String
        let actor: String
        let action: String
        let entity: String
        let details: [Detail]
    }

    struct Detail: Sendable {
        let key: String
        let value: String
    }

    /// The entry's details JSON as key/value pairs for display; anything unreadable is shown as it is.
    static func details(_ json: String) -> [Detail] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [Detail(key: "raw", value: json)]
        }
        return object.keys.sorted().map { Detail(key: $0, value: "\(object[$0] ?? "")") }
    }

    public let layout: LayoutModel
    let heading: String
    let entries: [Row]
    let nextHref: String?

    public static func make(layout: LayoutModel, heading: String, entries: [AuditEntry], basePath: String, pageSize: Int) -> AuditLogPage {
        let next = entries.count == pageSize ? entries.last.map { "\(basePath)?before=\($0.seq)" } : nil
        return AuditLogPage(
            layout: layout, heading: heading,
            entries: entries.map {
                Row(
                    seq: $0.seq, at: utcTimestamp($0.at), actor: $0.actorLabel, action: $0.action,
                    entity: "\($0.entityType) \($0.entityID.prefix(8))",
                    details: details($0.details))
            }, nextHref: next)
    }
}
