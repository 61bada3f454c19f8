import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 2: the horizon scan of new technologies and its evidence.
struct HorizonScanController {
    let lookup: AssessmentLookup
    let scanning: HorizonScanning
    let evidenceRecording: EvidenceRecording
    let stores: AssessmentStores
    let reference: ReferenceDataStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = AssessmentLookup(services)
        scanning = services.horizonScanning
        evidenceRecording = services.evidenceRecording
        stores = services.assessments
        reference = services.reference
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.horizonScan(.parameter, .parameter), .state(.viewAssessment)) { request, context, granted in
            // `?technology=T09` loads that line into the form, so an update keeps what the analyst does not change.
            try await page(
                request, context, granted, submitted: [:], editing: request.uri.queryParameters.get("technology").map { String($0) }, failure: nil,
                status: .ok)
        }
        routes.post(.horizonScan(.parameter, .parameter), .state(.writeScenario)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            do {
                _ = try await scanning.record(HorizonScanDraft(fields: context.form.fields), in: assessment, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.horizonScan(scope.stateID, assessment.id).path, notice: .scanSaved)
            } catch let failure as ValidationFailure {
                return try await page(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.post(.scanEvidence(.parameter, .parameter), .state(.writeScenario)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            do {
                _ = try await evidenceRecording.add(
                    EvidenceDraft(fields: context.form.fields), about: .technology(context.form["technology"] ?? ""), in: assessment,
                    field: "technology", by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.horizonScan(scope.stateID, assessment.id).path, notice: .evidenceAdded)
            } catch let failure as ValidationFailure {
                return try await page(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String], editing: String? = nil,
        failure: ValidationFailure?, status: HTTPResponse.Status
    ) async throws -> Response {
        let (assessment, scope) = try await lookup.assessment(context, granted)
        guard let method = try await reference.method(id: assessment.methodVersion) else { throw AppError.notFound }
        let scan = try await stores.scan.horizonScan(scope, assessmentID: assessment.id)
        var submitted = submitted
        if let entry = scan.first(where: { $0.technology == editing }) {
            submitted = ["technology": entry.technology, "stage": entry.stage.rawValue, "trend": entry.trend.rawValue, "notes": entry.notes]
        }
        let page = HorizonScanPage.make(
            layout: try await lookup.layout(context.localizer("horizon.title", ["title": assessment.title]), assessment, request, context, scope),
            assessment: assessment,
            method: method, scan: scan,
            evidence: try await stores.evidence.evidence(scope, assessmentID: assessment.id, about: nil),
            canEdit: AssessmentAbilities(identity: try granted.requireIdentity(), assessment: assessment).write, csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure)
        return .html(pages.render(page), status: status)
    }
}
