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
        /// The code, for those who search the log or read `cttech audit verify`.
        let code: String
        let entity: String
        /// A link to the record when the viewer may open it (a partner state, an assessment, an account for administrators).
        let entityHref: String?
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

    /// Where the entry's record can be opened by this viewer, if anywhere.
    static func link(to entry: AuditEntry, for viewer: Identity?) -> String? {
        guard let viewer, Identifier.isValid(entry.entityID) else { return nil }
        switch entry.entityType {
        case "partner_state":
            return Authorizer.allows(viewer, state: entry.entityID, .viewState) ? SiteURL.state(entry.entityID).path : nil
        case "assessment":
            guard let state = entry.stateID, Authorizer.allows(viewer, state: state, .viewAssessment) else { return nil }
            return SiteURL.assessment(state, entry.entityID).path
        case "user":
            return viewer.isAdministrator ? SiteURL.adminUser(entry.entityID).path : nil
        default:
            return nil
        }
    }

    public let layout: LayoutModel
    let heading: String
    let entries: [Row]
    let nextHref: String?

    public static func make(
        layout: LayoutModel, heading: String, entries: [AuditEntry], basePath: String, pageSize: Int, viewer: Identity? = nil
    ) -> AuditLogPage {
        let next = entries.count == pageSize ? entries.last.map { "\(basePath)?before=\($0.seq)" } : nil
        return AuditLogPage(
            layout: layout, heading: heading,
            entries: entries.map {
                Row(
                    seq: $0.seq, at: utcTimestamp($0.at), actor: $0.actorLabel, action: AuditAction(rawValue: $0.action)?.label ?? $0.action,
                    code: $0.action, entity: "\(AuditAction.entityLabel($0.entityType)) \($0.entityID.prefix(8))",
                    entityHref: link(to: $0, for: viewer), details: details($0.details))
            }, nextHref: next)
    }
}
