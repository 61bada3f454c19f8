import CTTechCore
import Foundation

/// The partner states a user can open.
public struct HomePage: WebPage {
    public static let template = "home"
    struct Card: Sendable, TemplateModel {
        let name: String
        let code: String
        let region: String
        let href: String
        let tlpLabel: String
        let tlpClass: String
        let roles: [String]
    }

    public let layout: LayoutModel
    let states: [Card]
    let hasStates: Bool
    let globalRoles: [String]
    let hasGlobalRoles: Bool
    /// A human-rights / gender reviewer's place for what awaits review (issue 8, item 9): empty until the policy module
    /// (steps 5–6) sends measures for review, but it is where the work will be.
    let reviews: Bool

    public static func make(layout: LayoutModel, states: [PartnerState], identity: Identity) -> HomePage {
        let t = layout.localizer
        let cards = states.map { state in
            Card(
                name: state.name, code: state.code, region: t("region.\(state.region.rawValue)"), href: SiteURL.state(state.id).path,
                tlpLabel: state.defaultTLP.label, tlpClass: state.defaultTLP.cssClass,
                roles: identity.roles(inState: state.id).map { t("role.\($0.rawValue)") }.sorted())
        }
        let global = identity.grants.filter(\.isGlobal).map { t("role.\($0.role.rawValue)") }.sorted()
        return HomePage(
            layout: layout, states: cards, hasStates: !cards.isEmpty, globalRoles: global, hasGlobalRoles: !global.isEmpty,
            reviews: identity.grants.contains { $0.role == .reviewer })
    }
}

/// A sentence of the catalogs with one name in it that a person typed (a partner state's, an account's, a token's label).
/// Templates isolate the name, `{{before}}{{#hasName}}<bdi>{{name}}</bdi>{{/hasName}}{{after}}`, so that a name written
/// right to left in a left-to-right sentence, or the reverse, keeps its order and its punctuation.
struct NamedSentence: Sendable, TemplateModel {
    let before: String
    let name: String
    let after: String
    /// Not an optional: a nil name would let Mustache find another `name` further up the context.
    let hasName: Bool

    /// The message `key` with `name` in its `placeholder` (and `values` in the others).
    init(_ t: Localizer, _ key: String, placeholder: String = "name", name: String, _ values: [String: String] = [:]) {
        let marker = "\u{1}"
        let text = t(key, values.merging([placeholder: marker]) { _, new in new })
        if let range = text.range(of: marker) {
            before = String(text[..<range.lowerBound])
            after = String(text[range.upperBound...])
        } else {
            before = text + " "
            after = ""
        }
        self.name = name
        hasName = true
    }

    /// A sentence without a name.
    init(plain text: String) {
        before = text
        name = ""
        after = ""
        hasName = false
    }
}
