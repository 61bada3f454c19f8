import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 1: the agencies involved and the RACI matrix.
struct InstitutionsController {
    let lookup: AssessmentLookup
    let mapping: InstitutionalMapping
    let store: InstitutionsStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = AssessmentLookup(services)
        mapping = services.institutions
        store = services.assessments.institutions
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.institutions(.parameter, .parameter), .state(.viewAssessment)) { request, context, granted in
            try await page(request, context, granted, submitted: [:], failure: nil, status: .ok)
        }
        routes.post(.agencies(.parameter, .parameter), .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            do {
                _ = try await mapping.addAgency(AgencyDraft(fields: context.form.fields), to: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.institutions(scope.stateID, assessment.id).path, notice: .agencyAdded)
            } catch let failure as ValidationFailure {
                return try await page(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.post(.raci(.parameter, .parameter), .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            do {
                let cells = try RaciMatrix.parse(formFields: context.form.fields)
                try await mapping.saveRaci(cells, in: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.institutions(scope.stateID, assessment.id).path, notice: .raciSaved)
            } catch let failure as ValidationFailure {
                return try await page(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        Correction.agency(store: store, mapping: mapping).addRoutes(to: routes, lookup: lookup, pages: pages)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String], failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await lookup.assessment(context, granted)
        let page = InstitutionsPage.make(
            layout: try await lookup.layout(
                context.localizer("institutions.title", ["title": assessment.title]), assessment, request, context, scope),
            assessment: assessment, agencies: try await store.agencies(scope, assessmentID: assessment.id),
            raci: try await store.raci(scope, assessmentID: assessment.id),
            canEdit: AssessmentAbilities(identity: try granted.requireIdentity(), assessment: assessment).manage, csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure)
        return .html(pages.render(page), status: status)
    }
}
