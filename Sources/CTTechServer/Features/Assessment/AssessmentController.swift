import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Steps 3–4: assessments, scenarios, scoring rounds and the national risk register of one partner state.
struct AssessmentController {
    let services: AppServices

    func addRoutes(to routes: RouteTable) {
        routes.get("/states/{stateID}/assessments", .state(.viewAssessment)) { request, context, granted in
            try await list(request, context, granted, draft: nil, failure: nil, status: .ok)
        }
        routes.post("/states/{stateID}/assessments", .state(.manageAssessment)) { request, context, granted in
            let scope = try granted.requireTenant()
            let draft = AssessmentDraft(
                title: context.form["title"], period: context.form["period"], horizonYears: context.form["horizonYears"], tlp: context.form["tlp"])
            do {
                let assessment = try await services.assessmentRecords.create(draft, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.assessment(scope.stateID, assessment.id))
            } catch let failure as ValidationFailure {
                return try await list(request, context, granted, draft: draft, failure: failure, status: .badRequest)
            }
        }
        routes.get("/states/{stateID}/assessments/{assessmentID}", .state(.viewAssessment)) { request, context, granted in
            try await overview(request, context, granted, draft: nil, failure: nil, status: .ok)
        }
        routes.post("/states/{stateID}/assessments/{assessmentID}/round", .state(.manageAssessment)) { _, context, granted in
            let (assessment, scope) = try await load(context, granted)
            guard let target = ScoringRound.Status(rawValue: context.form["to"] ?? "") else {
                throw ValidationFailure(field: "to", "must be open, closed or revealed")
            }
            try await services.scoring.advanceRound(assessment, to: target, by: try granted.actor(), scope: scope)
            return .seeOther(SiteURL.assessment(scope.stateID, assessment.id))
        }
        routes.post("/states/{stateID}/assessments/{assessmentID}/scenarios", .state(.writeScenario)) { request, context, granted in
            let (assessment, scope) = try await load(context, granted)
            let draft = Self.scenarioDraft(context.form)
            do {
                let scenario = try await services.scoring.addScenario(draft, to: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.scenario(scope.stateID, assessment.id, scenario.id))
            } catch let failure as ValidationFailure {
                return try await overview(request, context, granted, draft: draft, failure: failure, status: .badRequest)
            }
        }
        routes.get("/states/{stateID}/assessments/{assessmentID}/scenarios/{scenarioID}", .state(.viewAssessment)) { request, context, granted in
            try await scenarioPage(request, context, granted, submitted: [:], failure: nil, status: .ok)
        }
        routes.post("/states/{stateID}/assessments/{assessmentID}/scenarios/{scenarioID}/scores", .state(.scoreScenario)) {
            request, context, granted in
            let (assessment, scope) = try await load(context, granted)
            let scenario = try await loadScenario(context, scope, assessment)
            do {
                _ = try await services.scoring.submit(ScoreDraft(fields: context.form.fields), for: scenario, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.scenario(scope.stateID, assessment.id, scenario.id))
            } catch let failure as ValidationFailure {
                return try await scenarioPage(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            } catch let violation as AssessmentRuleViolation {
                return try await scenarioPage(
                    request, context, granted, submitted: context.form.fields, failure: ValidationFailure(field: "round", violation.explanation),
                    status: .conflict)
            }
        }
        for (name, draw) in RegisterChart.files {
            routes.get("/states/{stateID}/assessments/{assessmentID}/\(name)", .state(.viewAssessment)) { _, context, granted in
                let (assessment, scope) = try await load(context, granted)
                let built = try await services.registers.build(assessment, scope: scope)
                return Response(
                    status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: draw(built.document))))
            }
        }
        routes.get("/states/{stateID}/assessments/{assessmentID}/register.json", .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await load(context, granted)
            let built = try await services.registers.build(assessment, scope: scope)
            return Downloads.register(built, format: .json, assessment: assessment, request: request)
        }
        routes.get("/states/{stateID}/assessments/{assessmentID}/register.csv", .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await load(context, granted)
            let built = try await services.registers.build(assessment, scope: scope)
            return Downloads.register(built, format: .csv, assessment: assessment, request: request)
        }
        routes.get("/states/{stateID}/assessments/{assessmentID}/register", .state(.viewAssessment)) { request, context, granted in
            try await registerPage(request, context, granted, draft: [:], failure: nil, status: .ok)
        }
        routes.get("/states/{stateID}/assessments/{assessmentID}/other-risks", .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await load(context, granted)
            let page = OtherRisksPage.make(
                layout: context.layout(
                    "Other national risks · \(assessment.title)", tlp: assessment.tlp, path: request.uri.path,
                    state: try await services.states.find(scope)),
                assessment: assessment, risks: try await services.assessments.risks.otherRisks(scope, assessmentID: assessment.id),
                canManage: Authorizer.allows(try granted.requireIdentity(), state: scope.stateID, .manageAssessment), csrf: context.csrfToken ?? "")
            return .html(services.pages.render(page))
        }
        routes.post("/states/{stateID}/assessments/{assessmentID}/other-risks", .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await load(context, granted)
            do {
                _ = try await services.otherRisks.add(
                    OtherRiskDraft(fields: context.form.fields), to: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.register(scope.stateID, assessment.id))
            } catch let failure as ValidationFailure {
                return try await registerPage(request, context, granted, draft: context.form.fields, failure: failure, status: .badRequest)
            }
        }
    }

    private func registerPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, draft: [String: String], failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await load(context, granted)
        let built = try await services.registers.build(assessment, scope: scope)
        let state = try await services.states.find(scope)
        let layout = context.layout("Risk register · \(assessment.title)", tlp: assessment.tlp, path: request.uri.path, state: state)
        let canManage = Authorizer.allows(try granted.requireIdentity(), state: scope.stateID, .manageAssessment) && !assessment.status.isFrozen
        let page = RegisterPage.make(
            layout: layout, assessment: assessment, body: await services.registers.pageBody(built, assessment: assessment, pages: services.pages),
            canManage: canManage, csrf: context.csrfToken ?? "",
            draft: draft, failure: failure)
        return .html(services.pages.render(page), status: status)
    }

    static func scenarioDraft(_ form: FormData) -> ScenarioDraft {
        let technologies = form.fields.keys.filter { $0.hasPrefix("technology.") }.map { String($0.dropFirst("technology.".count)) }.sorted()
        let purposes = form.fields.keys.filter { $0.hasPrefix("purpose.") }.map { String($0.dropFirst("purpose.".count)) }.sorted()
        return ScenarioDraft(
            title: form["title"], narrative: form["narrative"], actorType: form["actorType"], technologies: technologies, purposes: purposes,
            targetSector: form["targetSector"], horizonYears: form["horizonYears"])
    }

    func load(_ context: AppRequestContext, _ granted: Granted) async throws -> (Assessment, TenantScope) {
        let scope = try granted.requireTenant()
        guard let id = context.parameters.get("assessmentID"), Identifier.isValid(id),
            let assessment = try await services.assessments.records.find(scope, id: id)
        else { throw AppError.notFound }
        return (assessment, scope)
    }

    func loadScenario(_ context: AppRequestContext, _ scope: TenantScope, _ assessment: Assessment) async throws -> ThreatScenario {
        guard let id = context.parameters.get("scenarioID"), Identifier.isValid(id),
            let scenario = try await services.assessments.scoring.scenario(scope, assessmentID: assessment.id, id: id)
        else { throw AppError.notFound }
        return scenario
    }

    func list(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, draft: AssessmentDraft?, failure: ValidationFailure?,
        importFailure: ValidationFailure? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        guard let state = try await services.states.find(scope) else { throw AppError.notFound }
        let identity = try granted.requireIdentity()
        let page = AssessmentsPage.make(
            layout: context.layout("Threat assessments · \(state.name)", tlp: state.defaultTLP, path: request.uri.path, state: state),
            stateID: state.id, assessments: try await services.assessments.records.list(scope),
            canCreate: Authorizer.allows(identity, state: state.id, .manageAssessment), csrf: context.csrfToken ?? "", draft: draft, failure: failure,
            importFailure: importFailure)
        return .html(services.pages.render(page), status: status)
    }

    func overview(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, draft: ScenarioDraft?, failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await load(context, granted)
        let identity = try granted.requireIdentity()
        guard let round = try await services.assessments.scoring.currentRound(scope, assessmentID: assessment.id),
            let method = try await services.reference.method(id: assessment.methodVersion)
        else { throw AppError.notFound }
        let scenarios = try await services.assessments.scoring.scenarios(scope, assessmentID: assessment.id)
        let mine = try await services.assessments.scoring.visibleScores(scope, assessmentID: assessment.id, round: round).filter(\.isOwn)
        let snapshots = try await services.assessments.approval.snapshotNumbers(scope, assessmentID: assessment.id)
        let page = AssessmentPage.make(
            layout: context.layout(assessment.title, tlp: assessment.tlp, path: request.uri.path, state: try await services.states.find(scope)),
            assessment: assessment, round: round, scenarios: scenarios, scoredByMe: Set(mine.map(\.score.scenarioID)),
            submissions: Authorizer.allows(identity, state: scope.stateID, .manageAssessment)
                ? (
                    try await services.assessments.scoring.submissionCounts(scope, assessmentID: assessment.id, round: round.number),
                    try await services.accounts.assessors(scope).count
                ) : nil,
            method: method,
            snapshots: snapshots, progress: try await services.assessments.records.progress(scope, assessmentID: assessment.id),
            permissions: .init(
                manage: Authorizer.allows(identity, state: scope.stateID, .manageAssessment),
                write: Authorizer.allows(identity, state: scope.stateID, .writeScenario),
                approve: Authorizer.allows(identity, state: scope.stateID, .approveAssessment)), csrf: context.csrfToken ?? "", draft: draft,
            failure: failure)
        return .html(services.pages.render(page), status: status)
    }

    func scenarioPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String], failure: ValidationFailure?,
        evidenceFailure: ValidationFailure? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await load(context, granted)
        let scenario = try await loadScenario(context, scope, assessment)
        let identity = try granted.requireIdentity()
        guard let round = try await services.assessments.scoring.currentRound(scope, assessmentID: assessment.id),
            let method = try await services.reference.method(id: assessment.methodVersion)
        else { throw AppError.notFound }
        let shown = try await services.assessments.scoring.visibleScores(scope, assessmentID: assessment.id, round: round)
        let alreadyScored = shown.contains { $0.isOwn && $0.score.scenarioID == scenario.id }
        let canScore =
            Authorizer.allows(identity, state: scope.stateID, .scoreScenario) && ScoreVisibility.canScore(round) && !alreadyScored
            && !assessment.status.isFrozen
        let evidence = try await services.assessments.evidence.evidence(scope, assessmentID: assessment.id, about: .scenario(scenario.id))
        let page = ScenarioPage.make(
            layout: context.layout(scenario.title, tlp: assessment.tlp, path: request.uri.path, state: try await services.states.find(scope)),
            assessment: assessment, scenario: scenario, round: round, shown: shown, method: method, evidence: evidence,
            canAddEvidence: Authorizer.allows(identity, state: scope.stateID, .writeScenario),
            // Removal is offered only where no score can exist yet (the store refuses it anyway once anyone has scored).
            canRemove: Authorizer.allows(identity, state: scope.stateID, .manageAssessment) && round.number == 1
                && !shown.contains { $0.score.scenarioID == scenario.id }, canScore: canScore || failure != nil,
            csrf: context.csrfToken ?? "", submitted: submitted, failure: failure, evidenceFailure: evidenceFailure)
        return .html(services.pages.render(page), status: status)
    }
}
