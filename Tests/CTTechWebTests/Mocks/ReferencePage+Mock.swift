import CTTechCore

@testable import CTTechWeb

extension ReferencePage {
    /// The technologies of the default method.
    static var mock: Self {
        .make(
            layout: Valdoria.layout(
                "Reference data", identity: Valdoria.assessor, path: SiteURL.referenceList(kind: ReferenceKind.technologies.rawValue).path,
                tlp: .clear),
            method: Valdoria.method, kind: .technologies)
    }

    /// A list whose items carry descriptions.
    static var actorTypes: Self {
        .make(
            layout: Valdoria.layout(
                "Reference data", identity: Valdoria.assessor, path: SiteURL.referenceList(kind: ReferenceKind.actorTypes.rawValue).path,
                tlp: .clear),
            method: Valdoria.method, kind: .actorTypes)
    }
}
