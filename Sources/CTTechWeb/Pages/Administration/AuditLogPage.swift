import CTTechCore
import Foundation

/// One page of the audit log, newest first.
public struct AuditLogPage: WebPage {
    public static let template = "audit"
    struct Row: Sendable, TemplateModel {
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

    struct Detail: Sendable, TemplateModel {
        let key: String
        let value: String
    }

    /// The entry's details JSON as key/value pairs for display; anything unreadable is shown as it is. The keys are the
    /// codes the log stores; details withheld from this viewer are said in words.
    static func details(_ json: String, _ t: Localizer) -> [Detail] {
        if json == AuditDisclosure.withheld { return [Detail(key: t("audit.details.details"), value: t("audit.details.withheld"))] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [Detail(key: t("audit.details.raw"), value: json)]
        }
        return object.keys.sorted().map { Detail(key: $0, value: "\(object[$0] ?? "")") }
    }

    /// The record an entry is about, in words: "assessment 1a2b3c4d".
    static func entity(_ entry: AuditEntry, _ t: Localizer) -> String {
        let id = String(entry.entityID.prefix(8))
        let key = "audit.entity.\(entry.entityType)"
        guard Localizer.knows(key) else { return t("audit.entity.other", ["type": entry.entityType, "id": id]) }
        return t(key, ["id": id])
    }

    /// Who did it, in words; the actor of a score stays anonymous (``AuditDisclosure``).
    static func actor(_ entry: AuditEntry, _ t: Localizer) -> String {
        guard entry.actorID.isEmpty else { return entry.actorLabel }
        switch entry.actorLabel {
        case AuditDisclosure.anonymousAssessor: return t("audit.actor.anonymous-assessor")
        case AuditDisclosure.anonymousParticipant: return t("audit.actor.anonymous-participant")
        default: return entry.actorLabel
        }
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
    /// "Audit log", or "Audit log of <state>" with the state's name isolated as typed.
    let heading: NamedSentence
    let entries: [Row]
    let nextHref: String?

    /// - Parameter stateName: the partner state whose log this is; nil for the whole log.
    public static func make(
        layout: LayoutModel, stateName: String?, entries: [AuditEntry], basePath: String, pageSize: Int, viewer: Identity? = nil
    ) -> AuditLogPage {
        let t = layout.localizer
        let next = entries.count == pageSize ? entries.last.map { "\(basePath)?before=\($0.seq)" } : nil
        return AuditLogPage(
            layout: layout,
            heading: stateName.map { NamedSentence(t, "audit.state-heading", name: $0) } ?? NamedSentence(plain: t("audit.title")),
            entries: entries.map {
                Row(
                    seq: $0.seq, at: utcTimestamp($0.at), actor: actor($0, t),
                    action: AuditAction(rawValue: $0.action).map { t("audit.action.\($0.rawValue)") } ?? $0.action, code: $0.action,
                    entity: entity($0, t), entityHref: link(to: $0, for: viewer), details: details($0.details, t))
            }, nextHref: next)
    }
}
