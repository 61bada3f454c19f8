import CTTechCore
import Foundation

/// Step 7's reference data: the published capability framework versions, and — for administrators — the form that
/// publishes a new version from its JSON (old assessments keep theirs).
public struct FrameworksPage: WebPage {
    public static let template = "frameworks"

    struct Row: Sendable, TemplateModel {
        let id: String
        let title: String
        let href: String
        let downloadHref: String
        let current: Bool
        let criteria: Int
        let published: String
    }

    public let layout: LayoutModel
    let referenceHref = SiteURL.reference.path
    let rows: [Row]
    let publishAction: String?
    let csrf: String
    let errors: FormErrors
    let json: String
    let jsonError: String?

    public static func make(
        layout: LayoutModel, frameworks: [FrameworkSummary], canPublish: Bool, csrf: String, submitted: String? = nil,
        failure: ValidationFailure? = nil
    ) -> FrameworksPage {
        let t = layout.localizer
        let errors = FormErrors(t, failure, fields: [FormField("framework", "capability.frameworks.json", id: "fw-json")])
        return FrameworksPage(
            layout: layout,
            rows: frameworks.map {
                Row(
                    id: $0.id, title: $0.title, href: SiteURL.framework($0.id).path, downloadHref: SiteURL.frameworkDownload($0.id).path,
                    current: $0.isCurrent, criteria: $0.criteria, published: t.date($0.publishedAt))
            }, publishAction: canPublish ? SiteURL.frameworks.path : nil, csrf: csrf, errors: errors, json: submitted ?? "",
            jsonError: errors.message("framework"))
    }
}

/// One framework version: its areas (with the technologies and purposes each counters), enablers, stages, criteria and
/// readiness dimensions.
public struct FrameworkPage: WebPage {
    public static let template = "framework"

    struct Item: Sendable, TemplateModel {
        let code: String
        let name: String
        let note: String
    }

    struct StageBlock: Sendable, TemplateModel {
        let heading: String
        let criteria: [Item]
    }

    struct EnablerBlock: Sendable, TemplateModel {
        let id: String
        let heading: String
        let stages: [StageBlock]
    }

    public let layout: LayoutModel
    let title: String
    let note: String
    let backHref: String
    let downloadHref: String
    let areas: [Item]
    let stages: [Item]
    let enablers: [EnablerBlock]
    let specific: [Item]
    let readiness: [Item]
    let adoptionChecks: String

    public static func make(layout: LayoutModel, framework: CapabilityFramework, method: MethodVersion) -> FrameworkPage {
        let t = layout.localizer
        let technologies = method.names(.technologies, in: t.language)
        let purposes = method.names(.purposes, in: t.language)
        let areas = framework.areas.map { area -> Item in
            let scope = framework.scope(of: area.code)
            let counters =
                scope.technologies.isEmpty && scope.purposes.isEmpty
                ? t("capability.frameworks.counters-all")
                : (scope.technologies.map { $0 + " " + (technologies[$0] ?? "") } + scope.purposes.map { $0 + " " + (purposes[$0] ?? "") })
                    .joined(separator: "; ")
            return Item(code: area.code, name: area.name(in: t.language), note: t("capability.frameworks.counters", ["list": counters]))
        }
        let enablers = framework.enablers.map { enabler in
            EnablerBlock(
                id: "fw-" + enabler.code, heading: enabler.code + " " + enabler.name(in: t.language),
                stages: framework.stages.map { stage in
                    StageBlock(
                        heading: stage.code + " " + stage.name(in: t.language),
                        criteria: framework.criteria.filter { $0.area == nil && $0.enabler == enabler.code && String($0.stage) == stage.code }.map {
                            Item(code: $0.code, name: $0.text(in: t.language), note: "")
                        })
                })
        }
        return FrameworkPage(
            layout: layout, title: framework.title, note: framework.note, backHref: SiteURL.frameworks.path,
            downloadHref: SiteURL.frameworkDownload(framework.id).path, areas: areas,
            stages: framework.stages.map { Item(code: $0.code, name: $0.name(in: t.language), note: $0.description(in: t.language)) },
            enablers: enablers,
            specific: framework.criteria.filter { $0.area != nil }.map {
                Item(code: $0.code, name: $0.text(in: t.language), note: CapabilityWords.area($0.area ?? "", framework: framework, t))
            }, readiness: framework.readiness.map { Item(code: $0.code, name: $0.name(in: t.language), note: $0.description(in: t.language)) },
            adoptionChecks: framework.adoptionChecks.joined(separator: ", "))
    }
}
