import CTTechCore
import Foundation

/// The national policy document (issue 10): the approved responses of a state — and those further along — with their
/// reviews, effects, residual risk and indicators, laid out to be printed (the stylesheet's print rules drop the
/// navigation and forms). Every figure is the one the product shows elsewhere.
public struct PolicyDocumentPage: WebPage {
    public static let template = "policy-document"

    struct Section: Sendable, TemplateModel {
        let anchor: String
        let title: String
        let status: String
        let facts: [ResponsePage.Fact]
        let description: String?
        let legalBasis: String?
        let effects: [ResponsePage.EffectRow]
        let targets: [ResponsePage.TargetRow]
        let reviews: [ReviewPanel]
        let overrides: [ResponsePage.OverrideRow]
        let indicators: [ResponsePage.IndicatorRow]
        let progressNote: String?
    }

    /// One response with what its section shows.
    public struct Input: Sendable {
        public let response: PolicyResponse
        public let figures: [String: ResponsePage.TargetFigures]
        public let checklists: [ReviewChecklist]
        public let overrides: [ReviewOverride]
        public let indicators: [Indicator]

        public init(
            response: PolicyResponse, figures: [String: ResponsePage.TargetFigures], checklists: [ReviewChecklist], overrides: [ReviewOverride],
            indicators: [Indicator]
        ) {
            self.response = response
            self.figures = figures
            self.checklists = checklists
            self.overrides = overrides
            self.indicators = indicators
        }
    }

    struct TocEntry: Sendable, TemplateModel {
        let href: String
        let title: String
    }

    public let layout: LayoutModel
    let heading: String
    let issued: String
    let marking: String
    let sections: [Section]
    let toc: [TocEntry]
    let complianceHref: String

    public static func make(
        layout: LayoutModel, state: PartnerState, inputs: [Input], method: MethodVersion, risks: [AddressableRisk], agencies: [Agency],
        today: CalendarDate
    ) -> PolicyDocumentPage {
        let t = layout.localizer
        let sections = inputs.map { input -> Section in
            let r = input.response
            let progresses = input.indicators.map { IndicatorProgress($0, today: today, maxAgeDays: method.evidenceMaxAgeDays) }
            let overall = IndicatorProgress.overall(progresses)
            return Section(
                anchor: "response-" + r.id, title: r.title, status: PolicyWords.status(r.status, t),
                facts: ResponsePage.facts(r, method: method, agencies: agencies, t), description: r.description.isEmpty ? nil : r.description,
                legalBasis: r.legalBasis.isEmpty ? nil : r.legalBasis,
                effects: ResponsePage.effectRows(r, t), targets: ResponsePage.targetRows(r, risks: risks, figures: input.figures, t),
                reviews: input.checklists.map {
                    ReviewPanel(
                        $0, t: t, action: nil, version: r.version, csrf: "", refused: nil, ownResponse: false,
                        anchor: "review-" + r.id + "-" + $0.kind.rawValue)
                }, overrides: ResponsePage.overrideRows(input.overrides, version: r.version, t),
                indicators: ResponsePage.indicatorRows(input.indicators, progresses: progresses, t) { _ in nil },
                progressNote: overall.map { t("policy.progress-overall", ["progress": t.percent($0), "count": String(input.indicators.count)]) })
        }
        let marking = inputs.map(\.response.tlp).max() ?? state.defaultTLP
        return PolicyDocumentPage(
            layout: layout, heading: t("policy.document.heading", ["state": state.name]),
            issued: t("policy.document.issued", ["date": t.date(today.epochMilliseconds)]), marking: marking.label, sections: sections,
            toc: sections.map { TocEntry(href: "#" + $0.anchor, title: $0.title) }, complianceHref: SiteURL.compliance(state.id).path)
    }
}
