import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 8's second half: the development roadmap — items with prerequisites, milestones and status, the review that gates
/// an adoption, and the timeline.
struct RoadmapController {
    let lookup: CapabilityLookup
    let planning: DevelopmentPlanning
    let assessing: CapabilityAssessing
    let capability: CapabilityStore
    let policy: PolicyStore
    let reference: ReferenceDataStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = CapabilityLookup(services)
        planning = services.developmentPlanning
        assessing = services.capabilityAssessing
        capability = services.capability
        policy = services.policy
        reference = services.reference
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.roadmap(.parameter), .state(.viewCapability)) { request, context, granted in
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let page = RoadmapPage.make(
                layout: lookup.layout(context.localizer("roadmap.title"), state: state, request, context), stateID: state.id,
                items: try await capability.roadmapItems(scope), framework: try await assessing.framework(of: nil),
                agencies: try await policy.stateAgencies(scope), today: CapabilityLookup.today,
                canPlan: Authorizer.allows(try granted.requireIdentity(), state: state.id, .planDevelopment))
            return .html(pages.render(page))
        }
        routes.get(.roadmapNew(.parameter), .state(.planDevelopment)) { request, context, granted in
            var prefill: [String: String] = [:]
            let query = request.uri.queryParameters
            for (name, field) in [("area", "area"), ("enabler", "enabler"), ("to", "toStage")] {
                if let value = query.get(name) { prefill[field] = String(value) }
            }
            if let area = prefill["area"], let enabler = prefill["enabler"], let stage = prefill["toStage"] {
                prefill["title"] = context.localizer("roadmap.form.from-gap", ["area": area, "enabler": enabler, "stage": stage])
            }
            // Opened from a gap on a plan page: "back" returns there.
            let stateID = try granted.requireTenant().stateID
            let plan = query.get("capability").flatMap { Identifier.isValid($0) ? String($0) : nil }.map {
                SiteURL.capabilityPlan(stateID, capability: $0).path
            }
            return try await form(request, context, granted, item: nil, prefill: prefill, submitted: nil, failure: nil, status: .ok, cancel: plan)
        }
        routes.post(.roadmap(.parameter), .state(.planDevelopment)) { request, context, granted in
            let scope = try granted.requireTenant()
            do {
                let item = try await planning.add(
                    RoadmapItemDraft(fields: context.form.fields), agencies: try await policy.stateAgencies(scope), by: try granted.actor(),
                    scope: scope)
                return .seeOther(SiteURL.roadmapItem(scope.stateID, item: item.id).path, notice: .roadmapItemAdded)
            } catch let failure as ValidationFailure {
                return try await form(request, context, granted, item: nil, submitted: context.form.fields, failure: failure, status: .badRequest)
            } catch let violation as CapabilityRuleViolation {
                return try await form(
                    request, context, granted, item: nil, submitted: context.form.fields,
                    failure: ValidationFailure(field: "prerequisites", violation.explanation), status: .badRequest)
            }
        }
        routes.get(.roadmapItem(.parameter, item: .parameter), .state(.viewCapability)) { request, context, granted in
            let item = try await lookup.item(context, try granted.requireTenant())
            return try await page(request, context, granted, item: item, refused: nil, status: .ok)
        }
        routes.get(.roadmapItemEdit(.parameter, item: .parameter), .state(.planDevelopment)) { request, context, granted in
            let item = try await lookup.item(context, try granted.requireTenant())
            try CapabilityRuleViolation.checkEditable(item)
            return try await form(request, context, granted, item: item, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.roadmapItem(.parameter, item: .parameter), .state(.planDevelopment)) { request, context, granted in
            let scope = try granted.requireTenant()
            let item = try await lookup.item(context, scope)
            let version = try CapabilityLookup.version(context)
            do {
                _ = try await planning.revise(
                    item, with: RoadmapItemDraft(fields: context.form.fields), agencies: try await policy.stateAgencies(scope),
                    by: try granted.actor(),
                    scope: scope)
                return .seeOther(SiteURL.roadmapItem(scope.stateID, item: item.id).path, notice: .roadmapItemSaved)
            } catch let failure as ValidationFailure {
                return try await form(
                    request, context, granted, item: item, submitted: context.form.fields, failure: failure, version: version, status: .badRequest)
            } catch StoreConflict.staleVersion(let current) {
                return try await form(
                    request, context, granted, item: item, submitted: context.form.fields, failure: nil,
                    conflict: context.localizer("policy.form.conflict"), version: current, status: .conflict)
            } catch CapabilityRuleViolation.cycle(let members) {
                return try await form(
                    request, context, granted, item: item, submitted: context.form.fields,
                    failure: ValidationFailure(field: "prerequisites", CapabilityRuleViolation.cycle(members: members).explanation), version: version,
                    status: .badRequest)
            }
        }
        routes.post(.roadmapStatus(.parameter, item: .parameter), .state(.planDevelopment)) { request, context, granted in
            try await move(request, context, granted, approve: false)
        }
        routes.post(.roadmapApprove(.parameter, item: .parameter), .state(.approveRoadmap)) { request, context, granted in
            try await move(request, context, granted, approve: true)
        }
        routes.post(.roadmapMilestones(.parameter, item: .parameter), .state(.planDevelopment)) { request, context, granted in
            let scope = try granted.requireTenant()
            let item = try await lookup.item(context, scope)
            // The ticks are positions in the list the page showed: a page read before the item changed is a conflict.
            guard try CapabilityLookup.version(context) == item.version else {
                return try await page(request, context, granted, item: item, refused: .rule("roadmap.milestones-stale"), status: .conflict)
            }
            let done = Set(item.milestones.indices.filter { context.form["done.\($0)"] == "on" })
            do {
                _ = try await planning.markMilestones(done, of: item, by: try granted.actor(), scope: scope)
            } catch let violation as CapabilityRuleViolation {
                return try await page(request, context, granted, item: item, refused: .rule(violation.explanation), status: .conflict)
            } catch StoreConflict.staleVersion {
                return try await page(request, context, granted, item: item, refused: .rule("roadmap.milestones-stale"), status: .conflict)
            }
            return .seeOther(SiteURL.roadmapItem(scope.stateID, item: item.id).path, notice: .milestonesSaved)
        }
        for kind in ReviewKind.allCases {
            routes.post(.roadmapReview(.parameter, item: .parameter, kind), .state(.reviewRoadmap)) { request, context, granted in
                let scope = try granted.requireTenant()
                let item = try await lookup.item(context, scope)
                do {
                    _ = try await planning.review(
                        item, kind: kind, draft: ReviewDraft(fields: context.form.fields), by: try granted.actor(), scope: scope)
                    return .seeOther(SiteURL.roadmapItem(scope.stateID, item: item.id).path + "#roadmap-reviews", notice: .reviewRecorded)
                } catch let failure as ValidationFailure {
                    return try await page(
                        request, context, granted, item: item, refused: .review(kind, context.form.fields, failure), status: .badRequest)
                } catch let violation as CapabilityRuleViolation {
                    return try await page(request, context, granted, item: item, refused: .rule(violation.explanation), status: .conflict)
                }
            }
        }
    }

    /// A refused move (an adoption not reviewed, a move not possible any more) shows the item again, 409, with the reason.
    private func move(_ request: Request, _ context: AppRequestContext, _ granted: Granted, approve: Bool) async throws -> Response {
        let scope = try granted.requireTenant()
        let item = try await lookup.item(context, scope)
        let version = try CapabilityLookup.version(context)
        let target: RoadmapItem.Status
        if approve {
            target = .approved
        } else {
            guard let chosen = context.form["status"].flatMap(RoadmapItem.Status.init(rawValue:)), chosen != .approved else {
                throw AppError.badRequest("policy.form.bad-status")
            }
            target = chosen
        }
        do {
            _ = try await planning.move(item, to: target, expectedVersion: version, by: try granted.actor(), scope: scope)
        } catch let violation as CapabilityRuleViolation {
            return try await page(request, context, granted, item: item, refused: .rule(violation.explanation), status: .conflict)
        } catch StoreConflict.staleVersion {
            return try await page(request, context, granted, item: item, refused: .rule("policy.form.stale-move"), status: .conflict)
        }
        return .seeOther(SiteURL.roadmapItem(scope.stateID, item: item.id).path, notice: approve ? .roadmapItemApproved : .roadmapItemMoved)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, item: RoadmapItem, refused: RoadmapItemPage.Refused?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let identity = try granted.requireIdentity()
        let stored = try await capability.roadmapItem(scope, id: item.id) ?? item
        let page = RoadmapItemPage.make(
            layout: lookup.layout(stored.title, state: state, request, context), stateID: state.id, item: stored,
            items: try await capability.roadmapItems(scope), framework: try await assessing.framework(of: nil),
            method: try await reference.method() ?? .ctTechDefault, agencies: try await policy.stateAgencies(scope),
            checklists: try await planning.checklists(stored, scope: scope), actorID: identity.userID,
            canPlan: Authorizer.allows(identity, state: state.id, .planDevelopment),
            canApprove: Authorizer.allows(identity, state: state.id, .approveRoadmap),
            canReview: Authorizer.allows(identity, state: state.id, .reviewRoadmap), today: CapabilityLookup.today, csrf: context.csrfToken ?? "",
            refused: refused)
        return .html(pages.render(page), status: status)
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, item: RoadmapItem?, prefill: [String: String] = [:],
        submitted: [String: String]?, failure: ValidationFailure?, conflict: String? = nil, version: Int? = nil, status: HTTPResponse.Status,
        cancel: String? = nil
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let title = item.map { context.localizer("roadmap.form.edit-title", ["title": $0.title]) } ?? context.localizer("roadmap.form.new-title")
        let page = RoadmapFormPage.make(
            layout: lookup.layout(title, state: state, request, context), stateID: state.id, item: item,
            framework: try await assessing.framework(of: nil),
            method: try await reference.method() ?? .ctTechDefault, agencies: try await policy.stateAgencies(scope),
            items: try await capability.roadmapItems(scope), csrf: context.csrfToken ?? "", prefill: prefill, submitted: submitted, failure: failure,
            conflict: conflict, version: version, cancel: cancel)
        return .html(pages.render(page), status: status)
    }
}
