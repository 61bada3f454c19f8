import CTTechCore
import Foundation

/// A partner state's home page.
public struct StatePage: WebPage {
    public static let template = "state"
    public let layout: LayoutModel
    let name: String
    let code: String
    let region: String
    let tlpLabel: String
    let tlpClass: String
    /// Nil when empty: the template says there is none (an empty string counts as present in Mustache).
    let profile: String?
    let roles: [String]
    let canEdit: Bool
    let editHref: String
    let canAudit: Bool
    let auditHref: String

    public static func make(layout: LayoutModel, state: PartnerState, identity: Identity) -> StatePage {
        StatePage(
            layout: layout, name: state.name, code: state.code, region: state.region.title, tlpLabel: state.defaultTLP.label,
            tlpClass: state.defaultTLP.cssClass, profile: state.profile.isEmpty ? nil : state.profile,
            roles: identity.roles(inState: state.id).map(\.title).sorted(),
            canEdit: Authorizer.allows(identity, state: state.id, .editStateProfile), editHref: SiteURL.stateEdit(state.id).path,
            canAudit: Authorizer.allows(identity, state: state.id, .readStateAudit), auditHref: SiteURL.stateAudit(state.id).path)
    }
}
