import CTTechCore
import Foundation

/// Step 7: one capability assessment — its maturity grid (chart and table), the areas to answer, its evidence, and the
/// ways to its targets and priorities and to its comparisons.
public struct CapabilityAssessmentPage: WebPage {
    public static let template = "capability-assessment"

    struct Cell: Sendable, TemplateModel {
        let level: Int
        let text: String
        let label: String
        let style: String
    }

    struct AreaRow: Sendable, TemplateModel {
        let code: String
        let name: String
        let href: String
        let cells: [Cell]
        let answered: String
    }

    struct Header: Sendable, TemplateModel {
        let code: String
        let name: String
    }

    struct EvidenceRow: Sendable, TemplateModel {
        /// The number answers cite it by.
        let number: String
        let summary: String
        let source: String
        let grading: String
        let observed: String
        let cited: String
    }

    struct Link: Sendable, TemplateModel {
        let href: String
        let label: String
    }

    public let layout: LayoutModel
    let heading: String
    let kind: String
    let validated: Bool
    let facts: String
    let backHref: String
    let planHref: String
    let csvHref: String
    let compareLinks: [Link]
    let gridSVG: String
    let headers: [Header]
    let areaRows: [AreaRow]
    let evidence: [EvidenceRow]
    let canEdit: Bool
    let csrf: String
    /// The evidence form (for those who may add evidence), refilled after a refusal.
    let evidenceForm: EvidenceForm?
    let errors: FormErrors
    let noComposite: String

    public static func make(
        layout: LayoutModel, stateID: String, assessment: CapabilityAssessment, framework: CapabilityFramework, grid: MaturityGrid,
        records: [CriterionRecord], evidence: [CapabilityEvidence], related: [CapabilityAssessment], canEdit: Bool, csrf: String,
        evidenceSubmitted: [String: String]? = nil, evidenceFailure: ValidationFailure? = nil, canValidate: Bool = false
    ) -> CapabilityAssessmentPage {
        let t = layout.localizer
        let a = assessment
        let headers = grid.enablers.map { Header(code: $0, name: framework.enabler($0)?.name(in: t.language) ?? $0) }
        let answeredByArea = Dictionary(grouping: records, by: \.area).mapValues(\.count)
        let areaRows = grid.areas.map { area -> AreaRow in
            let cells = grid.enablers.map { enabler -> Cell in
                let level = grid.level(area, enabler) ?? MaturityLevel.compute([:])
                var text = String(level.level)
                if let next = level.next, let progress = level.progress {
                    text += " " + t("capability.grid.toward", ["next": String(next), "progress": t.percent(progress)])
                }
                let index = min(max(level.level, 0), 5)
                return Cell(
                    level: level.level, text: text,
                    label: t("capability.chart.cell", ["area": area, "enabler": enabler, "level": String(level.level)]),
                    style: "lvl-\(index)")
            }
            let total = framework.criteria(area: area).count
            return AreaRow(
                code: area, name: framework.area(area)?.name(in: t.language) ?? area,
                href: SiteURL.capabilityArea(stateID, capability: a.id, area: area).path, cells: cells,
                answered: t("capability.grid.answered", ["answered": String(answeredByArea[area] ?? 0), "total": String(total)]))
        }
        let citations = Dictionary(grouping: records.flatMap { r in r.evidenceIDs.map { ($0, r) } }, by: \.0).mapValues(\.count)
        let evidenceRows = evidence.enumerated().map { index, e in
            EvidenceRow(
                number: String(index + 1), summary: e.summary, source: e.source, grading: e.grading, observed: e.observedOn?.description ?? "—",
                cited: t("capability.evidence.cited", count: citations[e.id] ?? 0))
        }
        var links: [Link] = []
        for other in related where other.id != a.id {
            let label: String
            if other.validates == a.id {
                label = t("capability.compare.with-validated", ["title": other.title])
            } else if a.validates == other.id {
                label = t("capability.compare.with-self", ["title": other.title])
            } else if a.baselineID == other.id {
                label = t("capability.compare.with-baseline", ["title": other.title])
            } else if other.baselineID == a.id {
                label = t("capability.compare.with-follow-up", ["title": other.title])
            } else {
                continue
            }
            links.append(Link(href: SiteURL.capabilityCompare(stateID, capability: a.id, other: other.id).path, label: label))
        }
        // Programme staff validate a self-assessment from its own page.
        if canValidate && a.kind == .selfAssessed {
            links.append(
                Link(href: SiteURL.capabilityNew(stateID, validated: true).path + "&validates=" + a.id, label: t("capability.validate-this")))
        }
        let errors = FormErrors(t, evidenceFailure, fields: EvidenceForm.fields)
        var facts = [CapabilityWords.kind(a.kind, t), a.agencyName ?? t("capability.national"), a.conductedOn.description]
        facts.append(t("capability.framework-version", ["version": a.frameworkVersion]))
        return CapabilityAssessmentPage(
            layout: layout, heading: a.title, kind: CapabilityWords.kind(a.kind, t), validated: a.kind == .validated,
            facts: facts.joined(separator: " · "), backHref: SiteURL.capability(stateID).path,
            planHref: SiteURL.capabilityPlan(stateID, capability: a.id).path, csvHref: SiteURL.capabilityCSV(stateID, capability: a.id).path,
            compareLinks: links, gridSVG: CapabilityChart.grid(grid, framework: framework, localizer: t), headers: headers, areaRows: areaRows,
            evidence: evidenceRows, canEdit: canEdit, csrf: csrf,
            evidenceForm: canEdit
                ? EvidenceForm(
                    action: SiteURL.capabilityEvidence(stateID, capability: a.id).path, submitted: evidenceSubmitted ?? [:],
                    errorsAnchor: "#evidence", t) : nil, errors: errors, noComposite: t("capability.grid.no-composite"))
    }
}
