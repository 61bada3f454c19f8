import CTTechCore
import Foundation

/// Step 5: a state's response register — every policy response with its type, status, what it addresses, lead
/// agency, cost and where its reviews stand.
public struct ResponsesPage: WebPage {
    public static let template = "responses"

    struct Row: Sendable, TemplateModel {
        let title: String
        let href: String
        let type: String
        let status: String
        let statusClass: String
        let targets: String
        let lead: String
        let cost: String
        let review: String
        let blocked: Bool
        let overridden: Bool
    }

    public let layout: LayoutModel
    let rows: [Row]
    let newHref: String
    let complianceHref: String
    let documentHref: String
    let csvHref: String
    let canWrite: Bool
    let counts: String

    public static func make(
        layout: LayoutModel, stateID: String, responses: [PolicyResponse], method: MethodVersion, agencies: [Agency], reviews: [CheckReview],
        overrides: [ReviewOverride], canWrite: Bool
    ) -> ResponsesPage {
        let t = layout.localizer
        let types = method.names(.responseTypes, in: t.language)
        let agencyNames = Dictionary(agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let reviewsByResponse = Dictionary(grouping: reviews, by: \.responseID)
        let rows = responses.map { r -> Row in
            let lists = ReviewChecklist.both(method: method, reviews: reviewsByResponse[r.id] ?? [], version: r.version)
            let blocking = lists.flatMap(\.blocking)
            let notMet = lists.flatMap { $0.lines.filter { $0.mandatory && $0.current?.status == .notMet }.map(\.check.code) }
            let overridden = overrides.contains { $0.responseID == r.id && $0.responseVersion == r.version }
            let review: String
            if r.status == .idea || r.status == .withdrawn {
                review = "—"
            } else if !notMet.isEmpty {
                review = t("policy.review-summary.not-met", ["checks": notMet.joined(separator: ", ")])
            } else if !blocking.isEmpty {
                review = t("policy.review-summary.to-review", count: blocking.count)
            } else {
                review = t("policy.review-summary.clear")
            }
            return Row(
                title: r.title, href: SiteURL.response(stateID, response: r.id).path, type: r.type + " " + (types[r.type] ?? ""),
                status: PolicyWords.status(r.status, t), statusClass: "status-" + r.status.rawValue,
                targets: t("policy.targets-count", count: r.targets.count), lead: r.leadAgencyID.flatMap { agencyNames[$0] } ?? "—",
                cost: PolicyWords.cost(r.cost, t), review: review, blocked: !notMet.isEmpty && !overridden && r.status.reviewable,
                overridden: overridden)
        }
        let approved = responses.filter(\.status.counts).count
        return ResponsesPage(
            layout: layout, rows: rows, newHref: SiteURL.responseNew(stateID).path, complianceHref: SiteURL.compliance(stateID).path,
            documentHref: SiteURL.policyDocument(stateID).path, csvHref: SiteURL.responsesCSV(stateID).path, canWrite: canWrite,
            counts: t("policy.register.counts", count: responses.count, ["approved": String(approved)]))
    }
}
