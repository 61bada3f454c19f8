import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Good practices shared between partner states (issue 13), as the state in the path sees them: the list, the form to
/// share one, a practice with its comments, commenting and withdrawal. A practice the state may not see answers 404, as
/// a missing one does (ADR 0011).
struct PracticeController {
    let exchange: PracticeExchange
    let practices: PracticeStore
    let states: PartnerStateStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        exchange = services.practiceExchange
        practices = services.practices
        states = services.states
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.practices(.parameter), .state(.viewPractices)) { request, context, granted in
            let scope = try granted.requireTenant()
            let state = try await state(scope)
            let listed = try await practices.practices(scope)
            // The page names every listed practice: it carries the highest marking among them.
            let page = PracticesPage.make(
                layout: layout(
                    context.localizer("practice.title"), tlp: max(state.defaultTLP, listed.map(\.tlp).max() ?? state.defaultTLP), state: state,
                    request,
                    context), stateID: state.id,
                practices: listed, partners: try await exchange.partners(),
                canShare: Authorizer.allows(try granted.requireIdentity(), state: state.id, .sharePractice))
            return .html(pages.render(page))
        }
        routes.get(.practiceNew(.parameter), .state(.sharePractice)) { request, context, granted in
            try await form(request, context, granted, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.practices(.parameter), .state(.sharePractice)) { request, context, granted in
            let scope = try granted.requireTenant()
            do {
                let practice = try await exchange.share(
                    SharedPracticeDraft(fields: context.form.fields), today: ProgrammeRecords.today(), by: try granted.actor(), scope: scope)
                // A fragment of its own: a redirect without one keeps the form's `#errors` in the address bar.
                return .seeOther(SiteURL.practice(scope.stateID, practice: practice.id).path + "#main", notice: .practiceShared)
            } catch let failure as ValidationFailure {
                return try await form(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.get(.practice(.parameter, practice: .parameter), .state(.viewPractices)) { request, context, granted in
            try await page(request, context, granted, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.practiceComments(.parameter, practice: .parameter), .state(.viewPractices)) { request, context, granted in
            let scope = try granted.requireTenant()
            let practice = try await practice(context, scope)
            do {
                _ = try await exchange.comment(
                    on: practice, fields: context.form.fields, today: ProgrammeRecords.today(), by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.practice(scope.stateID, practice: practice.id).path + "#comments", notice: .practiceCommented)
            } catch let failure as ValidationFailure {
                return try await page(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.post(.practiceWithdraw(.parameter, practice: .parameter), .state(.sharePractice)) { request, context, granted in
            let scope = try granted.requireTenant()
            let practice = try await practice(context, scope)
            // Another state's practice is not this state's to withdraw: as absent as a missing one.
            guard practice.stateID == scope.stateID else { throw AppError.notFound }
            do {
                _ = try await exchange.withdraw(
                    practice, confirmed: context.form["confirm"] == "on", today: ProgrammeRecords.today(), by: try granted.actor(), scope: scope)
            } catch let failure as ValidationFailure {
                // not confirmed: the page again with the tick asked for; already withdrawn: a conflict
                return try await page(
                    request, context, granted, submitted: nil, failure: failure,
                    status: failure.issues.contains { $0.field == "confirm" } ? .badRequest : .conflict)
            }
            return .seeOther(SiteURL.practice(scope.stateID, practice: practice.id).path + "#main", notice: .practiceWithdrawn)
        }
    }

    private func state(_ scope: TenantScope) async throws -> PartnerState {
        guard let state = try await states.find(scope) else { throw AppError.notFound }
        return state
    }

    /// The practice named by `{practiceID}`, if the state in the path may see it.
    private func practice(_ context: AppRequestContext, _ scope: TenantScope) async throws -> SharedPractice {
        guard let id = context.parameters.get("practiceID"), Identifier.isValid(id), let practice = try await practices.practice(scope, id: id)
        else { throw AppError.notFound }
        return practice
    }

    private func layout(_ title: String, tlp: TLP, state: PartnerState, _ request: Request, _ context: AppRequestContext) -> LayoutModel {
        context.layout(title, tlp: tlp, path: request.pathAndQuery, state: state)
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]?, failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await state(scope)
        let tlp = submitted?["tlp"].flatMap(TLP.init(rawValue:)) ?? state.defaultTLP
        let page = PracticeFormPage.make(
            layout: layout(context.localizer("practice.new"), tlp: tlp, state: state, request, context), state: state,
            partners: try await exchange.partners(), csrf: context.csrfToken ?? "", submitted: submitted, failure: failure)
        return .html(pages.render(page), status: status)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]?, failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await state(scope)
        let practice = try await practice(context, scope)
        let page = PracticePage.make(
            layout: layout(practice.title, tlp: practice.tlp, state: state, request, context), stateID: state.id, practice: practice,
            comments: try await practices.practiceComments(scope, practiceID: practice.id), partners: try await exchange.partners(),
            canWithdraw: Authorizer.allows(try granted.requireIdentity(), state: state.id, .sharePractice), csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure)
        return .html(pages.render(page), status: status)
    }
}
