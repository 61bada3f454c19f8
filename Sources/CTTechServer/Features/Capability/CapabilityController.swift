import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 7: the state's capability assessments — listing and opening them, answering an area, adding evidence, comparing
/// two, and the CSV of levels. Self-assessments are written by those with ``Permission/writeCapability``, validated ones by
/// programme staff with ``Permission/validateCapability``.
struct CapabilityController {
    let lookup: CapabilityLookup
    let assessing: CapabilityAssessing
    let planning: DevelopmentPlanning
    let capability: CapabilityStore
    let policy: PolicyStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = CapabilityLookup(services)
        assessing = services.capabilityAssessing
        planning = services.developmentPlanning
        capability = services.capability
        policy = services.policy
        pages = services.pages
    }

    /// Whether the signed-in user may write `assessment` (its kind decides the permission).
    static func canWrite(_ assessment: CapabilityAssessment, _ identity: Identity, state: String) -> Bool {
        Authorizer.allows(identity, state: state, assessment.kind == .validated ? .validateCapability : .writeCapability)
    }

    /// The scope for writing `assessment`, or 403.
    static func writeScope(_ assessment: CapabilityAssessment, _ identity: Identity, state: String) throws -> TenantScope {
        try Authorizer.scope(identity, state: state, for: assessment.kind == .validated ? .validateCapability : .writeCapability)
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.capability(.parameter), .state(.viewCapability)) { request, context, granted in
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let identity = try granted.requireIdentity()
            let page = CapabilityPage.make(
                layout: lookup.layout(context.localizer("capability.title"), state: state, request, context), stateID: state.id,
                assessments: try await capability.capabilityAssessments(scope), roadmap: try await capability.roadmapItems(scope),
                canWrite: Authorizer.allows(identity, state: state.id, .writeCapability),
                canValidate: Authorizer.allows(identity, state: state.id, .validateCapability))
            return .html(pages.render(page))
        }
        routes.get(.capabilityNew(.parameter, validated: false), .state(.viewCapability)) { request, context, granted in
            let validated = request.uri.queryParameters.get("kind") == "validated"
            let identity = try granted.requireIdentity()
            let scope = try Authorizer.scope(
                identity, state: try granted.requireTenant().stateID, for: validated ? .validateCapability : .writeCapability)
            return try await form(
                request, context, scope: scope, validated: validated, submitted: nil, failure: nil, status: .ok,
                validates: request.uri.queryParameters.get("validates"))
        }
        routes.post(.capability(.parameter), .state(.viewCapability)) { request, context, granted in
            let validated = context.form["kind"] == CapabilityAssessment.Kind.validated.rawValue
            let identity = try granted.requireIdentity()
            let scope = try Authorizer.scope(
                identity, state: try granted.requireTenant().stateID, for: validated ? .validateCapability : .writeCapability)
            do {
                let assessment = try await assessing.open(
                    CapabilityAssessmentDraft(fields: context.form.fields), kind: validated ? .validated : .selfAssessed,
                    agencies: try await policy.stateAgencies(scope), threatAssessments: Set(try await lookup.threatAssessments(scope).map(\.id)),
                    by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.capabilityAssessment(scope.stateID, capability: assessment.id).path, notice: .capabilityOpened)
            } catch let failure as ValidationFailure {
                return try await form(
                    request, context, scope: scope, validated: validated, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.get(.capabilityAssessment(.parameter, capability: .parameter), .state(.viewCapability)) { request, context, granted in
            let scope = try granted.requireTenant()
            let assessment = try await lookup.assessment(context, scope)
            // The area picker of an area page is a GET form to this page: go to the area chosen.
            if let area = request.uri.queryParameters.get("area").map({ String($0) }), assessment.areas.contains(area) {
                return .seeOther(SiteURL.capabilityArea(scope.stateID, capability: assessment.id, area: area).path)
            }
            return try await page(request, context, granted, assessment: assessment, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.capabilityEvidence(.parameter, capability: .parameter), .state(.viewCapability)) { request, context, granted in
            let assessment = try await lookup.assessment(context, try granted.requireTenant())
            let scope = try Self.writeScope(assessment, try granted.requireIdentity(), state: assessment.stateID)
            do {
                _ = try await assessing.addEvidence(EvidenceDraft(fields: context.form.fields), to: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.capabilityAssessment(scope.stateID, capability: assessment.id).path + "#evidence", notice: .evidenceAdded)
            } catch let failure as ValidationFailure {
                return try await page(
                    request, context, granted, assessment: assessment, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.get(.capabilityArea(.parameter, capability: .parameter, area: .parameter), .state(.viewCapability)) { request, context, granted in
            let scope = try granted.requireTenant()
            let assessment = try await lookup.assessment(context, scope)
            let area = try lookup.area(context, of: assessment)
            return try await areaPage(request, context, granted, assessment: assessment, area: area, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.capabilityArea(.parameter, capability: .parameter, area: .parameter), .state(.viewCapability)) { request, context, granted in
            let assessment = try await lookup.assessment(context, try granted.requireTenant())
            let area = try lookup.area(context, of: assessment)
            let scope = try Self.writeScope(assessment, try granted.requireIdentity(), state: assessment.stateID)
            let draft = AnswersDraft(fields: context.form.fields)
            guard draft.version != nil else { throw AppError.badRequest("policy.form.no-version") }
            do {
                _ = try await assessing.answer(draft, area: area, of: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.capabilityAssessment(scope.stateID, capability: assessment.id).path, notice: .answersSaved)
            } catch let failure as ValidationFailure {
                return try await areaPage(
                    request, context, granted, assessment: assessment, area: area, submitted: context.form.fields, failure: failure,
                    status: .badRequest)
            } catch StoreConflict.staleVersion(let current) {
                return try await areaPage(
                    request, context, granted, assessment: assessment, area: area, submitted: context.form.fields, failure: nil,
                    conflict: context.localizer("capability.area.conflict"), version: current, status: .conflict)
            } catch let violation as CapabilityRuleViolation {
                return try await areaPage(
                    request, context, granted, assessment: assessment, area: area, submitted: context.form.fields,
                    failure: ValidationFailure(field: "answers", violation.explanation), status: .badRequest)
            }
        }
        routes.get(.capabilityCompare(.parameter, capability: .parameter, other: .parameter), .state(.viewCapability)) { request, context, granted in
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let one = try await lookup.assessment(context, scope)
            let other = try await lookup.assessment(context, scope, parameter: "otherID")
            // Before: the self-assessment or the baseline; after: the validated assessment or the follow-up.
            let (before, after) =
                one.validates == other.id || one.baselineID == other.id ? (other, one) : (one, other)
            let (framework, afterGrid, afterRecords) = try await assessing.grid(of: after, scope: scope)
            let (_, beforeGrid, beforeRecords) = try await assessing.grid(of: before, scope: scope)
            let comparison = CapabilityComparison(
                framework: framework, before: beforeGrid, after: afterGrid, beforeRecords: beforeRecords, afterRecords: afterRecords)
            let page = CapabilityComparePage.make(
                layout: lookup.layout(context.localizer("capability.compare.heading"), state: state, request, context), stateID: state.id,
                from: one, before: before, after: after, framework: framework, comparison: comparison,
                beforeEvidence: try await capability.capabilityEvidence(scope, assessmentID: before.id),
                afterEvidence: try await capability.capabilityEvidence(scope, assessmentID: after.id))
            return .html(pages.render(page))
        }
        routes.get(.capabilityCSV(.parameter, capability: .parameter), .state(.viewCapability)) { _, context, granted in
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let assessment = try await lookup.assessment(context, scope)
            let (framework, grid, _) = try await assessing.grid(of: assessment, scope: scope)
            let (relevance, _) = try await lookup.relevance(assessment, framework: framework, scope: scope)
            let priorities = try await planning.priorities(of: assessment, relevance: relevance, scope: scope)
            let csv = CapabilityCSV(assessment: assessment, framework: framework, grid: grid, priorities: priorities).csv()
            let marking = state.defaultTLP.rawValue.replacingOccurrences(of: "+", with: "-")
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"capability-\(marking)-\(state.code).csv\"",
                ], body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, scope: TenantScope, validated: Bool, submitted: [String: String]?,
        failure: ValidationFailure?, status: HTTPResponse.Status, validates: String? = nil
    ) async throws -> Response {
        let state = try await lookup.state(scope)
        let title = context.localizer(validated ? "capability.form.validated-title" : "capability.form.self-title")
        let page = CapabilityFormPage.make(
            layout: lookup.layout(title, state: state, request, context), stateID: state.id, validated: validated,
            framework: try await assessing.framework(of: nil), agencies: try await policy.stateAgencies(scope),
            assessments: try await capability.capabilityAssessments(scope), threatAssessments: try await lookup.threatAssessments(scope),
            today: CapabilityLookup.today, csrf: context.csrfToken ?? "", submitted: submitted, failure: failure, validates: validates)
        return .html(pages.render(page), status: status)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, assessment: CapabilityAssessment, submitted: [String: String]?,
        failure: ValidationFailure?, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let (framework, grid, records) = try await assessing.grid(of: assessment, scope: scope)
        let all = try await capability.capabilityAssessments(scope)
        let page = CapabilityAssessmentPage.make(
            layout: lookup.layout(assessment.title, state: state, request, context), stateID: state.id, assessment: assessment, framework: framework,
            grid: grid, records: records, evidence: try await capability.capabilityEvidence(scope, assessmentID: assessment.id), related: all,
            canEdit: Self.canWrite(assessment, try granted.requireIdentity(), state: state.id), csrf: context.csrfToken ?? "",
            evidenceSubmitted: submitted, evidenceFailure: failure,
            canValidate: Authorizer.allows(try granted.requireIdentity(), state: state.id, .validateCapability))
        return .html(pages.render(page), status: status)
    }

    private func areaPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, assessment: CapabilityAssessment, area: String,
        submitted: [String: String]?, failure: ValidationFailure?, conflict: String? = nil, version: Int? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let framework = try await assessing.framework(of: assessment)
        var selfRecords: [CriterionRecord]?
        if let validates = assessment.validates { selfRecords = try await capability.criterionRecords(scope, assessmentID: validates) }
        let page = AreaAnswersPage.make(
            layout: lookup.layout(CapabilityWords.area(area, framework: framework, context.localizer), state: state, request, context),
            stateID: state.id, assessment: assessment, area: area, framework: framework,
            records: try await capability.criterionRecords(scope, assessmentID: assessment.id),
            evidence: try await capability.capabilityEvidence(scope, assessmentID: assessment.id), selfRecords: selfRecords,
            canEdit: Self.canWrite(assessment, try granted.requireIdentity(), state: state.id), csrf: context.csrfToken ?? "", submitted: submitted,
            failure: failure, conflict: conflict, version: version)
        return .html(pages.render(page), status: status)
    }
}
