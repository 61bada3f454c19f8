import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird

/// Steps 1–2, evidence, approval with snapshots, comparison and import, for one partner state's assessment.
struct StepsController {
    let services: AppServices
    var assessments: AssessmentController { AssessmentController(services: services) }

    func addRoutes(to routes: RouteTable) {
        let base = "/states/{stateID}/assessments/{assessmentID}"
        routes.get("\(base)/institutions", .state(.viewAssessment)) { request, context, granted in
            try await institutions(request, context, granted, submitted: [:], failure: nil, status: .ok)
        }
        routes.post("\(base)/agencies", .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            do {
                _ = try await services.institutions.addAgency(
                    AgencyDraft(fields: context.form.fields), to: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.institutions(scope.stateID, assessment.id))
            } catch let failure as ValidationFailure {
                return try await institutions(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.post("\(base)/raci", .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            do {
                let cells = try RaciMatrix.parse(formFields: context.form.fields)
                try await services.institutions.saveRaci(cells, in: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.institutions(scope.stateID, assessment.id))
            } catch let failure as ValidationFailure {
                return try await institutions(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.get("\(base)/horizon-scan", .state(.viewAssessment)) { request, context, granted in
            try await scan(request, context, granted, submitted: [:], failure: nil, status: .ok)
        }
        routes.post("\(base)/horizon-scan", .state(.writeScenario)) { request, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            do {
                _ = try await services.horizonScanning.record(
                    HorizonScanDraft(fields: context.form.fields), in: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.horizonScan(scope.stateID, assessment.id))
            } catch let failure as ValidationFailure {
                return try await scan(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.post("\(base)/horizon-scan/evidence", .state(.writeScenario)) { request, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            do {
                _ = try await services.evidenceRecording.add(
                    EvidenceDraft(fields: context.form.fields), about: .technology(context.form["technology"] ?? ""), in: assessment,
                    field: "technology", by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.horizonScan(scope.stateID, assessment.id))
            } catch let failure as ValidationFailure {
                return try await scan(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.post("\(base)/scenarios/{scenarioID}/evidence", .state(.writeScenario)) { request, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            let scenario = try await assessments.loadScenario(context, scope, assessment)
            do {
                _ = try await services.evidenceRecording.add(
                    EvidenceDraft(fields: context.form.fields), about: .scenario(scenario.id), in: assessment, field: "scenario",
                    by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.scenario(scope.stateID, assessment.id, scenario.id))
            } catch let failure as ValidationFailure {
                return try await assessments.scenarioPage(
                    request, context, granted, submitted: context.form.fields, failure: nil, evidenceFailure: failure, status: .badRequest)
            }
        }
        routes.post("\(base)/status", .state(.manageAssessment)) { _, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            guard let target = Assessment.Status(rawValue: context.form["to"] ?? "") else {
                throw ValidationFailure(field: "to", "must be draft, in-review or approved")
            }
            try await services.approval.changeStatus(assessment, to: target, by: try granted.requireIdentity(), scope: scope)
            return .seeOther(SiteURL.assessment(scope.stateID, assessment.id))
        }
        routes.get("\(base)/snapshots/{number}", .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            guard let number = context.parameters.get("number").flatMap(Int.init),
                let snapshot = try await services.assessments.approval.snapshot(scope, assessmentID: assessment.id, number: number)
            else { throw AppError.notFound }
            let approver = try await services.accounts.account(id: snapshot.approvedBy)?.displayName ?? "a former account"
            let page = SnapshotPage.make(
                layout: context.layout(
                    "Snapshot \(number) · \(assessment.title)", tlp: assessment.tlp, path: request.uri.path,
                    state: try await services.states.find(scope)),
                snapshot: snapshot, approverName: approver)
            return .html(services.pages.render(page))
        }
        for (name, draw) in RegisterChart.files {
            routes.get("\(base)/snapshots/{number}/\(name)", .state(.viewAssessment)) { _, context, granted in
                let (assessment, scope) = try await assessments.load(context, granted)
                guard let number = context.parameters.get("number").flatMap(Int.init),
                    let snapshot = try await services.assessments.approval.snapshot(scope, assessmentID: assessment.id, number: number)
                else { throw AppError.notFound }
                return Response(
                    status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: draw(snapshot.content.register))))
            }
        }
        routes.get("\(base)/compare", .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            // Only the two snapshots compared are read in full.
            let numbers = try await services.assessments.approval.snapshotNumbers(scope, assessmentID: assessment.id)
            let query = request.uri.queryParameters
            func pick(_ key: Substring, _ fallback: Int?) async throws -> AssessmentSnapshot? {
                guard let number = query[key].flatMap({ Int(String($0)) }).flatMap({ numbers.contains($0) ? $0 : nil }) ?? fallback else {
                    return nil
                }
                return try await services.assessments.approval.snapshot(scope, assessmentID: assessment.id, number: number)
            }
            guard let method = try await services.reference.method(id: assessment.methodVersion) else { throw AppError.notFound }
            let page = ComparePage.make(
                layout: context.layout(
                    "Compare snapshots · \(assessment.title)", tlp: assessment.tlp, path: request.uri.path,
                    state: try await services.states.find(scope)),
                assessment: assessment, numbers: numbers, before: try await pick("a", numbers.dropLast().last),
                after: try await pick("b", numbers.last),
                method: method)
            return .html(services.pages.render(page))
        }
        // Corrections: an agency or another national risk on a page of its own.
        addCorrection(.agency, base: base, to: routes)
        addCorrection(.otherRisk, base: base, to: routes)
        // Removal: agencies (with their RACI cells), evidence, other risks, unscored scenarios; never when approved.
        let removals: [(String, RemovableRecord, Permission)] = [
            ("agencies", .agency, .manageAssessment), ("evidence", .evidence, .writeScenario), ("other-risks", .otherRisk, .manageAssessment),
            ("scenarios", .scenario, .manageAssessment),
        ]
        for (segment, kind, permission) in removals {
            // The router wants one parameter name per position, so each kind keeps the name its other routes use.
            let parameter =
                switch kind {
                case .agency: "agencyID"
                case .evidence: "evidenceID"
                case .otherRisk: "riskID"
                case .scenario: "scenarioID"
                }
            routes.post("\(base)/\(segment)/{\(parameter)}/delete", .state(permission)) { _, context, granted in
                let (assessment, scope) = try await assessments.load(context, granted)
                guard let id = context.parameters.get(parameter), Identifier.isValid(id) else { throw AppError.notFound }
                var back: String
                switch kind {
                case .agency: back = SiteURL.institutions(scope.stateID, assessment.id)
                case .otherRisk: back = SiteURL.otherRisks(scope.stateID, assessment.id)
                case .scenario: back = SiteURL.assessment(scope.stateID, assessment.id)
                case .evidence:
                    switch try await services.assessments.evidence.evidenceItem(scope, assessmentID: assessment.id, id: id)?.subject {
                    case .scenario(let scenarioID): back = SiteURL.scenario(scope.stateID, assessment.id, scenarioID)
                    default: back = SiteURL.horizonScan(scope.stateID, assessment.id)
                    }
                }
                try await services.assessmentRecords.remove(kind, id: id, from: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(back)
            }
        }
        routes.post("/states/{stateID}/assessment-import", .state(.manageAssessment)) { request, context, granted in
            let scope = try granted.requireTenant()
            do {
                guard let file = context.form.files["file"], file.readableBytes > 0 else {
                    throw ValidationFailure(field: "file", "choose a JSON file to import")
                }
                let assessment = try await services.importing.run(Data(file.readableBytesView), by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.assessment(scope.stateID, assessment.id))
            } catch let failure as ValidationFailure {
                return try await assessments.list(request, context, granted, draft: nil, failure: nil, importFailure: failure, status: .badRequest)
            }
        }
    }

    /// The correction form (GET …/edit) and its target (POST) for one kind of record.
    private func addCorrection<Item: Sendable>(_ kind: Correction<Item>, base: String, to routes: RouteTable) {
        let path = "\(base)/\(kind.segment)/{\(kind.parameter)}"
        routes.get(path + "/edit", .state(.manageAssessment)) { request, context, granted in
            try await correctionPage(kind, request, context, granted, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(path, .state(.manageAssessment)) { request, context, granted in
            let (assessment, scope) = try await assessments.load(context, granted)
            let existing = try await record(kind, context, assessment, scope)
            do {
                _ = try await kind.correct(services, kind.id(existing), context.form.fields, assessment, try granted.actor(), scope)
                return .seeOther(kind.back(scope.stateID, assessment.id))
            } catch let failure as ValidationFailure {
                return try await correctionPage(
                    kind, request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
    }

    /// The record named by the kind's path parameter in this assessment, or 404.
    private func record<Item>(
        _ kind: Correction<Item>, _ context: AppRequestContext, _ assessment: Assessment, _ scope: TenantScope
    ) async throws
        -> Item
    {
        guard let wanted = context.parameters.get(kind.parameter), Identifier.isValid(wanted),
            let found = try await kind.list(services.assessments, scope, assessment.id).first(where: { kind.id($0) == wanted })
        else { throw AppError.notFound }
        return found
    }

    private func correctionPage<Item>(
        _ kind: Correction<Item>, _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]?,
        failure: ValidationFailure?, status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await assessments.load(context, granted)
        if assessment.status.isFrozen { throw AssessmentRuleViolation.frozen }
        let item = try await record(kind, context, assessment, scope)
        let layout = context.layout(kind.title, tlp: assessment.tlp, path: request.uri.path, state: try await services.states.find(scope))
        let page = kind.page(layout, assessment, item, submitted, context.csrfToken ?? "", failure)
        return .html(services.pages.render(page), status: status)
    }

    private func institutions(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String], failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await assessments.load(context, granted)
        let page = InstitutionsPage.make(
            layout: context.layout(
                "Roles and structures · \(assessment.title)", tlp: assessment.tlp, path: request.uri.path,
                state: try await services.states.find(scope)),
            assessment: assessment, agencies: try await services.assessments.institutions.agencies(scope, assessmentID: assessment.id),
            raci: try await services.assessments.institutions.raci(scope, assessmentID: assessment.id),
            canEdit: Authorizer.allows(try granted.requireIdentity(), state: scope.stateID, .manageAssessment), csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure)
        return .html(services.pages.render(page), status: status)
    }

    private func scan(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String], failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await assessments.load(context, granted)
        guard let method = try await services.reference.method(id: assessment.methodVersion) else { throw AppError.notFound }
        let page = HorizonScanPage.make(
            layout: context.layout(
                "Horizon scan · \(assessment.title)", tlp: assessment.tlp, path: request.uri.path, state: try await services.states.find(scope)),
            assessment: assessment, method: method, scan: try await services.assessments.scan.horizonScan(scope, assessmentID: assessment.id),
            evidence: try await services.assessments.evidence.evidence(scope, assessmentID: assessment.id, about: nil),
            canEdit: Authorizer.allows(try granted.requireIdentity(), state: scope.stateID, .writeScenario), csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure)
        return .html(services.pages.render(page), status: status)
    }
}

/// What differs between the records that can be corrected on a page of their own: where they live, how they are read,
/// checked and saved, and where the user goes back to.
struct Correction<Item: Sendable>: Sendable {
    let segment: String
    let parameter: String
    let title: String
    let id: @Sendable (Item) -> String
    let list: @Sendable (AssessmentStores, TenantScope, String) async throws -> [Item]
    /// The use case that checks and saves the corrected fields of the record with the given id.
    let correct: @Sendable (AppServices, String, [String: String], Assessment, AuditActor, TenantScope) async throws -> Item
    let back: @Sendable (String, String) -> String
    let page: @Sendable (LayoutModel, Assessment, Item, [String: String]?, String, ValidationFailure?) -> EditRecordPage
}

extension Correction where Item == Agency {
    static let agency = Correction(
        segment: "agencies", parameter: "agencyID", title: "Correct an agency", id: \.id,
        list: { try await $0.institutions.agencies($1, assessmentID: $2) },
        correct: { try await $0.institutions.correctAgency($1, with: AgencyDraft(fields: $2), in: $3, by: $4, scope: $5) },
        back: SiteURL.institutions,
        page: { EditRecordPage.agency(layout: $0, assessment: $1, agency: $2, submitted: $3, csrf: $4, failure: $5) })
}

extension Correction where Item == OtherRisk {
    static let otherRisk = Correction(
        segment: "other-risks", parameter: "riskID", title: "Correct another national risk", id: \.id,
        list: { try await $0.risks.otherRisks($1, assessmentID: $2) },
        correct: { try await $0.otherRisks.correct($1, with: OtherRiskDraft(fields: $2), in: $3, by: $4, scope: $5) },
        back: SiteURL.otherRisks,
        page: { EditRecordPage.otherRisk(layout: $0, assessment: $1, risk: $2, submitted: $3, csrf: $4, failure: $5) })
}
