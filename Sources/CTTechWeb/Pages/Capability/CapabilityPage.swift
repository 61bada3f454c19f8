import CTTechCore
import Foundation

/// Step 7: a state's capability assessments — self-assessed and validated, per agency or national, baseline and
/// follow-up — with the way to open one, and the way to the roadmap (step 8).
public struct CapabilityPage: WebPage {
    public static let template = "capability"

    struct Row: Sendable, TemplateModel {
        let title: String
        let href: String
        let kind: String
        let validated: Bool
        let agency: String
        let conducted: String
        let areas: String
        let framework: String
        let link: String?
    }

    public let layout: LayoutModel
    let rows: [Row]
    let newHref: String?
    let validateHref: String?
    let roadmapHref: String
    let frameworkHref: String
    let roadmapSummary: String

    public static func make(
        layout: LayoutModel, stateID: String, assessments: [CapabilityAssessment], roadmap: [RoadmapItem], canWrite: Bool, canValidate: Bool
    ) -> CapabilityPage {
        let t = layout.localizer
        let titles = Dictionary(assessments.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let rows = assessments.map { a -> Row in
            var link: String?
            if let validates = a.validates, let title = titles[validates] {
                link = t("capability.list.validates", ["title": title])
            } else if let baseline = a.baselineID, let title = titles[baseline] {
                link = t("capability.list.follows", ["title": title])
            }
            return Row(
                title: a.title, href: SiteURL.capabilityAssessment(stateID, capability: a.id).path, kind: CapabilityWords.kind(a.kind, t),
                validated: a.kind == .validated, agency: a.agencyName ?? t("capability.national"), conducted: a.conductedOn.description,
                areas: t("capability.areas-count", count: a.areas.count), framework: a.frameworkVersion, link: link)
        }
        let open = roadmap.filter { $0.status != .done && $0.status != .dropped }.count
        return CapabilityPage(
            layout: layout, rows: rows, newHref: canWrite ? SiteURL.capabilityNew(stateID, validated: false).path : nil,
            validateHref: canValidate && assessments.contains { $0.kind == .selfAssessed }
                ? SiteURL.capabilityNew(stateID, validated: true).path : nil,
            roadmapHref: SiteURL.roadmap(stateID).path, frameworkHref: SiteURL.frameworks.path,
            roadmapSummary: t("capability.roadmap-summary", count: roadmap.count, ["open": String(open)]))
    }
}
