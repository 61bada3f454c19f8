import CTTechCore

/// The good practices a partner state sees (issue 13): those other states share with it, and its own (withdrawn too).
public struct PracticesPage: WebPage {
    public static let template = "practices"

    public let layout: LayoutModel
    let received: [PracticeRow]
    let own: [PracticeRow]
    let newHref: String?

    public static func make(
        layout: LayoutModel, stateID: String, practices: [SharedPractice], partners: [PartnerState], canShare: Bool
    ) -> PracticesPage {
        let t = layout.localizer
        let names = Dictionary(partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return PracticesPage(
            layout: layout,
            received: practices.filter { $0.stateID != stateID }.map { PracticeRow($0, viewer: stateID, names: names, t) },
            own: practices.filter { $0.stateID == stateID }.map { PracticeRow($0, viewer: stateID, names: names, t) },
            newHref: canShare ? SiteURL.practiceNew(stateID).path : nil)
    }
}
