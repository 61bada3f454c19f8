import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 5: the response register — listing, adding and changing responses and moving them along.
struct PolicyController {
    let lookup: PolicyLookup
    let design: PolicyDesign
    let policy: PolicyStore
    let reference: ReferenceDataStore
    let pages: PageRenderer
    let detail: ResponseDetail

    init(_ services: AppServices) {
        lookup = PolicyLookup(services)
        design = services.policyDesign
        policy = services.policy
        reference = services.reference
        pages = services.pages
        detail = ResponseDetail(services)
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.responses(.parameter), .state(.viewResponses)) { request, context, granted in
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let identity = try granted.requireIdentity()
            let method = try await design.method(of: nil)
            let page = ResponsesPage.make(
                layout: lookup.layout(context.localizer("policy.register.title"), tlp: nil, state: state, request, context), stateID: state.id,
                responses: try await policy.responses(scope), method: method, agencies: try await policy.stateAgencies(scope),
                reviews: try await policy.allReviews(scope), overrides: try await policy.allOverrides(scope),
                canWrite: Authorizer.allows(identity, state: state.id, .writeResponse))
            return .html(pages.render(page))
        }
        routes.get(.responseNew(.parameter), .state(.writeResponse)) { request, context, granted in
            try await form(request, context, granted, response: nil, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.responses(.parameter), .state(.writeResponse)) { request, context, granted in
            let scope = try granted.requireTenant()
            do {
                let response = try await design.add(PolicyResponseDraft(fields: context.form.fields), by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.response(scope.stateID, response: response.id).path, notice: .responseAdded)
            } catch let failure as ValidationFailure {
                return try await form(request, context, granted, response: nil, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.get(.response(.parameter, response: .parameter), .state(.viewResponses)) { request, context, granted in
            try await detail.page(request, context, granted, refused: nil, status: .ok)
        }
        routes.get(.responseEdit(.parameter, response: .parameter), .state(.writeResponse)) { request, context, granted in
            let response = try await lookup.response(context, try granted.requireTenant())
            try PolicyRuleViolation.checkEditable(response)
            return try await form(request, context, granted, response: response, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.response(.parameter, response: .parameter), .state(.writeResponse)) { request, context, granted in
            let scope = try granted.requireTenant()
            let response = try await lookup.response(context, scope)
            let version = try PolicyLookup.version(context)
            let draft = PolicyResponseDraft(fields: context.form.fields)
            do {
                _ = try await design.revise(response, with: draft, expectedVersion: version, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.response(scope.stateID, response: response.id).path, notice: .responseSaved)
            } catch let failure as ValidationFailure {
                return try await form(
                    request, context, granted, response: response, submitted: context.form.fields, failure: failure, version: version,
                    status: .badRequest)
            } catch StoreConflict.staleVersion(let current) {
                return try await form(
                    request, context, granted, response: response, submitted: context.form.fields, failure: nil,
                    conflict: context.localizer("policy.form.conflict"), version: current, status: .conflict)
            }
        }
        routes.post(.responseStatus(.parameter, response: .parameter), .state(.writeResponse)) { request, context, granted in
            try await move(request, context, granted)
        }
        routes.post(.responseApprove(.parameter, response: .parameter), .state(.approveResponse)) { request, context, granted in
            try await move(request, context, granted, approve: true)
        }
    }

    /// A refused move (approval blocked, a move not possible any more) shows the response again, 409, with the reason
    /// above its moves.
    private func move(_ request: Request, _ context: AppRequestContext, _ granted: Granted, approve: Bool = false) async throws -> Response {
        let scope = try granted.requireTenant()
        let response = try await lookup.response(context, scope)
        let version = try PolicyLookup.version(context)
        let target: ResponseStatus
        if approve {
            target = .approved
        } else {
            guard let chosen = context.form["status"].flatMap(ResponseStatus.init(rawValue:)), chosen != .approved else {
                throw AppError.badRequest("policy.form.bad-status")
            }
            target = chosen
        }
        do {
            _ = try await design.move(response, to: target, expectedVersion: version, by: try granted.actor(), scope: scope)
        } catch let violation as PolicyRuleViolation {
            return try await detail.page(request, context, granted, refused: .rule(violation.explanation), status: .conflict)
        } catch StoreConflict.staleVersion {
            return try await detail.page(request, context, granted, refused: .rule("policy.form.stale-move"), status: .conflict)
        }
        return .seeOther(SiteURL.response(scope.stateID, response: response.id).path, notice: approve ? .responseApproved : .responseMoved)
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, response: PolicyResponse?, submitted: [String: String]?,
        failure: ValidationFailure?, conflict: String? = nil, version: Int? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let method = try await design.method(of: response)
        let title = response.map { context.localizer("policy.form.edit-title", ["title": $0.title]) } ?? context.localizer("policy.form.new-title")
        let page = ResponseFormPage.make(
            layout: lookup.layout(title, tlp: response?.tlp, state: state, request, context), stateID: state.id, response: response, method: method,
            risks: try await policy.addressableRisks(scope), agencies: try await policy.stateAgencies(scope), defaultTLP: state.defaultTLP,
            csrf: context.csrfToken ?? "", submitted: submitted, failure: failure, conflict: conflict, version: version)
        return .html(pages.render(page), status: status)
    }
}
