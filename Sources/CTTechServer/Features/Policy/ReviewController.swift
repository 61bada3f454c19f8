import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 5's gate: reviewers answer the human-rights and gender checks of a response; a focal point records an override
/// of blocking checks with a justification.
struct ReviewController {
    let lookup: PolicyLookup
    let reviewing: ResponseReviewing
    let detail: ResponseDetail

    init(_ services: AppServices) {
        lookup = PolicyLookup(services)
        reviewing = services.responseReviewing
        detail = ResponseDetail(services)
    }

    func addRoutes(to routes: RouteTable) {
        for kind in ReviewKind.allCases {
            routes.post(.responseReview(.parameter, response: .parameter, kind), .state(.reviewResponse)) { request, context, granted in
                let scope = try granted.requireTenant()
                let response = try await lookup.response(context, scope)
                do {
                    _ = try await reviewing.review(
                        response, kind: kind, draft: ReviewDraft(fields: context.form.fields), by: try granted.actor(), scope: scope)
                    return .seeOther(SiteURL.response(scope.stateID, response: response.id).path, notice: .reviewRecorded)
                } catch let failure as ValidationFailure {
                    return try await detail.page(request, context, granted, refused: .review(kind, context.form.fields, failure), status: .badRequest)
                }
            }
        }
        routes.post(.responseOverride(.parameter, response: .parameter), .state(.overrideReview)) { request, context, granted in
            let scope = try granted.requireTenant()
            let response = try await lookup.response(context, scope)
            do {
                _ = try await reviewing.override(response, draft: OverrideDraft(fields: context.form.fields), by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.response(scope.stateID, response: response.id).path, notice: .overrideRecorded)
            } catch let failure as ValidationFailure {
                return try await detail.page(request, context, granted, refused: .override(context.form.fields, failure), status: .badRequest)
            }
        }
    }
}
