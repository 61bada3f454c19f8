import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Review and approval: status moves, the snapshots frozen on approval, their charts, and comparing two of them.
struct ApprovalController {
    let lookup: AssessmentLookup
    let approval: Approval
    let store: ApprovalStore
    let accounts: AccountStore
    let reference: ReferenceDataStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        lookup = AssessmentLookup(services)
        approval = services.approval
        store = services.assessments.approval
        accounts = services.accounts
        reference = services.reference
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.post(.status(.parameter, .parameter), .state(.manageAssessment)) { _, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            guard let target = Assessment.Status(rawValue: context.form["to"] ?? "") else {
                throw ValidationFailure(field: "to", "approval.status-invalid")
            }
            try await approval.changeStatus(assessment, to: target, by: try granted.requireIdentity(), scope: scope)
            return .seeOther(SiteURL.assessment(scope.stateID, assessment.id).path, notice: .statusChanged)
        }
        routes.get(.snapshot(.parameter, .parameter, number: .parameter), .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            let snapshot = try await snapshot(context, assessment, scope)
            let approver = try await accounts.account(id: snapshot.approvedBy)?.displayName ?? context.localizer("approval.snapshot.former-account")
            let page = SnapshotPage.make(
                layout: try await lookup.layout(
                    context.localizer("approval.snapshot.title", ["number": String(snapshot.number), "title": assessment.title]), assessment,
                    request, context, scope),
                snapshot: snapshot, approverName: approver)
            return .html(pages.render(page))
        }
        for chart in RegisterChartKind.allCases {
            routes.get(.snapshotChart(.parameter, .parameter, number: .parameter, chart), .state(.viewAssessment)) { _, context, granted in
                let (assessment, scope) = try await lookup.assessment(context, granted)
                let snapshot = try await snapshot(context, assessment, scope)
                return Response(
                    status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: RegisterChart.draw(chart, snapshot.content.register, localizer: context.localizer))))
            }
        }
        routes.get(.compare(.parameter, .parameter), .state(.viewAssessment)) { request, context, granted in
            let (assessment, scope) = try await lookup.assessment(context, granted)
            // Only the two snapshots compared are read in full.
            let numbers = try await store.snapshotNumbers(scope, assessmentID: assessment.id)
            let query = request.uri.queryParameters
            func pick(_ key: Substring, _ fallback: Int?) async throws -> AssessmentSnapshot? {
                guard let number = query[key].flatMap({ Int(String($0)) }).flatMap({ numbers.contains($0) ? $0 : nil }) ?? fallback else {
                    return nil
                }
                return try await store.snapshot(scope, assessmentID: assessment.id, number: number)
            }
            guard let method = try await reference.method(id: assessment.methodVersion) else { throw AppError.notFound }
            let page = ComparePage.make(
                layout: try await lookup.layout(
                    context.localizer("approval.compare.title", ["title": assessment.title]), assessment, request, context, scope),
                assessment: assessment, numbers: numbers, before: try await pick("a", numbers.dropLast().last),
                after: try await pick("b", numbers.last),
                method: method)
            return .html(pages.render(page))
        }
    }

    /// The snapshot named by `{number}`; one whose content no longer matches its hash is not found.
    private func snapshot(_ context: AppRequestContext, _ assessment: Assessment, _ scope: TenantScope) async throws -> AssessmentSnapshot {
        guard let number = context.parameters.get("number").flatMap(Int.init),
            let snapshot = try await store.snapshot(scope, assessmentID: assessment.id, number: number)
        else { throw AppError.notFound }
        return snapshot
    }
}
