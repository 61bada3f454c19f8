import CTTechCore
import Foundation

/// The compliance dashboard of a state (issue 10): human-rights and gender checks by status across the responses,
/// the responses whose approval is blocked, every override with its justification, and the gender markers.
public struct CompliancePage: WebPage {
    public static let template = "compliance"

    struct CheckRow: Sendable, TemplateModel {
        let code: String
        let name: String
        let requirement: String
        let mandatory: Bool
        let met: String
        let partly: String
        let notMet: String
        let notApplicable: String
        let unreviewed: String
        let alarm: Bool
    }

    struct Group: Sendable, TemplateModel {
        let heading: String
        let rows: [CheckRow]
    }

    struct Blocked: Sendable, TemplateModel {
        let title: String
        let href: String
        let checks: String
        let overridden: Bool
    }

    struct OverrideRow: Sendable, TemplateModel {
        let title: String
        let href: String
        let text: String
        let justification: String
    }

    struct MarkerRow: Sendable, TemplateModel {
        let label: String
        let count: String
    }

    public let layout: LayoutModel
    let intro: String
    let groups: [Group]
    let blocked: [Blocked]
    let overrides: [OverrideRow]
    let markers: [MarkerRow]
    let responsesHref: String
    let documentHref: String

    public static func make(layout: LayoutModel, stateID: String, summary: ComplianceSummary) -> CompliancePage {
        let t = layout.localizer
        func count(_ x: Int) -> String { t.number(Double(x), fractionDigits: 0) }
        let groups = ReviewKind.allCases.map { kind in
            Group(
                heading: PolicyWords.reviewKind(kind, t),
                rows: summary.rows.filter { $0.kind == kind }.map { r in
                    CheckRow(
                        code: r.check.code, name: r.check.name(in: t.language),
                        requirement: t(r.mandatory ? "policy.check.mandatory" : "policy.check.advisory"), mandatory: r.mandatory,
                        met: count(r.counts[.met] ?? 0), partly: count(r.counts[.partlyMet] ?? 0), notMet: count(r.counts[.notMet] ?? 0),
                        notApplicable: count(r.counts[.notApplicable] ?? 0), unreviewed: count(r.unreviewed),
                        alarm: r.mandatory && (r.counts[.notMet] ?? 0) > 0)
                })
        }
        let blocked = summary.blocked.map {
            Blocked(
                title: $0.response.title, href: SiteURL.response(stateID, response: $0.response.id).path, checks: $0.checks.joined(separator: ", "),
                overridden: $0.overridden)
        }
        let overrides = summary.overrides.map { o, response in
            OverrideRow(
                title: response.title, href: SiteURL.response(stateID, response: response.id).path,
                text: t(
                    "policy.override.recorded",
                    ["who": o.byLabel, "date": t.date(o.at), "version": String(o.responseVersion), "checks": o.checks.joined(separator: ", ")]),
                justification: o.justification)
        }
        let markers = (0...3).map { MarkerRow(label: t("policy.gender-marker.\($0)"), count: count(summary.markers[$0] ?? 0)) }
        return CompliancePage(
            layout: layout, intro: t("policy.compliance.counted", count: summary.reviewed), groups: groups, blocked: blocked, overrides: overrides,
            markers: markers, responsesHref: SiteURL.responses(stateID).path, documentHref: SiteURL.policyDocument(stateID).path)
    }
}
