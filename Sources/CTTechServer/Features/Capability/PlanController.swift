import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 8's first half: targets (by hand per area, or proposed from the register) and the priority areas for development
/// of one capability assessment.
struct PlanController {
    let lookup: CapabilityLookup
    let assessing: CapabilityAssessing
    let planning: DevelopmentPlanning
    let capability: CapabilityStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = CapabilityLookup(services)
        assessing = services.capabilityAssessing
        planning = services.developmentPlanning
        capability = services.capability
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.capabilityPlan(.parameter, capability: .parameter), .state(.viewCapability)) { request, context, granted in
            let assessment = try await lookup.assessment(context, try granted.requireTenant())
            return try await page(request, context, granted, assessment: assessment, refused: nil, status: .ok)
        }
        routes.post(.capabilityTargets(.parameter, capability: .parameter, area: .parameter), .state(.planDevelopment)) { request, context, granted in
            let scope = try granted.requireTenant()
            let assessment = try await lookup.assessment(context, scope)
            let area = try lookup.area(context, of: assessment)
            let draft = TargetsDraft(fields: context.form.fields)
            guard draft.version != nil else { throw AppError.badRequest("policy.form.no-version") }
            do {
                _ = try await planning.setTargets(draft, area: area, of: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.capabilityPlan(scope.stateID, capability: assessment.id).path, notice: .targetsSaved)
            } catch let failure as ValidationFailure {
                return try await page(
                    request, context, granted, assessment: assessment, refused: (area, context.form.fields, failure), status: .badRequest)
            } catch let violation as CapabilityRuleViolation {
                return try await page(
                    request, context, granted, assessment: assessment,
                    refused: (area, context.form.fields, ValidationFailure(field: "targets", violation.explanation)), status: .badRequest)
            } catch StoreConflict.staleVersion {
                return try await page(
                    request, context, granted, assessment: assessment, refused: nil, conflict: context.localizer("capability.plan.conflict"),
                    status: .conflict)
            }
        }
        routes.post(.capabilityPropose(.parameter, capability: .parameter), .state(.planDevelopment)) { request, context, granted in
            let scope = try granted.requireTenant()
            let assessment = try await lookup.assessment(context, scope)
            let version = try CapabilityLookup.version(context)
            let framework = try await assessing.framework(of: assessment)
            guard case (let relevance?, _) = try await lookup.relevance(assessment, framework: framework, scope: scope) else {
                throw AppError.badRequest("capability.plan.no-register")
            }
            do {
                _ = try await planning.proposeTargets(
                    for: assessment, relevance: relevance, expectedVersion: version, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.capabilityPlan(scope.stateID, capability: assessment.id).path, notice: .targetsProposed)
            } catch StoreConflict.staleVersion {
                return try await page(
                    request, context, granted, assessment: assessment, refused: nil, conflict: context.localizer("capability.plan.conflict"),
                    status: .conflict)
            }
        }
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, assessment: CapabilityAssessment,
        refused: (area: String, fields: [String: String], failure: ValidationFailure)?, conflict: String? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let stored = try await capability.capabilityAssessment(scope, id: assessment.id) ?? assessment
        let (framework, grid, _) = try await assessing.grid(of: stored, scope: scope)
        let (relevance, registerTitle) = try await lookup.relevance(stored, framework: framework, scope: scope)
        let targets = try await capability.capabilityTargets(scope, assessmentID: stored.id)
        let priorities = DevelopmentPriority.rank(framework: framework, grid: grid, targets: targets, relevance: relevance)
        let page = CapabilityPlanPage.make(
            layout: lookup.layout(context.localizer("capability.plan.heading", ["title": stored.title]), state: state, request, context),
            stateID: state.id, assessment: stored, framework: framework, grid: grid, targets: targets, priorities: priorities, relevance: relevance,
            registerTitle: registerTitle, canPlan: Authorizer.allows(try granted.requireIdentity(), state: state.id, .planDevelopment),
            csrf: context.csrfToken ?? "", refused: refused, conflict: conflict, roadmap: try await capability.roadmapItems(scope))
        return .html(pages.render(page), status: status)
    }
}
