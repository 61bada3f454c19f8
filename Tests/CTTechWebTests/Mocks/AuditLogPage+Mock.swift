import CTTechCore

@testable import CTTechWeb

extension AuditLogPage {
    static func entry(_ seq: Int64, _ actor: Identity, _ action: String, _ entity: String, _ id: String, details: String) -> AuditEntry {
        AuditEntry(
            seq: seq, at: Valdoria.now - (1_050 - seq) * 60_000, actorID: actor.userID, actorLabel: actor.email, action: action, entityType: entity,
            entityID: id, stateID: Valdoria.state.id, details: details, prevHash: Identifier.sha256Hex("\(seq - 1)"),
            hash: Identifier.sha256Hex("\(seq)"))
    }

    /// A full page (so it links to older entries): a scenario whose title holds markup, a score, a status move, and
    /// details that are not JSON.
    static var mock: Self {
        let entries = [
            entry(
                1_046, Valdoria.focalPoint, "assessment.status", "assessment", Valdoria.assessment.id,
                details: #"{"from":"draft","to":"in-review"}"#),
            entry(1_045, Valdoria.assessor, "score.submit", "scenario", Valdoria.drones.id, details: #"{"round":"1"}"#),
            entry(
                1_044, Valdoria.assessor, "scenario.create", "scenario", Valdoria.recruitment.id,
                details: #"{"title":"حملة تجنيد <script>alert('x')</script>"}"#),
            entry(1_043, Valdoria.administrator, "state.update", "partner_state", Valdoria.state.id, details: "not json <b>bold</b>"),
        ]
        return .make(
            layout: Valdoria.layout(
                "Audit log · Republic of Valdoria", identity: Valdoria.focalPoint, path: SiteURL.stateAudit(Valdoria.state.id).path,
                state: Valdoria.state),
            stateName: Valdoria.state.name, entries: entries, basePath: SiteURL.stateAudit(Valdoria.state.id).path, pageSize: 4,
            viewer: Valdoria.focalPoint)
    }

    /// The oldest page has no entry left.
    static var empty: Self {
        .make(
            layout: Valdoria.layout("Audit log", identity: Valdoria.administrator, path: SiteURL.audit.path, tlp: .amberStrict),
            stateName: nil, entries: [], basePath: SiteURL.audit.path, pageSize: 50)
    }
}
