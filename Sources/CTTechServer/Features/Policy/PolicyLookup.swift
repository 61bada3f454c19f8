import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird

/// Finds what a policy route names — the state, the response — inside the granted state (404 otherwise), and builds
/// the layout of the module's pages.
struct PolicyLookup: Sendable {
    let policy: PolicyStore
    let states: PartnerStateStore

    init(_ services: AppServices) {
        policy = services.policy
        states = services.states
    }

    func state(_ scope: TenantScope) async throws -> PartnerState {
        guard let state = try await states.find(scope) else { throw AppError.notFound }
        return state
    }

    /// The response named by `{responseID}` in the granted state.
    func response(_ context: AppRequestContext, _ scope: TenantScope) async throws -> PolicyResponse {
        guard let id = context.parameters.get("responseID"), Identifier.isValid(id), let response = try await policy.response(scope, id: id)
        else { throw AppError.notFound }
        return response
    }

    /// The layout of a policy page: the marking (the response's, or the state's default) and the state's navigation.
    func layout(_ title: String, tlp: TLP?, state: PartnerState, _ request: Request, _ context: AppRequestContext) -> LayoutModel {
        context.layout(title, tlp: tlp ?? state.defaultTLP, path: request.pathAndQuery, state: state)
    }

    /// The version the form was read at (a missing or malformed one is a 400).
    static func version(_ context: AppRequestContext) throws -> Int {
        guard let version = context.form["version"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw AppError.badRequest("policy.form.no-version")
        }
        return version
    }

    /// Today's date (UTC).
    static var today: CalendarDate { CalendarDate(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000)) }
}
