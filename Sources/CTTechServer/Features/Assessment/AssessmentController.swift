import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird

/// A state's assessments: the list, opening one, importing one, its overview, and removing mistakes from it.
struct AssessmentController {
    let lookup: AssessmentLookup
    let assessments: Assessments
    let importing: AssessmentImporting
    let stores: AssessmentStores
    let accounts: AccountStore
    let reference: ReferenceDataStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = AssessmentLookup(services)
        assessments = services.assessmentRecords
        importing = services.importing
        stores = services.assessments
        accounts = services.accounts
        reference = services.reference
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.assessments(.parameter), .state(.viewAssessment)) { request, context, granted in
            try await list(request, context, granted, draft: nil, failure: nil, status: .ok)
        }
        routes.post(.assessments(.parameter), .state(.manageAssessment)) { request, context, granted in
            let scope = try granted.requireTenant()
            let draft = AssessmentDraft(
                title: context.form["title"], period: context.form["period"], horizonYears: context.form["horizonYears"], tlp: context.form["tlp"])
            do {
                let assessment = try await assessments.create(draft, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.assessment(scope.stateID, assessment.id).path, notice: .assessmentCreated)
            } catch let failure as ValidationFailure {
                return try await list(request, context, granted, draft: draft, failure: failure, status: .badRequest)
            }
        }
        routes.post(.assessmentImport(.parameter), .state(.manageAssessment)) { request, context, granted in
            let scope = try granted.requireTenant()
            do {
                guard let file = context.form.files["file"], file.readableBytes > 0 else {
                    throw ValidationFailure(field: "file", "assessment.import.choose-file")
                }
                let identity = try granted.requireIdentity()
                let rights = AssessmentImport.CapabilityRights(
                    writeSelf: Authorizer.allows(identity, state: scope.stateID, .writeCapability),
                    validate: Authorizer.allows(identity, state: scope.stateID, .validateCapability),
                    plan: Authorizer.allows(identity, state: scope.stateID, .planDevelopment))
                let assessment = try await importing.run(Data(file.readableBytesView), by: try granted.actor(), scope: scope, capability: rights)
                return .seeOther(SiteURL.assessment(scope.stateID, assessment.id).path, notice: .imported)
            } catch let failure as ValidationFailure {
                return try await list(request, context, granted, draft: nil, failure: nil, importFailure: failure, status: .badRequest)
            }
        }
        routes.get(.assessment(.parameter, .parameter), .state(.viewAssessment)) { request, context, granted in
            // `?from-idea=`: the scenario form filled from a live session's idea (issue 12), for the analyst to complete.
            let idea = request.uri.queryParameters.get("from-idea").map { String($0.prefix(LiveLimits.ideaLength)) }
            let draft = idea.map {
                ScenarioDraft(title: String($0.prefix(200)), narrative: $0, actorType: nil, technologies: [], purposes: [], targetSector: nil)
            }
            return try await overview(request, context, granted, draft: draft, failure: nil, status: .ok)
        }
        // Removal: agencies (with their RACI cells), evidence, other risks, unscored scenarios; never when approved.
        let removals: [(SiteURL, String, RemovableRecord, Permission)] = [
            (.agencyRemove(.parameter, .parameter, agency: .parameter), "agencyID", .agency, .manageAssessment),
            (.evidenceRemove(.parameter, .parameter, evidence: .parameter), "evidenceID", .evidence, .writeScenario),
            (.otherRiskRemove(.parameter, .parameter, risk: .parameter), "riskID", .otherRisk, .manageAssessment),
            (.scenarioRemove(.parameter, .parameter, scenario: .parameter), "scenarioID", .scenario, .manageAssessment),
        ]
        for (route, parameter, kind, permission) in removals {
            routes.post(route, .state(permission)) { _, context, granted in
                let (assessment, scope) = try await lookup.assessment(context, granted)
                guard let id = context.parameters.get(parameter), Identifier.isValid(id) else { throw AppError.notFound }
                let back = try await afterRemoval(kind, id: id, assessment, scope)
                try await assessments.remove(kind, id: id, from: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(back.path, notice: kind == .evidence ? .evidenceRemoved : kind == .scenario ? .scenarioRemoved : .removed)
            }
        }
    }

    /// Where the person goes back to after removing a record: the page that listed it.
    private func afterRemoval(_ kind: RemovableRecord, id: String, _ assessment: Assessment, _ scope: TenantScope) async throws -> SiteURL {
        let (s, a) = (scope.stateID, assessment.id)
        switch kind {
        case .agency: return .institutions(s, a)
        case .otherRisk: return .otherRisks(s, a)
        case .scenario: return .assessment(s, a)
        case .evidence:
            if case .scenario(let scenarioID) = try await stores.evidence.evidenceItem(scope, assessmentID: a, id: id)?.subject {
                return .scenario(s, a, scenario: scenarioID)
            }
            return .horizonScan(s, a)
        }
    }

    func list(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, draft: AssessmentDraft?, failure: ValidationFailure?,
        importFailure: ValidationFailure? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        guard let state = try await lookup.states.find(scope) else { throw AppError.notFound }
        let identity = try granted.requireIdentity()
        let page = AssessmentsPage.make(
            layout: context.layout(
                context.localizer("assessment.list.title", ["state": state.name]), tlp: state.defaultTLP, path: request.uri.path, state: state),
            stateID: state.id,
            assessments: try await AssessmentStanding.read(
                scope, assessments: stores.records, scoring: stores.scoring,
                viewerScores: Authorizer.allows(identity, state: state.id, .scoreScenario)),
            canCreate: Authorizer.allows(identity, state: state.id, .manageAssessment), csrf: context.csrfToken ?? "", draft: draft, failure: failure,
            importFailure: importFailure)
        return .html(pages.render(page), status: status)
    }

    /// The assessment's overview; also shown again, with the problems, when a new scenario is refused.
    func overview(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, draft: ScenarioDraft?, failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await lookup.assessment(context, granted)
        let abilities = AssessmentAbilities(identity: try granted.requireIdentity(), assessment: assessment)
        guard let round = try await stores.scoring.currentRound(scope, assessmentID: assessment.id),
            let method = try await reference.method(id: assessment.methodVersion)
        else { throw AppError.notFound }
        let scenarios = try await stores.scoring.scenarios(scope, assessmentID: assessment.id)
        let mine = try await stores.scoring.visibleScores(scope, assessmentID: assessment.id, round: round).filter(\.isOwn)
        let snapshots = try await stores.approval.snapshotNumbers(scope, assessmentID: assessment.id)
        // Facilitators and focal points see how many have scored each scenario: counts only, never who or what.
        let submissions =
            Authorizer.allows(try granted.requireIdentity(), state: scope.stateID, .manageAssessment)
            ? (
                try await stores.scoring.submissionCounts(scope, assessmentID: assessment.id, round: round.number),
                try await accounts.assessors(scope).count
            ) : nil
        let page = AssessmentPage.make(
            layout: try await lookup.layout(assessment.title, assessment, request, context, scope), assessment: assessment, round: round,
            scenarios: scenarios, scoredByMe: Set(mine.map(\.score.scenarioID)), submissions: submissions, method: method, snapshots: snapshots,
            progress: try await stores.records.progress(scope, assessmentID: assessment.id), abilities: abilities, csrf: context.csrfToken ?? "",
            draft: draft, failure: failure)
        return .html(pages.render(page), status: status)
    }
}
