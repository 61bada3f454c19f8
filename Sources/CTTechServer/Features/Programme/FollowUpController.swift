import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Requests for assistance and the recommendations of workshops and visits (issue 13): the pipeline and follow-up
/// pages, and the officer's forms that add and move them on.
struct FollowUpController {
    let followUp: ProgrammeFollowUp
    let records: ProgrammeRecords
    let programme: ProgrammeStore
    let followUps: FollowUpStore
    let reference: ReferenceDataStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        followUp = services.programmeFollowUp
        records = services.programmeRecords
        programme = services.programme
        followUps = services.followUps
        reference = services.reference
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.programmeRequests, .programme(.viewProgramme)) { request, context, granted in
            try await requestsPage(request, context, granted, status: .ok)
        }
        routes.post(.programmeRequests, .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            do {
                _ = try await followUp.addRequest(
                    AssistanceRequestDraft(fields: context.form.fields), states: Set(try await records.states(scope).map(\.id)),
                    by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.programmeRequests.path, notice: .requestAdded)
            } catch let failure as ValidationFailure {
                return try await requestsPage(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.post(.programmeRequestStatus(.parameter), .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            guard let id = context.parameters.get("requestID"), Identifier.isValid(id),
                let stored = try await followUps.assistanceRequests(scope).first(where: { $0.id == id })
            else { throw AppError.notFound }
            do {
                _ = try await followUp.moveRequest(
                    stored, fields: context.form.fields, today: ProgrammeRecords.today(), by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.programmeRequests.path, notice: .requestMoved)
            } catch let failure as ValidationFailure {
                return try await requestsPage(request, context, granted, moveFailure: (id, failure), status: .badRequest)
            }
        }
        routes.get(.programmeFollowUps, .programme(.viewProgramme)) { request, context, granted in
            try await followUpsPage(request, context, granted, status: .ok)
        }
        routes.post(.programmeFollowUps, .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            do {
                _ = try await followUp.addRecommendation(
                    RecommendationDraft(fields: context.form.fields), states: Set(try await records.states(scope).map(\.id)), by: try granted.actor(),
                    scope: scope)
                return .seeOther(SiteURL.programmeFollowUps.path, notice: .recommendationAdded)
            } catch let failure as ValidationFailure {
                return try await followUpsPage(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.post(.programmeActionItem(.parameter), .programme(.manageProgramme)) { request, context, granted in
            let scope = try granted.requireProgramme()
            guard let id = context.parameters.get("actionID"), Identifier.isValid(id),
                let recommendation = try await followUps.recommendations(scope).first(where: { $0.items.contains { $0.id == id } }),
                let item = recommendation.items.first(where: { $0.id == id })
            else { throw AppError.notFound }
            do {
                _ = try await followUp.recordItem(
                    item, stateID: recommendation.stateID, fields: context.form.fields, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.programmeFollowUps.path, notice: .actionItemRecorded)
            } catch let failure as ValidationFailure {
                return try await followUpsPage(request, context, granted, submitted: nil, failure: failure, status: .badRequest)
            }
        }
    }

    /// The states whose requests and recommendations the identity may record and change.
    private func managedStates(_ identity: Identity) async throws -> Set<String> {
        guard let manage = try? Authorizer.programme(identity, for: .manageProgramme) else { return [] }
        return Set(try await records.states(manage).map(\.id))
    }

    private func requestsPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]? = nil, failure: ValidationFailure? = nil,
        moveFailure: (id: String, failure: ValidationFailure)? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireProgramme()
        let identity = try granted.requireIdentity()
        let method = try await reference.method()
        let page = ProgrammeRequestsPage.make(
            layout: context.layout(context.localizer("programme.request.title"), tlp: .amber, path: request.uri.path),
            requests: try await followUps.assistanceRequests(scope), events: try await programme.programmeEvents(scope, year: nil),
            states: try await records.states(scope), technologies: method?.names(.technologies, in: context.localizer.language) ?? [:],
            today: ProgrammeRecords.today(), canManage: Authorizer.allowsProgramme(identity, .manageProgramme), csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure, moveFailure: moveFailure, managed: try await managedStates(identity))
        return .html(pages.render(page), status: status)
    }

    private func followUpsPage(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]? = nil, failure: ValidationFailure? = nil,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireProgramme()
        let identity = try granted.requireIdentity()
        let page = ProgrammeFollowUpsPage.make(
            layout: context.layout(context.localizer("programme.follow-up.title"), tlp: .amber, path: request.uri.path),
            recommendations: try await followUps.recommendations(scope), events: try await programme.programmeEvents(scope, year: nil),
            states: try await records.states(scope), today: ProgrammeRecords.today(),
            canManage: Authorizer.allowsProgramme(identity, .manageProgramme),
            csrf: context.csrfToken ?? "", submitted: submitted, failure: failure, managed: try await managedStates(identity))
        return .html(pages.render(page), status: status)
    }
}
