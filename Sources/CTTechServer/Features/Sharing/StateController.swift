import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// A user's partner states, a state's home page, its profile form and its audit log.
struct StateController {
    let audit: AuditLogStore
    let pages: PageRenderer
    let stateAdministration: StateAdministration
    let states: PartnerStateStore
    let assessments: AssessmentStores
    let reference: ReferenceDataStore
    let policy: PolicyStore
    let capability: CapabilityStore

    init(_ services: AppServices) {
        capability = services.capability
        assessments = services.assessments
        reference = services.reference
        policy = services.policy
        audit = services.audit
        pages = services.pages
        stateAdministration = services.stateAdministration
        states = services.states
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.home, .signedIn) { request, context, granted in
            let identity = try granted.requireIdentity()
            let states = try await self.states.list(visible: Authorizer.visibleStates(identity))
            let layout = context.layout(context.localizer("home.title"), tlp: states.map(\.defaultTLP).max() ?? .clear, path: request.uri.path)
            return .html(self.pages.render(HomePage.make(layout: layout, states: states, identity: identity)))
        }
        routes.get(.state(.parameter), .state(.viewState)) { request, context, granted in
            let state = try await load(granted)
            let identity = try granted.requireIdentity()
            let layout = context.layout(state.name, tlp: state.defaultTLP, path: request.uri.path, state: state)
            let scope = try granted.requireTenant()
            // Those who see assessments get what to do next; those who only follow the state, progress without content.
            let standings = try await AssessmentStanding.read(
                scope, assessments: assessments.records, scoring: assessments.scoring,
                viewerScores: Authorizer.allows(identity, state: state.id, .scoreScenario))
            let sees = Authorizer.allows(identity, state: state.id, .viewAssessment)
            var progress: [(AssessmentStanding, AssessmentProgress)] = []
            var technologies = 0
            if !sees {
                // Only the progress summary needs the method's technologies and each assessment's counts.
                for standing in standings {
                    progress.append((standing, try await assessments.records.progress(scope, assessmentID: standing.assessment.id)))
                }
                technologies = try await reference.method()?.items(.technologies).count ?? 0
            }
            var policyStanding: PolicyStanding?
            if Authorizer.allows(identity, state: state.id, .viewResponses) {
                let method = try await reference.method() ?? .ctTechDefault
                policyStanding = PolicyStanding(
                    identity: identity, stateID: state.id, responses: try await policy.responses(scope), reviews: try await policy.allReviews(scope),
                    overrides: try await policy.allOverrides(scope), method: method)
            }
            var roadmapStanding: RoadmapStanding?
            if Authorizer.allows(identity, state: state.id, .reviewRoadmap) || Authorizer.allows(identity, state: state.id, .approveRoadmap) {
                let items = try await capability.roadmapItems(scope)
                roadmapStanding = RoadmapStanding(
                    identity: identity, stateID: state.id, items: items, reviews: try await capability.allRoadmapReviews(scope),
                    method: try await reference.method() ?? .ctTechDefault,
                    framework: try await capability.framework(id: nil) ?? .ctTechDefault)
            }
            let page = StatePage.make(
                layout: layout, state: state, identity: identity, standings: sees ? standings : [], progress: progress, technologies: technologies,
                policy: policyStanding, roadmap: roadmapStanding)
            return .html(self.pages.render(page))
        }
        routes.get(.stateEdit(.parameter), .state(.editStateProfile)) { request, context, granted in
            let state = try await load(granted)
            return form(context, request, state: state, version: state.version, draft: Self.draft(of: state), status: .ok)
        }
        routes.post(.stateEdit(.parameter), .state(.editStateProfile)) { request, context, granted in
            let scope = try granted.requireTenant()
            let identity = try granted.requireIdentity()
            let state = try await load(granted)
            let draft = Self.draft(from: context.form)
            guard let version = context.form["version"].flatMap(Int.init) else { throw AppError.badRequest("state.form.no-version") }
            do {
                _ = try await self.stateAdministration.update(state, with: draft, expectedVersion: version, by: identity.actor, scope: scope)
                return .seeOther(SiteURL.state(state.id).path, notice: .stateSaved)
            } catch let failure as ValidationFailure {
                return form(context, request, state: state, version: version, draft: draft, failure: failure, status: .badRequest)
            } catch StoreConflict.staleVersion(let current) {
                return form(
                    context, request, state: state, version: current, draft: draft, conflict: context.localizer("state.form.conflict"),
                    status: .conflict)
            } catch StoreConflict.duplicate(let field) {
                return form(
                    context, request, state: state, version: version, draft: draft, failure: ValidationFailure(field: field, "validation.taken"),
                    status: .badRequest)
            }
        }
        routes.get(.stateAudit(.parameter), .state(.readStateAudit)) { request, context, granted in
            let state = try await load(granted)
            let page = PageRequest(limit: 50, before: try request.queryInt64("before"))
            let identity = try granted.requireIdentity()
            let entries = try await self.audit.list(try granted.requireTenant(), page: page).map { AuditDisclosure.shown($0, to: identity) }
            let layout = context.layout(
                context.localizer("audit.state-title", ["state": state.name]), tlp: state.defaultTLP, path: request.uri.path, state: state)
            return .html(
                self.pages.render(
                    AuditLogPage.make(
                        layout: layout, stateName: state.name, entries: entries, basePath: SiteURL.stateAudit(state.id).path,
                        pageSize: page.limit, viewer: identity)))
        }
    }

    private func load(_ granted: Granted) async throws -> PartnerState {
        guard let state = try await self.states.find(try granted.requireTenant()) else { throw AppError.notFound }
        return state
    }

    private func form(
        _ context: AppRequestContext, _ request: Request, state: PartnerState, version: Int, draft: PartnerStateDraft,
        failure: ValidationFailure? = nil,
        conflict: String? = nil, status: HTTPResponse.Status
    ) -> Response {
        let layout = context.layout(
            context.localizer("state.form.edit-title", ["state": state.name]), tlp: state.defaultTLP, path: request.uri.path, state: state)
        let page = StateFormPage.make(
            layout: layout, stateName: state.name, action: SiteURL.stateEdit(state.id).path,
            cancelHref: SiteURL.state(state.id).path,
            csrf: context.csrfToken ?? "", version: version, draft: draft, failure: failure, conflict: conflict)
        return .html(self.pages.render(page), status: status)
    }

    static func draft(of state: PartnerState) -> PartnerStateDraft {
        PartnerStateDraft(
            code: state.code, name: state.name, region: state.region.rawValue, defaultTLP: state.defaultTLP.rawValue, profile: state.profile)
    }

    static func draft(from form: FormData) -> PartnerStateDraft {
        PartnerStateDraft(code: form["code"], name: form["name"], region: form["region"], defaultTLP: form["defaultTLP"], profile: form["profile"])
    }

}
