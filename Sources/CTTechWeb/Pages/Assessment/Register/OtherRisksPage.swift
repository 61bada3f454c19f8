import CTTechCore
import Foundation

/// Step 4: the other national security risks of an assessment, with their estimates, to correct or remove.
public struct OtherRisksPage: WebPage {
    public static let template = "other-risks"
    struct Row: Sendable, TemplateModel {
        let title: String
        let family: String
        let likelihood: String
        let impact: String
        let confidence: String
        let editHref: String
        let removeAction: String
    }

    public let layout: LayoutModel
    let registerHref: String
    let rows: [Row]
    let canManage: Bool
    let csrf: String

    public static func make(layout: LayoutModel, assessment: Assessment, risks: [OtherRisk], canManage: Bool, csrf: String) -> OtherRisksPage {
        let (s, a) = (assessment.stateID, assessment.id)
        let t = layout.localizer
        return OtherRisksPage(
            layout: layout, registerHref: SiteURL.register(s, a).path,
            rows: risks.map { r in
                Row(
                    title: r.title, family: r.family,
                    likelihood: RegisterWords.interval(RegisterDocument.Interval(r.likelihood), t.percent),
                    impact: RegisterWords.interval(RegisterDocument.Interval(r.impact)) { t.number($0) },
                    confidence: RegisterWords.confidence(r.confidence.rawValue, t),
                    editHref: SiteURL.otherRiskEdit(s, a, risk: r.id).path, removeAction: SiteURL.otherRiskRemove(s, a, risk: r.id).path)
            }, canManage: canManage && !assessment.status.isFrozen, csrf: csrf)
    }
}
