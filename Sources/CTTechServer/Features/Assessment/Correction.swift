import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// What differs between the records that can be corrected on a page of their own (an agency, another national risk):
/// where they live, how they are read and saved, and where the person goes back to.
struct Correction<Item: Sendable>: Sendable {
    /// The correction form's route and the route it posts to, and the name of their record parameter.
    let form: SiteURL
    let target: SiteURL
    let parameter: String
    /// The catalog key of the page's title.
    let title: String
    let id: @Sendable (Item) -> String
    let list: @Sendable (TenantScope, String) async throws -> [Item]
    /// The use case that checks and saves the corrected fields of the record with the given id.
    let correct: @Sendable (String, [String: String], Assessment, AuditActor, TenantScope) async throws -> Item
    let back: @Sendable (String, String) -> SiteURL
    let page: @Sendable (LayoutModel, Assessment, Item, [String: String]?, String, ValidationFailure?) -> EditRecordPage

    /// Registers the form (GET) and its target (POST).
    func addRoutes(to routes: RouteTable, lookup: AssessmentLookup, pages: PageRenderer) {
        routes.get(form, .state(.manageAssessment)) { request, context, granted in
            try await correctionPage(request, context, granted, lookup, pages, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(target, .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let existing = try await record(context, assessment, scope)
            do {
                _ = try await correct(id(existing), context.form.fields, assessment, try granted.actor(), scope)
                return .seeOther(back(scope.stateID, assessment.id).path, notice: .corrected)
            } catch let failure as ValidationFailure {
                return try await correctionPage(
                    request, context, granted, lookup, pages, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
    }

    /// The record named by the path parameter in this assessment, or 404.
    private func record(_ context: AppRequestContext, _ assessment: Assessment, _ scope: TenantScope) async throws -> Item {
        guard let wanted = context.parameters.get(parameter), Identifier.isValid(wanted),
            let found = try await list(scope, assessment.id).first(where: { id($0) == wanted })
        else { throw AppError.notFound }
        return found
    }

    private func correctionPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, _ lookup: AssessmentLookup, _ pages: PageRenderer,
        submitted: [String: String]?, failure: ValidationFailure?, status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await lookup.assessment(context, granted)
        if assessment.status.isFrozen { throw AssessmentRuleViolation.frozen }
        let item = try await record(context, assessment, scope)
        let layout = try await lookup.layout(context.localizer(title), assessment, request, context, scope)
        return .html(pages.render(page(layout, assessment, item, submitted, context.csrfToken ?? "", failure)), status: status)
    }
}

extension Correction where Item == Agency {
    static func agency(store: InstitutionsStore, mapping: InstitutionalMapping) -> Correction {
        Correction(
            form: .agencyEdit(.parameter, .parameter, agency: .parameter), target: .agency(.parameter, .parameter, agency: .parameter),
            parameter: "agencyID", title: "institutions.correct-heading", id: \.id, list: { try await store.agencies($0, assessmentID: $1) },
            correct: { try await mapping.correctAgency($0, with: AgencyDraft(fields: $1), in: $2, by: $3, scope: $4) },
            back: { .institutions($0, $1) },
            page: { EditRecordPage.agency(layout: $0, assessment: $1, agency: $2, submitted: $3, csrf: $4, failure: $5) })
    }
}

extension Correction where Item == OtherRisk {
    static func otherRisk(store: OtherRiskStore, recording: OtherRiskRecording) -> Correction {
        Correction(
            form: .otherRiskEdit(.parameter, .parameter, risk: .parameter), target: .otherRisk(.parameter, .parameter, risk: .parameter),
            parameter: "riskID", title: "assessment.edit.other-risk-heading", id: \.id, list: { try await store.otherRisks($0, assessmentID: $1) },
            correct: { try await recording.correct($0, with: OtherRiskDraft(fields: $1), in: $2, by: $3, scope: $4) },
            back: { .otherRisks($0, $1) },
            page: { EditRecordPage.otherRisk(layout: $0, assessment: $1, risk: $2, submitted: $3, csrf: $4, failure: $5) })
    }
}
